package io.cairn.check.docker.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker engine that knows three calls (create exec, start exec, inspect exec) on a Unix socket, with
 * containers scripted by the test: what an exec prints on stdout and stderr and the exit code it ends with.
 * Exec output is streamed the engine's way: multiplexed frames, no length, the connection closed at the end;
 * inspect answers come chunked.
 */
final class FakeDockerEngine implements AutoCloseable {

    record Container(String stdout, String stderr, int exitCode) {
    }

    private static final Pattern CREATE = Pattern.compile("POST /containers/([^/]+)/exec");
    private static final Pattern START = Pattern.compile("POST /exec/([^/]+)/start");
    private static final Pattern INSPECT = Pattern.compile("GET /exec/([^/]+)/json");

    final Path socket;
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** A start call for a container named "hang" waits on this before answering. */
    final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final Map<String, String> execs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ServerSocketChannel server;
    private final Thread acceptor;

    FakeDockerEngine(Path dir) throws IOException {
        socket = dir.resolve("docker.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::accept, "fake-docker");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void container(String id, Container container) {
        containers.put(id, container);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                Thread handler = new Thread(() -> serve(channel), "fake-docker-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // Closed.
            }
        }
    }

    private void serve(SocketChannel channel) {
        try (channel) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            OutputStream out = Channels.newOutputStream(channel);
            String requestLine = EngineClient.line(in);
            int length = 0;
            for (String line = EngineClient.line(in); !line.isEmpty(); line = EngineClient.line(in)) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            String call = requestLine.substring(0, requestLine.lastIndexOf(' '));
            requests.add(call + (body.isEmpty() ? "" : " " + body));
            answer(call, out);
        } catch (IOException | InterruptedException e) {
            // The client went away (e.g. it timed out); nothing to answer.
        }
    }

    private void answer(String call, OutputStream out) throws IOException, InterruptedException {
        Matcher create = CREATE.matcher(call);
        Matcher start = START.matcher(call);
        Matcher inspect = INSPECT.matcher(call);
        if (create.matches() && containers.containsKey(create.group(1))) {
            String execId = "exec" + ids.incrementAndGet();
            execs.put(execId, create.group(1));
            json(out, "201 Created", "{\"Id\":\"" + execId + "\"}");
        } else if (create.matches()) {
            json(out, "404 Not Found", "{\"message\":\"No such container: " + create.group(1) + "\"}");
        } else if (start.matches() && execs.containsKey(start.group(1))) {
            String containerId = execs.get(start.group(1));
            if (containerId.equals("hang")) {
                release.await();
            }
            Container container = containers.get(containerId);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            frame(out, 1, container.stdout());
            frame(out, 2, container.stderr());
        } else if (inspect.matches() && execs.containsKey(inspect.group(1))) {
            Container container = containers.get(execs.get(inspect.group(1)));
            byte[] json = ("{\"ID\":\"" + inspect.group(1) + "\",\"Running\":false,\"ExitCode\":"
                    + container.exitCode() + "}").getBytes(StandardCharsets.UTF_8);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            int half = json.length / 2;
            chunk(out, json, 0, half);
            chunk(out, json, half, json.length - half);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            json(out, "404 Not Found", "{\"message\":\"page not found\"}");
        }
        out.flush();
    }

    private static void json(OutputStream out, String status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
    }

    private static void frame(OutputStream out, int stream, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        // Split large output over several frames, as the engine does.
        for (int offset = 0; offset < payload.length; offset += 32 * 1024) {
            int size = Math.min(32 * 1024, payload.length - offset);
            out.write(new byte[] {(byte) stream, 0, 0, 0, (byte) (size >>> 24), (byte) (size >>> 16),
                    (byte) (size >>> 8), (byte) size});
            out.write(payload, offset, size);
        }
    }

    private static void chunk(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunk.write(bytes, offset, length);
        chunk.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(chunk.toByteArray());
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        server.close();
    }
}
