package dev.pymastery.runner;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./pymastery nbval}: the composition root. The default folder comes from the
 * {@code pymastery.notebooks} system property (the launcher sets it), else {@code notebooks}.
 * Exit codes: 0 all passed, 1 a cell or notebook failed, 2 wrong usage.
 */
public final class NbvalMain {
    private NbvalMain() {}

    public static void main(String[] args) {
        int code;
        try {
            NbvalOptions options = NbvalArguments.parse(
                    Arrays.asList(args),
                    System.getenv(),
                    Path.of(System.getProperty("pymastery.notebooks", "notebooks")));
            code = new Nbval(options, System.out, event -> {}).run().exitCode();
        } catch (NbvalArguments.HelpRequested help) {
            System.out.print(NbvalArguments.USAGE);
            code = 0;
        } catch (UsageException e) {
            System.err.println("pymastery nbval: " + e.getMessage());
            System.err.println("(./pymastery nbval --help lists the options)");
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }
}
