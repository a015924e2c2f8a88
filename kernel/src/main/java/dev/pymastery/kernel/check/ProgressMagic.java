package dev.pymastery.kernel.check;

import dev.pymastery.checks.CheckSpec;
import dev.pymastery.kernel.magic.LineMagic;
import dev.pymastery.kernel.magic.LineMagic.Outcome;
import dev.pymastery.kernel.magic.MagicContext;
import dev.pymastery.kernel.magic.MagicUsageException;
import dev.pymastery.progress.client.ProgressClientException;
import dev.pymastery.progress.client.ProgressSettings;
import dev.pymastery.progress.client.ServerResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code %progress}: the learner's points per week from the progress server, as bars. When the
 * server cannot be asked it says why and what to do, then shows this session's own results; it
 * never raises for that.
 */
final class ProgressMagic implements LineMagic {
    private final LabChecks checks;

    ProgressMagic(LabChecks checks) {
        this.checks = checks;
    }

    @Override
    public String name() {
        return "progress";
    }

    @Override
    public String help() {
        return "%progress: your points per week, from the progress server";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        if (!args.isBlank()) {
            throw new MagicUsageException("%progress takes no arguments");
        }
        ProgressSettings settings;
        try {
            settings = checks.recorder.settings();
        } catch (RuntimeException e) {
            context.print("Cannot read the progress settings: " + e.getMessage() + "\n" + localResults());
            return new Outcome.None();
        }
        if (settings.token().isEmpty()) {
            context.print("No progress token is configured, so the progress server cannot be asked.\n"
                    + "Run ./pymastery start (it sets one up for you), or ./pymastery server ensure-local-learner,"
                    + " which writes the token to "
                    + checks.recorder.tokenFile() + "; or set PYMASTERY_TOKEN /"
                    + " PYMASTERY_TOKEN_FILE in the kernelspec's env.\n" + localResults());
            return new Outcome.None();
        }
        try {
            context.output().display(ProgressView.of(checks.recorder.client().progress()), Optional.empty(), false);
        } catch (ProgressClientException e) {
            context.print(unreachable(e, settings) + "\n" + localResults());
        }
        return new Outcome.None();
    }

    private String unreachable(ProgressClientException e, ProgressSettings settings) {
        if (e instanceof ServerResponseException response && (response.status() == 401 || response.status() == 403)) {
            return "The progress server at " + settings.serverUrl() + " rejected the token (" + response.status()
                    + "). Run ./pymastery server ensure-local-learner for a new one (token file "
                    + checks.recorder.tokenFile() + "), or ask your instructor.";
        }
        return "The progress server at " + settings.serverUrl() + " cannot be reached: " + e.getMessage()
                + "\nStart it with ./pymastery server (or ./pymastery start); attempts wait in the outbox meanwhile.";
    }

    private String localResults() {
        List<String> lines = new ArrayList<>();
        try {
            for (CheckSpec check : checks.catalogs.catalog().all()) {
                SessionResults.Tally tally = checks.results.tally(check.id());
                if (tally.passed() || tally.failures() > 0) {
                    lines.add("  " + check.id() + ": " + tally.describe());
                }
            }
        } catch (RuntimeException e) {
            lines.add("  (the check files cannot be read: " + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            return "No checks were run in this session yet.";
        }
        return "This session's results:\n" + String.join("\n", lines);
    }
}
