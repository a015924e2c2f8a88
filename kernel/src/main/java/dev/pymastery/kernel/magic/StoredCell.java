package dev.pymastery.kernel.magic;

import java.util.Optional;

/** A cell of this session's history as {@code %history} shows it: its number, text and result. */
public record StoredCell(int number, String code, Optional<String> output) {}
