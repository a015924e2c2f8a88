/**
 * The notebook runner ({@code ./pymastery nbval}): executes notebooks through their kernels over the
 * Jupyter protocol and checks their outputs with nbval's semantics. {@link
 * dev.pymastery.runner.NbvalMain} is the composition root; {@link dev.pymastery.runner.Nbval} runs a
 * parsed command line and is what tests call.
 */
package dev.pymastery.runner;
