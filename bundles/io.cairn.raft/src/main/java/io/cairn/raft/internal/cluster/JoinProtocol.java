package io.cairn.raft.internal.cluster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The join exchange, a stand-in until gossip arrives: the caller sends the server records it knows, the callee
 * answers with its own (its own record first). One exchange per TCP connection; each side is the line
 * {@link #HELLO}, one record per line, and a blank line.
 *
 * <p>Both sides bound what they accept: a side longer than {@link #MAX_MESSAGE_BYTES} is refused, and the
 * whole exchange must be over within {@link #EXCHANGE_MILLIS} (a total, not an idle timer that each byte
 * restarts).
 */
public final class JoinProtocol {

    static final String HELLO = "CAIRN-JOIN 1";
    /**
     * Far more than any legitimate side: a record is a node name, two addresses and the Raft members, about
     * 100 bytes for a five-server group, so this holds thousands of them.
     */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    static final int CONNECT_MILLIS = 2000;
    /** The whole exchange after connecting, on either side; a real one takes milliseconds. */
    static final int EXCHANGE_MILLIS = 5000;

    private JoinProtocol() {
    }

    /** Exchanges records with the join endpoint at {@code address} ({@code host:port}). */
    public static List<ServerRecord> exchange(InetSocketAddress address, List<ServerRecord> mine) throws IOException {
        try (Socket socket = new Socket()) {
            // resolved per attempt: a name may start resolving once its host is up
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_MILLIS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXCHANGE_MILLIS);
            // at most MAX_MESSAGE_BYTES and in practice a few hundred: the socket buffer takes it without a reader
            socket.getOutputStream().write(encode(mine));
            InputStream in = socket.getInputStream();
            JoinFrame answer = new JoinFrame();
            byte[] buffer = new byte[8192];
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new SocketTimeoutException("No complete join answer within " + EXCHANGE_MILLIS + " ms");
                }
                socket.setSoTimeout((int) left);
                int n = in.read(buffer);
                if (n < 0) {
                    throw new EOFException("The join endpoint closed the connection before its answer was complete");
                }
                if (answer.append(buffer, 0, n)) {
                    return answer.records();
                }
            }
        }
    }

    /** One side of the exchange on the wire. */
    static byte[] encode(List<ServerRecord> records) throws IOException {
        StringBuilder text = new StringBuilder(HELLO).append('\n');
        for (ServerRecord r : records) {
            text.append(r.toLine()).append('\n');
        }
        byte[] bytes = text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_MESSAGE_BYTES) {
            throw new IOException(records.size() + " server records make a join message of " + bytes.length
                    + " bytes, more than the " + MAX_MESSAGE_BYTES + " any server accepts");
        }
        return bytes;
    }

    /** Parses {@code host[:port]}, using {@code defaultPort} when the port is missing. */
    public static InetSocketAddress address(String hostPort, int defaultPort) {
        String s = hostPort.trim();
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            return InetSocketAddress.createUnresolved(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        }
        if (s.startsWith("[") && s.contains("]:")) {
            int end = s.indexOf("]:");
            return InetSocketAddress.createUnresolved(s.substring(1, end), Integer.parseInt(s.substring(end + 2)));
        }
        return InetSocketAddress.createUnresolved(s, defaultPort);
    }
}
