package dev.pymastery.kernel.magic;

import java.util.Optional;

/**
 * A cell this session ran (silent ones aside), as the client sent it: what {@code %check} sends the
 * progress server so it can run the lab's code again.
 *
 * @param cellId the notebook's cell id, when the client named it
 */
public record RanCell(Optional<String> cellId, String code) {}
