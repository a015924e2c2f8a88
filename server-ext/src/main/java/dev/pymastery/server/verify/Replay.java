package dev.pymastery.server.verify;

import dev.pymastery.checks.CheckRuntime;
import dev.pymastery.kernel.magic.CellParser;
import dev.pymastery.kernel.magic.ParsedCell;
import dev.pymastery.progress.client.Submission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the server runs for a submission, in order: Python that writes the submitted files, then the
 * cells that ran in the check's runtime, each as the code that runtime ran. A GraalPy check's lab
 * runs in the server's stock CPython (GraalPy implements Python 3.12; the labs are plain Python);
 * a CPython check's lab is its {@code %%cpython} (or {@code %%ft}, {@code %%cuda}) cells for that
 * runtime. Cells for other runtimes are left out, as are cell magics the server cannot run.
 *
 * @param runtime the container runtime to run in ({@code stock}, {@code ft}, {@code py314}, {@code cuda})
 * @param steps the code to run, each as one cell
 * @param skipped a line per cell left out, and why
 */
record Replay(String runtime, List<String> steps, List<String> skipped) {
    Replay {
        steps = List.copyOf(steps);
        skipped = List.copyOf(skipped);
    }

    static Replay of(CheckRuntime check, Submission submission) {
        String runtime = check == CheckRuntime.GRAALPY ? "stock" : check.key();
        List<String> steps = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!submission.files().isEmpty()) {
            steps.add(writeFiles(submission.files()));
        }
        int number = 0;
        for (Submission.Cell cell : submission.cells()) {
            number++;
            String label =
                    "cell " + number + cell.id().map(id -> " (id " + id + ")").orElse("");
            switch (CellParser.parse(cell.code())) {
                case ParsedCell.Python python -> {
                    if (check == CheckRuntime.GRAALPY) {
                        steps.add(python.code());
                    }
                }
                case ParsedCell.CellMagicCall call -> {
                    String target = targetOf(call);
                    if (target.equals(runtime) && check != CheckRuntime.GRAALPY) {
                        steps.add(call.body());
                    } else if (check == CheckRuntime.GRAALPY && call.name().equals("capture")) {
                        steps.add(call.body());
                    } else if (check == CheckRuntime.GRAALPY && call.name().equals("writefile")) {
                        steps.add(writeFile(call.args(), call.body()));
                    } else if (target.isEmpty() && check == CheckRuntime.GRAALPY) {
                        skipped.add(label + ": %%" + call.name() + " does not run on the server");
                    }
                }
            }
        }
        return new Replay(runtime, steps, skipped);
    }

    /** The runtime a cell magic runs its body in, or "" for a magic that is not a runtime. */
    private static String targetOf(ParsedCell.CellMagicCall call) {
        return switch (call.name()) {
            case "cpython" -> {
                String first = call.args().strip().split("\\s+")[0];
                yield first.isEmpty() || first.startsWith("-") ? "stock" : first;
            }
            case "ft", "cuda" -> call.name();
            default -> "";
        };
    }

    private static String writeFiles(Map<String, String> files) {
        StringBuilder code = new StringBuilder("import base64 as _b64, os as _os\n");
        files.forEach((path, content) -> code.append("_os.makedirs(_os.path.dirname(")
                .append(python(path))
                .append(") or '.', exist_ok=True)\nwith open(")
                .append(python(path))
                .append(", 'wb') as _f:\n    _f.write(_b64.b64decode(")
                .append(python(content))
                .append("))\n"));
        return code.append("del _b64, _os, _f\n").toString();
    }

    /** {@code %%writefile [-a] PATH} as Python, so a lab that writes a module still has it. */
    private static String writeFile(String args, String body) {
        List<String> words = new ArrayList<>(List.of(args.strip().split("\\s+")));
        boolean append = words.remove("-a") || words.remove("--append");
        String path = words.isEmpty() ? "" : words.get(0);
        String encoded = Base64.getEncoder().encodeToString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "import base64 as _b64\nwith open(" + python(path) + ", " + python(append ? "ab" : "wb")
                + ") as _f:\n    _f.write(_b64.b64decode(" + python(encoded) + "))\ndel _b64, _f\n";
    }

    private static String python(String text) {
        return dev.pymastery.kernel.runtime.PythonSources.pythonString(text);
    }
}
