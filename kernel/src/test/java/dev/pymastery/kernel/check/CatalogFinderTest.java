package dev.pymastery.kernel.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pymastery.checks.CheckFormatException;
import dev.pymastery.checks.CheckSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFinderTest {
    @TempDir
    Path root;

    static String week(int week, String... ids) {
        StringBuilder text = new StringBuilder("week: " + week + "\ntitle: Week " + week + "\nchecks:\n");
        for (String id : ids) {
            text.append("  - id: ")
                    .append(id)
                    .append("\n    title: t ")
                    .append(id)
                    .append("\n    test: assert True\n");
        }
        return text.toString();
    }

    @Test
    void findsFilesInTheWorkingFolderItsParentsAndTheCatalogFolderButNotInSiblings() throws Exception {
        Path notebooks = Files.createDirectories(root.resolve("course/month1"));
        Files.writeString(notebooks.resolve("week01.checks.yaml"), week(1, "w01.lab.here"));
        Files.writeString(root.resolve("course/week02.checks.yaml"), week(2, "w02.lab.parent"));
        Files.createDirectories(root.resolve("course/month2"));
        Files.writeString(root.resolve("course/month2/week05.checks.yaml"), week(5, "w05.lab.sibling"));
        Path extra = Files.createDirectories(root.resolve("extra/deep"));
        Files.writeString(extra.resolve("week03.checks.yaml"), week(3, "w03.lab.extra"));

        CatalogFinder finder = CatalogFinder.of(
                notebooks, Map.of("PYMASTERY_CATALOG", root.resolve("extra").toString()));

        assertThat(finder.catalog().all().stream().map(CheckSpec::id))
                .containsExactly("w01.lab.here", "w02.lab.parent", "w03.lab.extra");
        assertThat(finder.searched()).contains(notebooks.toString(), "PYMASTERY_CATALOG");
    }

    @Test
    void keepsTheParseUntilAFileChanges() throws Exception {
        Path file = root.resolve("week01.checks.yaml");
        Files.writeString(file, week(1, "w01.lab.one"));
        CatalogFinder finder = new CatalogFinder(root, Optional.empty());
        var first = finder.catalog();
        assertThat(finder.catalog()).isSameAs(first);

        Files.writeString(file, week(1, "w01.lab.one", "w01.lab.two"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(finder.catalog().find("w01.lab.two")).isPresent();

        Files.delete(file);
        assertThat(finder.catalog().all()).isEmpty();
    }

    @Test
    void aBrokenFileIsReportedWithItsName() throws Exception {
        Files.writeString(root.resolve("week01.checks.yaml"), "week: 1\nchecks:\n  - id: nope\n");
        CatalogFinder finder = new CatalogFinder(root, Optional.empty());
        assertThatThrownBy(finder::catalog)
                .isInstanceOf(CheckFormatException.class)
                .hasMessageContaining("week01.checks.yaml");
    }

    @Test
    void closeIdsSuggestTyposAndSameLab() {
        var known = java.util.List.of("w01.money.eq", "w01.money.hash", "w02.other.step");
        assertThat(CloseIds.to("w01.money.eqq", known))
                .startsWith("w01.money.eq")
                .doesNotContain("w02.other.step");
        assertThat(CloseIds.to("w01.money.x", known)).contains("w01.money.eq", "w01.money.hash");
        assertThat(CloseIds.to("zzz", known)).isEmpty();
    }
}
