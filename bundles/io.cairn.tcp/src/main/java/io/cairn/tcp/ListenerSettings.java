package io.cairn.tcp;

/**
 * How a {@link BoundedTcpListener} bounds what its clients can hold.
 *
 * @param name           names the listener in log messages, e.g. {@code "join listener"} ("The join listener
 *                       dropped a connection from ...")
 * @param threadName     the name of the listener's thread, e.g. {@code "cairn-dns-tcp"}
 * @param maxConnections how many connections may be open at once; at least 1
 * @param whenFull       what a new connection beyond {@code maxConnections} does
 * @param messageMillis  how long each message may take in total, in milliseconds; at least 1. What counts as a
 *                       message depends on the {@code conversation}.
 * @param conversation   how many requests a connection carries, and so when the deadline starts again
 */
public record ListenerSettings(String name, String threadName, int maxConnections, WhenFull whenFull,
        int messageMillis, Conversation conversation) {

    /** What a new connection does when {@link #maxConnections()} are open. */
    public enum WhenFull {
        /** It is closed at once; the open ones keep their slots. */
        REFUSE_NEW,
        /**
         * The open connection that waits for a request closest to its deadline is closed to make room, so slow
         * clients cannot keep others out; if every connection is being answered, the new one is closed instead.
         */
        CLOSE_LONGEST_WAITING
    }

    /** How many requests a connection carries. */
    public enum Conversation {
        /**
         * One request and its answer, then the listener closes the connection. The deadline covers the whole
         * exchange from the moment the connection is accepted, silence included.
         */
        ONE_EXCHANGE,
        /**
         * Requests one after another, each answered before the next is read (as DNS over TCP, RFC 7766). Each
         * request must be complete within the deadline from the connection opening or the previous answer being
         * taken, and each answer must be taken within as long from its being ready; the time the protocol takes
         * to answer does not count. A connection with no request under way when its deadline passes is closed
         * quietly: that is the usual end of a connection kept open.
         */
        REQUESTS_IN_TURN
    }

    public ListenerSettings {
        if (name == null || name.isBlank() || threadName == null || threadName.isBlank()) {
            throw new IllegalArgumentException("A listener needs a name and a thread name");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        if (messageMillis < 1) {
            throw new IllegalArgumentException("messageMillis must be at least 1, not " + messageMillis);
        }
        if (whenFull == null || conversation == null) {
            throw new IllegalArgumentException("whenFull and conversation are required");
        }
    }
}
