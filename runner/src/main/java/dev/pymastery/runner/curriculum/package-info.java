/**
 * Curriculum tooling behind {@code ./pymastery release} and {@code ./pymastery validate}: learner
 * versions of instructor notebooks (solution regions replaced by stubs, instructor-only cells and
 * outputs removed), and the proof that every {@code %check} passes on the solution and fails on the
 * stub, by running both versions through the runner's kernels. {@link
 * dev.pymastery.runner.curriculum.CurriculumMain} is the composition root.
 */
package dev.pymastery.runner.curriculum;
