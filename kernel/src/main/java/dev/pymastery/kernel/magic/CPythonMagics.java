package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.runtime.container.CPythonRuntimes;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/** The magics of the CPython runtimes: %%cpython, %%ft, %%cuda, %cpython, %runtimes, %runtime. */
public final class CPythonMagics {
    private CPythonMagics() {}

    public static MagicRegistry register(MagicRegistry registry, CPythonRuntimes runtimes, ObjectMapper json) {
        ValueCopier values = new ValueCopier(json);
        String options = " [--in a,b] [--out c] [--timeout S] [--fresh]";
        return registry.register(new CPythonCellMagic(
                        "cpython",
                        Optional.empty(),
                        "%%cpython [RUNTIME]" + options + ": run the cell in real CPython (stock unless RUNTIME is"
                                + " named); its names persist across cells; --in/--out copy GraalPy values",
                        runtimes,
                        values))
                .register(new CPythonCellMagic(
                        "ft",
                        Optional.of("ft"),
                        "%%ft" + options + ": run the cell in free-threaded CPython (no GIL)",
                        runtimes,
                        values))
                .register(new CPythonCellMagic(
                        "cuda",
                        Optional.of("cuda"),
                        "%%cuda" + options + ": run the cell in CPython with CUDA and PyTorch, on a GPU",
                        runtimes,
                        values))
                .register(new CPythonLineMagic(runtimes))
                .register(new RuntimesMagic(runtimes))
                .register(new RuntimeMagic(runtimes));
    }
}
