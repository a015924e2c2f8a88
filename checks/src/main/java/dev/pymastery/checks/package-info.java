/**
 * The lab-check catalog: one {@code *.checks.yaml} file per week beside its notebook, read by the
 * kernel ({@code %check}) and by the progress server. See {@link dev.pymastery.checks.CheckFiles}
 * for the format.
 */
package dev.pymastery.checks;
