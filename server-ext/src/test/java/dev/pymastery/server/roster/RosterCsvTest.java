package dev.pymastery.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pymastery.server.people.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterCsvTest {
    @Test
    void readsNameAndRoleColumnsInAnyOrderIgnoringOthers() {
        String csv = "\uFEFFEmail,Role,Name\r\n"
                + "ann@example.org,,ann\r\n"
                + "\"t@example.org, staff\",Instructor,teacher\r\n"
                + "\r\n"
                + "bob@example.org,learner,bob.b";
        List<RosterEntry> entries = RosterCsv.parse(csv);
        assertThat(entries)
                .containsExactly(
                        new RosterEntry("ann", Role.LEARNER, 2),
                        new RosterEntry("teacher", Role.INSTRUCTOR, 3),
                        new RosterEntry("bob.b", Role.LEARNER, 5));
    }

    @Test
    void everyProblemIsReportedWithItsLineAndNobodyIsImported() {
        String csv = "name,role\nann,learner\nbad name,learner\nann,learner\ncara,teacher\n";
        assertThatThrownBy(() -> RosterCsv.parse(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 problem(s); nobody was imported")
                .hasMessageContaining("line 3: a name has 1 to 100 letters")
                .hasMessageContaining("line 4: 'ann' is listed twice")
                .hasMessageContaining("line 5: unknown role 'teacher'");
    }

    @Test
    void theHeaderMustNameTheNameColumn() {
        assertThatThrownBy(() -> RosterCsv.parse("ann\nbob\n")).hasMessageContaining("must name the columns");
        assertThatThrownBy(() -> RosterCsv.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RosterCsv.parse("name\n\"ann")).hasMessageContaining("quoted field");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() {
        assertThat(RosterCsv.records("a,\"b,\"\"c\"\"\nd\",e\n")).containsExactly(List.of("a", "b,\"c\"\nd", "e"));
    }
}
