package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;

/**
 * {@code %pip} and {@code %conda}: this kernel installs nothing while it runs, and says what to do
 * instead (GraalPy's packages ship with the kernel, the CPython runtimes' with their images).
 */
record PackageInstallMagic(String name) implements LineMagic {
    @Override
    public String help() {
        return "%" + name + ": says where packages come from here (nothing is installed while the kernel runs)";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        throw new MagicUsageException("%" + name + " " + args.strip()
                + ": this kernel does not install packages while it runs. GraalPy cells have the packages that"
                + " ship with the kernel; %%cpython, %%ft and %%cuda cells run images with the course's packages"
                + " (numpy, pandas, matplotlib and more; %runtimes lists the images). If a lab needs another"
                + " package, ask your instructor to add it to the runtime image.");
    }
}
