package dev.pymastery.runner.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers read it: one {@code testsuite} per notebook, one {@code testcase} per
 * code cell. Test names are stable across runs: the suite and class name is the notebook path, the
 * test name is {@code cell ID} for a cell with an nbformat 4.5 id (so inserting a cell renames
 * nothing) and {@code cell #N} otherwise. Output mismatches are failures; errors, timeouts and
 * lost kernels are errors.
 */
public final class JunitXml {
    private JunitXml() {}

    /** The name a cell's testcase gets. */
    public static String testName(CellResult cell) {
        return cell.cell()
                .id()
                .map(id -> "cell " + id)
                .orElse("cell #" + cell.cell().number());
    }

    public static void write(Path file, List<NotebookResult> results) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (OutputStream stream = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(stream, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuites");
                xml.writeAttribute("name", "nbval");
                attributes(xml, results);
                for (NotebookResult result : results) {
                    suite(xml, result);
                }
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JUnit XML " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML " + file, e);
        }
    }

    private static void attributes(XMLStreamWriter xml, List<NotebookResult> results) throws XMLStreamException {
        long tests = results.stream()
                .mapToLong(r -> r.cells().size() + (r.problem().isPresent() ? 1 : 0))
                .sum();
        long failures = results.stream()
                .mapToLong(r -> r.count(CellVerdict.OutputsDiffer.class))
                .sum();
        long errors = results.stream()
                        .mapToLong(r -> r.failures() - r.count(CellVerdict.OutputsDiffer.class))
                        .sum()
                + results.stream().filter(r -> r.problem().isPresent()).count();
        long skipped = results.stream()
                .mapToLong(r -> r.count(CellVerdict.Skipped.class))
                .sum();
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute(
                "time", seconds(results.stream().map(NotebookResult::duration).reduce(Duration.ZERO, Duration::plus)));
    }

    private static void suite(XMLStreamWriter xml, NotebookResult result) throws XMLStreamException {
        String name = result.notebook().toString();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        attributes(xml, List.of(result));
        if (result.problem().isPresent()) {
            testcase(xml, name, "notebook", Duration.ZERO);
            xml.writeStartElement("error");
            xml.writeAttribute("message", clean(result.problem().get()));
            xml.writeCharacters(clean(result.problem().get()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (CellResult cell : result.cells()) {
            testcase(xml, name, testName(cell), cell.duration());
            verdict(xml, cell);
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, String classname, String name, Duration time)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", seconds(time));
    }

    private static void verdict(XMLStreamWriter xml, CellResult cell) throws XMLStreamException {
        CellVerdict verdict = cell.verdict();
        String element =
                switch (verdict) {
                    case CellVerdict.Passed p -> null;
                    case CellVerdict.Updated u -> null;
                    case CellVerdict.Skipped s -> "skipped";
                    case CellVerdict.OutputsDiffer d -> "failure";
                    case CellVerdict.Raised r -> "error";
                    case CellVerdict.TimedOut t -> "error";
                    case CellVerdict.KernelLost k -> "error";
                };
        if (element == null) {
            return;
        }
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(cell.cell().label() + ": " + verdict.summary()));
        if (verdict instanceof CellVerdict.Raised raised) {
            xml.writeAttribute("type", raised.ename());
        }
        String details = CellReports.details(verdict);
        if (!details.isEmpty()) {
            xml.writeCharacters(clean(CellReports.source(cell.cell()) + details));
        }
        xml.writeEndElement();
    }

    /** Text XML 1.0 can carry: colour codes dropped, other forbidden characters shown as \\uXXXX. */
    private static String clean(String text) {
        String plain = CellReports.withoutAnsi(text);
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            if (allowed) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            }
        });
        return out.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
