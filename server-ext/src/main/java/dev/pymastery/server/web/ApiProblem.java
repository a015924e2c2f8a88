package dev.pymastery.server.web;

/** An error answer: becomes an RFC 9457 problem document with this status and detail. */
public final class ApiProblem extends RuntimeException {
    private final int status;

    public ApiProblem(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, detail);
    }
}
