package io.cairn.http.api;

/** Ends a request with {@code status} and a plain-text body that tells the user what was wrong. */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 400 Bad Request. */
    public static HttpException badRequest(String message) {
        return new HttpException(400, message);
    }

    /** 404 Not Found. */
    public static HttpException notFound(String message) {
        return new HttpException(404, message);
    }
}
