package dev.pymastery.server.events;

import dev.pymastery.progress.client.RecordedAttempt;
import dev.pymastery.server.people.Person;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open event streams. An instructor hears every learner's attempts, a learner only their own.
 * Events are sent from one thread of their own, so storing attempts never waits for a browser; a
 * comment every 15 s keeps proxies from closing idle streams and finds the closed ones.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private record Listener(SseClient client, Person viewer) {}

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("pymastery-events").daemon().factory());
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pymastery-events-ping").daemon().factory());
    private final JsonMapper json;

    public EventHub(JsonMapper json) {
        this.json = json;
        pinger.scheduleAtFixedRate(() -> sender.execute(this::ping), 15, 15, TimeUnit.SECONDS);
    }

    /** Keeps {@code client} open and sends it what {@code viewer} may see. */
    public void subscribe(SseClient client, Person viewer) {
        Listener listener = new Listener(client, viewer);
        client.keepAlive();
        client.onClose(() -> listeners.remove(listener));
        listeners.add(listener);
        sender.execute(() -> client.sendEvent("hello", "{\"viewer\":\"" + viewer.name() + "\"}"));
    }

    /** Sends a stored attempt to the streams that may see it. */
    public void publish(RecordedAttempt recorded) {
        if (listeners.isEmpty()) {
            return;
        }
        String data = json.writeValueAsString(AttemptEvent.of(recorded));
        sender.execute(() -> {
            for (Listener listener : listeners) {
                if (listener.viewer().isInstructor() || listener.viewer().name().equals(recorded.learner())) {
                    send(listener, data);
                }
            }
        });
    }

    public int size() {
        return listeners.size();
    }

    private void send(Listener listener, String data) {
        try {
            listener.client().sendEvent("attempt", data);
        } catch (RuntimeException e) {
            LOG.debug("event stream closed: {}", e.toString());
            listener.client().close();
        }
    }

    private void ping() {
        for (Listener listener : listeners) {
            try {
                listener.client().sendComment("ping");
            } catch (RuntimeException e) {
                listener.client().close();
            }
        }
    }

    /**
     * Stops sending. The streams themselves end with the HTTP server: completing them here could
     * race with a server that has already recycled their responses.
     */
    @Override
    public void close() {
        pinger.shutdownNow();
        sender.shutdownNow();
        listeners.clear();
    }
}
