package dev.pymastery.server.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the app: the table the app is built from, and that tests compare with the OpenAPI
 * document and the authorization rules.
 */
public record Route(HandlerType method, String path, Access access, Handler handler) {
    public static Route get(String path, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    public static Route post(String path, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }
}
