/**
 * Lab checks in the kernel: {@code %check ID} runs a check's hidden test in the runtime that holds
 * the learner's code and shows a deterministic report, {@code %checks} lists the notebook's checks,
 * {@code %progress} asks the progress server. Every attempt goes through the {@code checks}
 * module's durable outbox. The check files come from {@link CatalogFinder}.
 */
package dev.pymastery.kernel.check;
