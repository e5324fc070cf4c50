package io.cairn.go.lang;

/**
 * Thrown by {@link GoDuration#parse} for text that is a well-formed Go duration but lies outside Go's signed
 * 64-bit range of nanoseconds (about ±292 years), so that callers can tell the user the limit rather than the
 * syntax. The message is Go's, which does not make that distinction: {@code time: invalid duration "3000000h"}.
 */
public final class GoDurationRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    GoDurationRangeException(String message) {
        super(message);
    }
}
