package io.cairn.go.lang;

/**
 * Thrown by {@link GoStrconv}'s parsers where Go's would return a {@code *strconv.NumError}; the message is that
 * error's text, e.g. {@code strconv.ParseInt: parsing "abc": invalid syntax} or
 * {@code strconv.ParseUint: parsing "18446744073709551616": value out of range}.
 */
public final class GoNumberException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    GoNumberException(String function, String input, String reason) {
        super("strconv." + function + ": parsing " + GoQuote.quote(input) + ": " + reason);
    }
}
