package dev.pymastery.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {
    @Test
    void aFirstLineWithTwoPercentSignsMakesACellMagic() {
        ParsedCell cell = CellParser.parse("\n%%writefile -a notes.py\nx = 1\ny = 2");
        assertThat(cell).isEqualTo(new ParsedCell.CellMagicCall("writefile", "-a notes.py", "x = 1\ny = 2"));
        assertThat(CellParser.parse("%%html")).isEqualTo(new ParsedCell.CellMagicCall("html", "", ""));
    }

    @Test
    void lineMagicsBecomeCalls() {
        assertThat(python("%time f(1)")).isEqualTo("_pymastery_line_magic(\"time\", \"f(1)\")");
        assertThat(python("for i in x:\n    %timeit -n 3 g(i)"))
                .isEqualTo("for i in x:\n    _pymastery_line_magic(\"timeit\", \"-n 3 g(i)\")");
        assertThat(python("here = %pwd")).isEqualTo("here = _pymastery_line_magic(\"pwd\", \"\")");
        assertThat(python("a, b = %who_ls")).isEqualTo("a, b = _pymastery_line_magic(\"who_ls\", \"\")");
    }

    @Test
    void shellEscapesBecomeSystemAndSx() {
        assertThat(python("!ls -la")).isEqualTo("_pymastery_line_magic(\"system\", \"ls -la\")");
        assertThat(python("files = !ls")).isEqualTo("files = _pymastery_line_magic(\"sx\", \"ls\")");
    }

    @Test
    void questionMarksAskForHelpAsInIPython() {
        assertThat(python("print?")).isEqualTo("_pymastery_line_magic(\"pinfo\", \"print\")");
        assertThat(python("os.path.join??")).isEqualTo("_pymastery_line_magic(\"pinfo2\", \"os.path.join\")");
        assertThat(python("?len")).isEqualTo("_pymastery_line_magic(\"pinfo\", \"len\")");
        assertThat(python("  ??str.split ")).isEqualTo("  _pymastery_line_magic(\"pinfo2\", \"str.split\")");
        assertThat(python("x = 1\nx?")).isEqualTo("x = 1\n_pymastery_line_magic(\"pinfo\", \"x\")");
        // Not help: a question mark inside a string, after an expression that is not a name, or three of them.
        for (String code : List.of("s = 'why?'", "f(x)?", "x???", "'''\nx?\n'''")) {
            assertThat(python(code)).as(code).isEqualTo(code);
        }
    }

    @Test
    void magicsInsideStringsBracketsAndContinuationsAreLeftAlone() {
        String code = "s = '''\n%time no\n'''\nv = [7\n%4]\nw = 1 + \\\n%2\nt = \"%time\"  # %time";
        assertThat(python(code)).isEqualTo(code);
        assertThat(python("x = 5 % 3")).isEqualTo("x = 5 % 3");
    }

    @Test
    void argumentsAreQuotedAsPythonStrings() {
        assertThat(CellParser.pythonString("a \"b\" \\ c\t\u0001é🐍")).isEqualTo("\"a \\\"b\\\" \\\\ c\\t\\x01é🐍\"");
    }

    private static String python(String code) {
        return ((ParsedCell.Python) CellParser.parse(code)).code();
    }
}
