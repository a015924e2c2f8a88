/**
 * HTTP: the only package that knows Javalin routes. The JSON API under {@code /api/v1}, operations
 * endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}, the OpenAPI document), the
 * dashboard pages, authentication, problem documents (RFC 9457) for every error, metrics and the
 * access log.
 */
package dev.pymastery.server.web;
