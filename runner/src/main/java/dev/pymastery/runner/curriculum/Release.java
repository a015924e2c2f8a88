package dev.pymastery.runner.curriculum;

import dev.pymastery.checks.CheckFiles;
import dev.pymastery.checks.CheckFormatException;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.checks.Track;
import dev.pymastery.checks.WeekChecks;
import dev.pymastery.runner.notebook.FileModes;
import dev.pymastery.runner.notebook.Notebook;
import dev.pymastery.runner.notebook.NotebookFiles;
import dev.pymastery.runner.notebook.NotebookFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes learner versions of notebooks below an output folder, each with its checks file beside it
 * (the kernel's {@code %check} looks for it there). A notebook with any problem gets nothing
 * written; the others are released all the same.
 */
final class Release {
    private final Curriculum curriculum;
    private final NotebookFiles files;

    Release(Curriculum curriculum, NotebookFiles files) {
        this.curriculum = curriculum;
        this.files = files;
    }

    /** One notebook's release. */
    sealed interface Result {
        Path notebook();

        record Written(Path notebook, Path learner, Optional<Path> checks, int regions, int removedCells)
                implements Result {}

        record Failed(Path notebook, List<LearnerRelease.Problem> problems) implements Result {
            public Failed {
                problems = List.copyOf(problems);
            }
        }
    }

    Result release(Path notebook, Path outDir) {
        try {
            return write(notebook, outDir);
        } catch (NotebookFormatException | CheckFormatException | UncheckedIOException e) {
            return new Result.Failed(notebook, List.of(new LearnerRelease.Problem("", e.getMessage())));
        }
    }

    private Result write(Path notebook, Path outDir) {
        Notebook read = files.read(notebook);
        Path checksFile = Curriculum.checksFile(notebook);
        Optional<WeekChecks> checks =
                Files.isRegularFile(checksFile) ? Optional.of(CheckFiles.read(checksFile)) : Optional.empty();
        Optional<Set<String>> ids = checks.map(
                week -> week.checks().stream().map(CheckSpec::id).collect(Collectors.toCollection(TreeSet::new)));
        Path relative = curriculum.releasePath(notebook);
        LearnerRelease.Outcome outcome = LearnerRelease.release(
                read,
                relative.toString().replace('\\', '/'),
                Curriculum.week(notebook).isPresent()
                        ? Curriculum.week(notebook)
                        : checks.filter(unit -> unit.track() == Track.WEEK)
                                .map(w -> OptionalInt.of(w.week()))
                                .orElse(OptionalInt.empty()),
                ids);
        return switch (outcome) {
            case LearnerRelease.Outcome.Refused refused -> new Result.Failed(notebook, refused.problems());
            case LearnerRelease.Outcome.Released released -> {
                Path target = outDir.resolve(relative);
                checks.filter(unit -> unit.track() != Track.WEEK).ifPresent(lab -> stampLab(released.notebook(), lab));
                files.write(target, released.notebook());
                // The learner's copy: public tests only, and each check's lab cells named, so the
                // kernel knows which cells to send with an attempt.
                Optional<Path> copied = checks.map(week -> {
                    Path learnerChecks = target.resolveSibling(checksFile.getFileName());
                    Optional<Set<PosixFilePermission>> previous = FileModes.of(learnerChecks);
                    CheckFiles.writeLearnerCopy(week, LabCells.of(read), learnerChecks);
                    FileModes.apply(learnerChecks, previous); // as the notebook beside it
                    return learnerChecks;
                });
                yield new Result.Written(notebook, target, copied, released.regions(), released.removedCells());
            }
        };
    }

    /** A track's lab is stamped with its track and lab number instead of a week. */
    private static void stampLab(tools.jackson.databind.node.ObjectNode notebook, WeekChecks lab) {
        if (notebook.path("metadata").path("pymastery").get("release")
                instanceof tools.jackson.databind.node.ObjectNode stamp) {
            stamp.remove("week");
            stamp.put("track", lab.track().key());
            stamp.put("lab", lab.week());
        }
    }
}
