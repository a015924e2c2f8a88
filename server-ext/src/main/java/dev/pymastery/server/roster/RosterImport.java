package dev.pymastery.server.roster;

import java.util.List;

/**
 * What an import did.
 *
 * @param added the people added, with their new tokens
 * @param existing the names that were there already (their tokens are unchanged)
 */
public record RosterImport(List<IssuedToken> added, List<String> existing) {
    public RosterImport {
        added = List.copyOf(added);
        existing = List.copyOf(existing);
    }
}
