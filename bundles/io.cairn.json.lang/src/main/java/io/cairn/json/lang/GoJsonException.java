package io.cairn.json.lang;

/** A body Go's {@code encoding/json} would refuse; the message is Go's error text, e.g. {@code EOF}. */
public final class GoJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with Go's {@code message}. */
    public GoJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
