/**
 * The kernel's side of the progress server: {@link dev.pymastery.progress.client.Attempt} (what
 * {@code %check} records), {@link dev.pymastery.progress.client.ProgressClient} (the HTTP client) and
 * {@link dev.pymastery.progress.client.AttemptOutbox} (the durable outbox that delivers attempts when
 * the server is reachable, so none is lost and none is counted twice).
 *
 * <p>Typical use from the kernel:
 *
 * <pre>
 * ProgressSettings settings = ProgressSettings.fromEnvironment(System.getenv());
 * ProgressClient client = ProgressClient.create(settings);
 * AttemptOutbox outbox = AttemptOutbox.open(settings.outboxDirectory(), client, event -&gt; log(event));
 * outbox.start();                          // background delivery with backoff
 * outbox.submit(Attempt.create(...));      // durable on return
 * outbox.deliverNow();                     // optional: try at once and report
 * </pre>
 */
package dev.pymastery.progress.client;
