package io.cairn.check.docker.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The least of HTTP/1.1 needed to talk to a Docker Engine: one request per connection ({@code Connection: close}),
 * bodies framed by {@code Content-Length}, chunked encoding or the end of the connection (how the engine streams
 * an exec's output). The JDK's own HTTP client cannot use a Unix socket, hence this.
 */
final class EngineClient {

    /** A response whose body is read from {@link #body()}; closing it closes the connection. */
    static final class Response implements AutoCloseable {
        private final SocketChannel channel;
        private final int status;
        private final Map<String, String> headers;
        private final InputStream body;

        Response(SocketChannel channel, int status, Map<String, String> headers, InputStream body) {
            this.channel = channel;
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        int status() {
            return status;
        }

        /** A header's value by its name in any case, {@code ""} if absent. */
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        InputStream body() {
            return body;
        }

        /** The body as text, at most {@code limit} bytes of it. */
        String text(int limit) throws IOException {
            return new String(body.readNBytes(limit), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private final SocketAddress address;

    EngineClient(SocketAddress address) {
        this.address = address;
    }

    /**
     * Where {@code dockerHost} points, read like {@code DOCKER_HOST}: {@code unix:///path/to/docker.sock} or
     * {@code tcp://host:port}.
     */
    static SocketAddress address(String dockerHost) {
        URI uri = URI.create(dockerHost.trim());
        if ("unix".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty()) {
            return UnixDomainSocketAddress.of(uri.getPath());
        }
        if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
            return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
        }
        throw new IllegalArgumentException("docker.host must be unix:///path/to/docker.sock or tcp://host:port,"
                + " got \"" + dockerHost + "\"");
    }

    /**
     * Sends a request and reads the response head. The caller closes the response; {@code channelSink} is given
     * the connection first so that a timeout can close it from another thread.
     */
    Response send(String method, String path, byte[] json, Consumer<SocketChannel> channelSink)
            throws IOException {
        SocketAddress target = address instanceof InetSocketAddress inet && inet.isUnresolved()
                ? new InetSocketAddress(inet.getHostString(), inet.getPort()) : address;
        SocketChannel channel = SocketChannel.open(target instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
        channelSink.accept(channel);
        try {
            channel.connect(target);
            OutputStream out = Channels.newOutputStream(channel);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: docker\r\nUser-Agent: Cairn\r\nConnection: close\r\n");
            if (json != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(json.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (json != null) {
                out.write(json);
            }
            out.flush();
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            return new Response(channel, status, headers, body(in, headers));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static InputStream body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            return new ChunkedInputStream(in);
        }
        String length = headers.get("content-length");
        if (length != null) {
            return new BoundedInputStream(in, Long.parseLong(length));
        }
        return in;
    }

    /** One header line, without its CRLF; header lines are ASCII. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in the middle of a response head");
            }
            if (bytes.size() > 8192) {
                throw new IOException("response header line too long");
            }
            bytes.write(b);
        }
        String line = bytes.toString(StandardCharsets.ISO_8859_1);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
