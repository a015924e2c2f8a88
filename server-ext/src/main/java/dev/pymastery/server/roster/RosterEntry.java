package dev.pymastery.server.roster;

import dev.pymastery.server.people.Person;
import dev.pymastery.server.people.Role;

/**
 * One person of a roster file.
 *
 * @param line the file's line it came from, for messages
 */
public record RosterEntry(String name, Role role, int line) {
    public RosterEntry {
        Person.checkName(name);
    }
}
