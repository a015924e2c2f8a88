package dev.pymastery.server;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a server-sent event stream in the background; {@link #next} returns each event's data. */
final class EventStream implements AutoCloseable {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Void>> response;

    EventStream(Api api, String token) {
        HttpClient http = HttpClient.newHttpClient();
        this.response = http.sendAsync(
                api.builder("/api/v1/events", token)
                        .timeout(Duration.ofMinutes(5))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                    String event = "";

                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("data:") && event.equals("attempt")) {
                            events.add(line.substring(5).strip());
                        } else if (line.startsWith("data:") && event.equals("hello")) {
                            events.add("hello");
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {}

                    @Override
                    public void onComplete() {}
                }));
    }

    /** The next event's data, or null after {@code seconds}. */
    String next(double seconds) throws InterruptedException {
        return events.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    List<String> drain() {
        List<String> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
