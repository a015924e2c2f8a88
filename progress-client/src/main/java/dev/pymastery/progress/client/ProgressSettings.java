package dev.pymastery.progress.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the kernel reaches the progress server, read once from the environment (the kernelspec's
 * {@code env}) and the files {@code ./pymastery server ensure-local-learner} writes.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>Variable</th><th>Meaning</th><th>Default</th></tr>
 * <tr><td>PYMASTERY_SERVER_URL</td><td>the server's base URL</td><td>{@value #DEFAULT_URL}</td></tr>
 * <tr><td>PYMASTERY_TOKEN</td><td>the learner's token</td><td>read from the token file</td></tr>
 * <tr><td>PYMASTERY_TOKEN_FILE</td><td>a file holding the token</td>
 *     <td>$XDG_CONFIG_HOME/pymastery/token (~/.config/pymastery/token)</td></tr>
 * <tr><td>PYMASTERY_OUTBOX</td><td>the outbox folder</td>
 *     <td>$XDG_DATA_HOME/pymastery/outbox (~/.local/share/pymastery/outbox)</td></tr>
 * </table>
 *
 * @param token empty when none is configured: the server will answer 401 and the outbox keeps attempts
 */
public record ProgressSettings(
        URI serverUrl, Optional<String> token, Path outboxDirectory, Duration connectTimeout, Duration requestTimeout) {
    public static final String DEFAULT_URL = "http://127.0.0.1:8765/";

    public ProgressSettings {
        String text = serverUrl.toString();
        if (!text.endsWith("/")) {
            serverUrl = URI.create(text + "/");
        }
        if (!"http".equals(serverUrl.getScheme()) && !"https".equals(serverUrl.getScheme())) {
            throw new IllegalArgumentException("PYMASTERY_SERVER_URL must be an http(s) URL, not " + text);
        }
        token = token.map(String::strip).filter(t -> !t.isEmpty());
    }

    public static ProgressSettings fromEnvironment(Map<String, String> env) {
        URI url = URI.create(env.getOrDefault("PYMASTERY_SERVER_URL", DEFAULT_URL));
        Optional<String> token = Optional.ofNullable(env.get("PYMASTERY_TOKEN"));
        if (token.isEmpty()) {
            token = readToken(tokenFile(env));
        }
        Path outbox = Optional.ofNullable(env.get("PYMASTERY_OUTBOX"))
                .map(Path::of)
                .orElse(dataHome(env).resolve("pymastery").resolve("outbox"));
        return new ProgressSettings(url, token, outbox, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** Where the token is read from: PYMASTERY_TOKEN_FILE, else {@link #defaultTokenFile}. */
    public static Path tokenFile(Map<String, String> env) {
        return Optional.ofNullable(env.get("PYMASTERY_TOKEN_FILE"))
                .filter(file -> !file.isBlank())
                .map(Path::of)
                .orElse(defaultTokenFile(env));
    }

    /** Where {@code ensure-local-learner} writes the OS user's token: $XDG_CONFIG_HOME/pymastery/token. */
    public static Path defaultTokenFile(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank()
                ? Path.of(config)
                : home(env).resolve(".config");
        return base.resolve("pymastery").resolve("token");
    }

    /** $XDG_DATA_HOME, or ~/.local/share. */
    public static Path dataHome(Map<String, String> env) {
        String data = env.get("XDG_DATA_HOME");
        return data != null && !data.isBlank()
                ? Path.of(data)
                : home(env).resolve(".local").resolve("share");
    }

    private static Path home(Map<String, String> env) {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    private static Optional<String> readToken(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the progress token from " + file, e);
        }
    }
}
