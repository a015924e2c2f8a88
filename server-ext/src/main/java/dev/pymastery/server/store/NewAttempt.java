package dev.pymastery.server.store;

import dev.pymastery.progress.client.Attempt;
import dev.pymastery.server.people.Person;

/** An attempt to store for a person, whose check the catalog knows. */
public record NewAttempt(Person person, Attempt attempt) {}
