package dev.pymastery.server.cli;

import dev.pymastery.checks.CheckCatalog;
import dev.pymastery.checks.CheckSpec;
import dev.pymastery.server.ServerSettings;
import dev.pymastery.server.store.Database;
import dev.pymastery.server.store.VerificationJobs;
import dev.pymastery.server.verify.VerificationWorkers;
import dev.pymastery.server.verify.VerifySettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./pymastery server regrade CHECK}: after a check changed, verify every stored submission of
 * it again with the catalog's tests as they are now, and print what changed. The jobs go through
 * the same durable queue a running server uses (its workers may take some); this command runs
 * workers of its own and waits until all of them are done.
 */
final class Regrade {
    private final ServerSettings settings;
    private final Map<String, String> env;
    private final PrintStream out;

    Regrade(ServerSettings settings, Map<String, String> env, PrintStream out) {
        this.settings = settings;
        this.env = env;
        this.out = out;
    }

    int run(String checkId) {
        CheckCatalog catalog = CheckCatalog.load(settings.catalog());
        Optional<CheckSpec> check = catalog.find(checkId);
        if (check.isEmpty()) {
            throw new UsageException("no check '" + checkId + "' in the catalog " + settings.catalog()
                    + " (the ids look like w05.orm.field; --catalog names another folder)");
        }
        VerifySettings verify = VerifySettings.fromEnvironment(env);
        int workers = Math.max(1, verify.workers());
        Clock clock = Clock.systemUTC();
        long started = clock.millis();
        JsonMapper json = JsonMapper.builder().build();
        try (Database database = Database.open(settings.databaseUrl())) {
            VerificationJobs jobs = new VerificationJobs(database, clock);
            long before = jobs.lastJobId();
            List<Long> queued = jobs.requeueCheck(checkId);
            out.println("regrade " + checkId + ": " + queued.size() + " stored submission(s) to verify again with "
                    + workers + " worker(s)");
            if (queued.isEmpty()) {
                return 0;
            }
            try (VerificationWorkers running = VerificationWorkers.onFolder(
                            jobs,
                            settings.catalog(),
                            catalog,
                            VerificationWorkers.inContainers(verify.runtimeEnv(), json),
                            json,
                            Duration.ofMillis(500))
                    .start(workers)) {
                while (jobs.unfinishedAfter(before)) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("interrupted; the rest stay queued for the server's workers");
                return 1;
            }
            List<VerificationJobs.Change> changes = jobs.changes(Optional.of(checkId), started);
            for (VerificationJobs.Change change : changes) {
                out.println("  " + change.learner() + ", attempt " + change.attemptId() + ": " + change.before()
                        + change.beforeScore().map(s -> " (" + s + ")").orElse("") + " -> " + change.after()
                        + change.afterScore().map(s -> " (" + s + ")").orElse(""));
            }
            out.println(queued.size() + " verified again, " + changes.size() + " changed, "
                    + (queued.size() - changes.size()) + " unchanged");
            return 0;
        }
    }
}
