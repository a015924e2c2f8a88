package dev.pymastery.server.roster;

import dev.pymastery.server.people.Role;

/** A person the import added, with the token it issued them (shown this once). */
public record IssuedToken(String name, Role role, String token) {}
