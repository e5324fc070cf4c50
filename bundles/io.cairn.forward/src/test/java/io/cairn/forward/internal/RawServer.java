package io.cairn.forward.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

/**
 * A server that takes one request and never answers it: it either drops the connection at once (a server that
 * dies with the request in hand) or waits until the client hangs up and notes that it did.
 */
final class RawServer implements AutoCloseable {
    private final ServerSocket listener;
    private final CountDownLatch requestRead = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private final Thread thread;

    /** @param dropAtOnce close the connection as soon as the request's headers are read */
    RawServer(boolean dropAtOnce) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(dropAtOnce), "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    Member member(String name) {
        return new Member(name, "127.0.0.1", 8301, MemberStatus.ALIVE, Map.of("role", "consul", "dc", "dc1",
                "http_addr", "127.0.0.1:" + listener.getLocalPort()));
    }

    /** Waits up to 10 s for the request to arrive; false if it did not. */
    boolean awaitRequest() throws InterruptedException {
        return requestRead.await(10, TimeUnit.SECONDS);
    }

    /** Waits up to 10 s for the client to close the connection; false if it did not. */
    boolean awaitHangup() throws InterruptedException {
        return clientGone.await(10, TimeUnit.SECONDS);
    }

    private void serve(boolean dropAtOnce) {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append(new String(new byte[] {(byte) b}, StandardCharsets.ISO_8859_1));
            }
            requestRead.countDown();
            if (dropAtOnce) {
                return;
            }
            while (in.read() >= 0) {
                // a body, if any; the end of the stream is the client hanging up
            }
            clientGone.countDown();
        } catch (IOException e) {
            clientGone.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
