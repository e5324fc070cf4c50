package io.cairn.raft.internal.cluster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The join exchange, a stand-in until gossip arrives: the caller sends the server records it knows, the callee
 * answers with its own (its own record first). One exchange per TCP connection, one record per line, a blank
 * line ends each side.
 */
public final class JoinProtocol {

    static final String HELLO = "CAIRN-JOIN 1";
    static final int TIMEOUT_MILLIS = 2000;

    private JoinProtocol() {
    }

    /** Exchanges records with the join endpoint at {@code address} ({@code host:port}). */
    public static List<ServerRecord> exchange(InetSocketAddress address, List<ServerRecord> mine) throws IOException {
        try (Socket socket = new Socket()) {
            // resolved per attempt: a name may start resolving once its host is up
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedWriter out = writer(socket);
            out.write(HELLO + "\n");
            write(out, mine);
            BufferedReader in = reader(socket);
            expectHello(in.readLine());
            return read(in);
        }
    }

    static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    static BufferedWriter writer(Socket socket) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    static void expectHello(String line) throws IOException {
        if (!HELLO.equals(line)) {
            throw new IOException("Not a Cairn server join endpoint (got '" + line + "')");
        }
    }

    static void write(BufferedWriter out, List<ServerRecord> records) throws IOException {
        for (ServerRecord r : records) {
            out.write(r.toLine());
            out.write('\n');
        }
        out.write('\n');
        out.flush();
    }

    static List<ServerRecord> read(BufferedReader in) throws IOException {
        List<ServerRecord> records = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            try {
                records.add(ServerRecord.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return records;
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
