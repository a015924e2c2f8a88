/**
 * Values that cross the kernel's layers: what a cell emits ({@link dev.pymastery.kernel.cell.CellOutput},
 * {@link dev.pymastery.kernel.cell.MimeBundle}, {@link dev.pymastery.kernel.cell.ErrorInfo}) and the
 * answers of completion and inspection. No protocol and no GraalVM types here.
 */
package dev.pymastery.kernel.cell;
