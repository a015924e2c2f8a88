package dev.pymastery.runner.curriculum;

import dev.pymastery.runner.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ./pymastery release WEEK|TRACK|PATH... --out DIR}: parses the command line and reports. */
final class ReleaseCommand {
    static final String USAGE = """
            usage: pymastery release WEEK|TRACK|PATH... --out DIR

            Writes the learner version of each notebook below DIR, keeping its month or track folder
            (DIR/month1/week03-slug.ipynb, DIR/architect/lab03-slug.ipynb), with its checks file
            beside it. WEEK: 3, 03 or week03 (that week's notebooks under notebooks/); TRACK:
            architect (the track's labs); PATH: a notebook or a folder.

            In the learner version the lines between "### BEGIN SOLUTION" and "### END SOLUTION"
            become "# YOUR CODE HERE" + "raise NotImplementedError()" in code cells (at the marker's
            indentation) and "YOUR ANSWER HERE" in markdown cells; cells tagged instructor-only are
            removed; outputs and execution counts are cleared; %check cells stay.

            A notebook with a misplaced marker, or a %check that its checks file lacks, is reported
            and not written. Exit code 0 when every notebook was released, 1 otherwise, 2 for wrong
            usage. DIR must not be inside notebooks/.
            """;

    private final Curriculum curriculum;
    private final Release release;
    private final PrintStream out;

    ReleaseCommand(Curriculum curriculum, Release release, PrintStream out) {
        this.curriculum = curriculum;
        this.release = release;
        this.out = out;
    }

    int run(List<String> arguments) {
        List<String> selectors = new ArrayList<>();
        Optional<Path> outDir = Optional.empty();
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (arg.equals("--out") || arg.equals("-o")) {
                if (i + 1 == arguments.size()) {
                    throw new UsageException(arg + " needs a folder");
                }
                outDir = Optional.of(Path.of(arguments.get(++i)));
            } else if (arg.startsWith("--out=")) {
                outDir = Optional.of(Path.of(arg.substring("--out=".length())));
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE);
                return 0;
            } else if (arg.startsWith("-")) {
                throw new UsageException("unknown option '" + arg + "'");
            } else {
                selectors.add(arg);
            }
        }
        if (selectors.isEmpty()) {
            throw new UsageException(
                    "name the weeks, tracks or notebooks to release (e.g. 3, week03, architect or a path)");
        }
        Path dir = outDir.orElseThrow(() -> new UsageException("--out DIR is required"));
        if (curriculum.contains(dir)) {
            throw new UsageException("--out " + dir + " is inside " + curriculum.root()
                    + "; learner versions must not land beside the instructor notebooks");
        }
        List<Path> notebooks = curriculum.select(selectors);
        if (notebooks.isEmpty()) {
            throw new UsageException("no notebooks in " + selectors);
        }
        int failed = 0;
        for (Path notebook : notebooks) {
            switch (release.release(notebook, dir)) {
                case Release.Result.Written written ->
                    out.println("released " + notebook + " -> " + written.learner()
                            + " (" + written.regions() + " solution region(s) stubbed, " + written.removedCells()
                            + " instructor-only cell(s) removed"
                            + written.checks()
                                    .map(c -> ", checks " + c.getFileName())
                                    .orElse("")
                            + ")");
                case Release.Result.Failed refused -> {
                    failed++;
                    out.println("ERROR " + notebook + ": not released");
                    refused.problems().forEach(problem -> out.println("  " + problem));
                }
            }
        }
        out.println("release: " + (notebooks.size() - failed) + " of " + notebooks.size() + " notebook(s) written to "
                + dir);
        return failed == 0 ? 0 : 1;
    }
}
