package io.cairn.filter;

/** A filter expression Consul would refuse; the message is the text of Consul's 400 response body. */
public final class FilterException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error whose message is Consul's text. */
    public FilterException(String message) {
        super(message);
    }
}
