package dev.pymastery.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The jupyter-server-proxy configuration that serves the progress server under the Jupyter server
 * at {@code /pymastery/}, with a launcher entry. jupyter-server-proxy strips the prefix
 * ({@code absolute_url: false}); the dashboard uses relative URLs only, so it works there.
 *
 * <p>By default the entry proxies to the server that {@code ./pymastery start} (or {@code
 * ./pymastery server}) runs on its fixed port, which is also where kernels send attempts. With
 * {@code command}, jupyter-server-proxy starts it itself, on that same port: for a JupyterHub image
 * where nothing else starts it.
 */
final class JupyterProxyConfig {
    static final String NAME = "pymastery";
    static final String FILE = "pymastery-progress.json";
    static final String ICON = "pymastery-progress.svg";

    private JupyterProxyConfig() {}

    static ObjectNode build(int port, Path icon, List<String> command) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode server = json.createObjectNode();
        server.put("port", port);
        server.put("absolute_url", false);
        server.put("timeout", 120);
        server.put("new_browser_tab", true);
        if (!command.isEmpty()) {
            ArrayNode argv = server.putArray("command");
            command.forEach(argv::add);
        }
        ObjectNode launcher = server.putObject("launcher_entry");
        launcher.put("enabled", true);
        launcher.put("title", "PyMastery progress");
        launcher.put("path_info", NAME + "/");
        launcher.put("icon_path", icon.toAbsolutePath().toString());
        launcher.put("category", "Other");
        ObjectNode root = json.createObjectNode();
        root.putObject("ServerProxy").putObject("servers").set(NAME, server);
        return root;
    }

    /**
     * Writes the configuration (and its icon) into a Jupyter config folder, for both Jupyter Server
     * ({@code jupyter_server_config.d}) and the classic notebook ({@code jupyter_notebook_config.d}).
     * Returns the files written.
     */
    static List<Path> install(Path configDir, int port, List<String> command) {
        try {
            Path icon = configDir.resolve(ICON);
            Files.createDirectories(configDir);
            try (InputStream svg = JupyterProxyConfig.class.getResourceAsStream(ICON)) {
                Files.write(icon, svg.readAllBytes());
            }
            String text = build(port, icon, command).toPrettyString() + "\n";
            List<Path> written = new ArrayList<>(List.of(icon));
            for (String folder : List.of("jupyter_server_config.d", "jupyter_notebook_config.d")) {
                Path file = configDir.resolve(folder).resolve(FILE);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the jupyter-server-proxy configuration: " + e, e);
        }
    }
}
