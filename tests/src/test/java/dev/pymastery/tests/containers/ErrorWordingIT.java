package dev.pymastery.tests.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pymastery.testkit.Execution;
import dev.pymastery.testkit.JupyterDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learners see CPython's error messages: every case in error_cases.txt fails in the GraalPy kernel
 * with the exception type and message (reply and the traceback's last line) that the stock CPython
 * runtime gives, except the known differences below, each described in docs/architecture.md
 * ("GraalPy differences learners meet").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorWordingIT {
    /** Cases whose wording still differs, and why. */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "object().x = 1", "the object is a call's result: finding it would run code again",
            "class A: pass\ndel A()[0]", "the object is a call's result: finding it would run code again",
            "class S:\n    __slots__ = ('a',)\nS().b = 1", "the object is a call's result",
            "import datetime; d = datetime.date(2020, 1, 1); d[0] = 1",
                    "GraalPy's datetime is pure Python: date is not CPython's C type 'datetime.date'",
            "list.append(1)", "GraalPy checks the argument count before the descriptor's object type",
            "int.from_bytes()", "built-ins' Argument Clinic wording (missing required argument 'bytes' (pos 1))");

    @TempDir
    static Path dir;

    private JupyterDriver kernel;

    @BeforeAll
    void startKernel() throws Exception {
        TestRuntimes.require();
        Files.createDirectories(dir.resolve("config"));
        kernel = JupyterDriver.start(
                TestRuntimes.kernel(), dir, dir.resolve("kernel.log"), TestRuntimes.env(dir.resolve("config")));
    }

    @AfterAll
    void stopKernel() throws Exception {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void everyCaseFailsWithCPythonsTypeAndMessage() {
        List<String> cases = cases();
        assertThat(cases).hasSizeGreaterThan(100).containsAll(KNOWN_DIFFERENCES.keySet());
        List<String> differing = new ArrayList<>();
        List<String> nowMatching = new ArrayList<>();
        for (String code : cases) {
            Execution cpython = kernel.execute("%%cpython\n" + code);
            Execution graalpy = kernel.execute(code);
            assertThat(cpython.ename()).as("CPython fails on %s", code).isNotEmpty();
            String expected = line(cpython.ename(), cpython.evalue());
            String reported = line(graalpy.ename(), graalpy.evalue());
            String lastLine = lastLine(graalpy.traceback());
            boolean same = reported.equals(expected) && lastLine.equals(expected);
            if (!same && !KNOWN_DIFFERENCES.containsKey(code)) {
                differing.add("%s%n    CPython: %s%n    kernel:  %s%n    last line: %s"
                        .formatted(code, expected, reported, lastLine));
            } else if (same && KNOWN_DIFFERENCES.containsKey(code)) {
                nowMatching.add(code);
            }
        }
        assertThat(differing).as("cases worded otherwise than CPython").isEmpty();
        assertThat(nowMatching)
                .as("known differences that match now (remove them)")
                .isEmpty();
    }

    @Test
    void chainedErrorsAreWordedAsCPythonWordsThemToo() {
        Execution chained = kernel.execute("""
                t = (1, 2)
                try:
                    t[0] = 3
                except TypeError as error:
                    seen = str(error)
                    raise ValueError("wrapped") from error
                """);
        assertThat(chained.ename()).isEqualTo("ValueError");
        assertThat(chained.traceback())
                .contains("TypeError: 'tuple' object does not support item assignment")
                .contains("The above exception was the direct cause")
                .endsWith("ValueError: wrapped")
                .doesNotContain("Storage");
        assertThat(kernel.execute("seen").result())
                .as("the exception keeps GraalPy's text: only its report is reworded")
                .contains("IntSequenceStorage");
    }

    /** The traceback's last line for an exception, as CPython prints it. */
    private static String line(String ename, String evalue) {
        return evalue.isEmpty() ? ename : ename + ": " + evalue;
    }

    private static String lastLine(String traceback) {
        String[] lines = traceback.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static List<String> cases() {
        try (InputStream in = ErrorWordingIT.class.getResourceAsStream("/containers/error_cases.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf("\n\n") + 2);
            return Arrays.stream(body.split("\n---\n")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
