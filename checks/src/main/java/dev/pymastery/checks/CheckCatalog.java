package dev.pymastery.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every check of the course, read from the {@code *.checks.yaml} files under a folder. */
public final class CheckCatalog {
    private final List<WeekChecks> weeks;
    private final Map<String, CheckSpec> byId;

    private CheckCatalog(List<WeekChecks> weeks) {
        this.weeks = List.copyOf(weeks);
        Map<String, CheckSpec> ids = new LinkedHashMap<>();
        for (WeekChecks week : weeks) {
            for (CheckSpec check : week.checks()) {
                CheckSpec previous = ids.putIfAbsent(check.id(), check);
                if (previous != null) {
                    throw new CheckFormatException(
                            week.source(), "check id " + check.id() + " is also defined elsewhere");
                }
            }
        }
        this.byId = Map.copyOf(ids);
    }

    public static CheckCatalog of(List<WeekChecks> weeks) {
        return new CheckCatalog(weeks);
    }

    /** Reads every check file below {@code root}; an empty catalog when there are none. */
    public static CheckCatalog load(Path root) {
        if (!Files.isDirectory(root)) {
            return new CheckCatalog(List.of());
        }
        List<WeekChecks> weeks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(CheckFiles.SUFFIX))
                    .sorted()
                    .toList()) {
                weeks.add(CheckFiles.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root + " for check files", e);
        }
        // The weeks in order, then each track's labs in order.
        weeks.sort(Comparator.comparing(WeekChecks::track).thenComparingInt(WeekChecks::week));
        return new CheckCatalog(weeks);
    }

    public List<WeekChecks> weeks() {
        return weeks;
    }

    public Optional<CheckSpec> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<CheckSpec> all() {
        return weeks.stream().flatMap(w -> w.checks().stream()).toList();
    }
}
