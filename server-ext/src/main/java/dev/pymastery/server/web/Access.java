package dev.pymastery.server.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route names one; {@link Authenticator} enforces it. */
public enum Access implements RouteRole {
    /** Anyone: health, metrics, the OpenAPI document, the login page. */
    PUBLIC,
    /** Any valid token: a learner or an instructor (what they then see is checked per route). */
    PERSON,
    /** Instructors only. */
    INSTRUCTOR
}
