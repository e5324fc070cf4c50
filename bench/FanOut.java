import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds {@code count} blocking queries ({@code GET /v1/kv/<key>?index=<index>&wait=5m}) on one agent, over raw
 * HTTP/1.1 on non-blocking sockets bound to source addresses 127.0.0.2 .. 127.0.0.(1+sources), so no per-address
 * connection limit applies. It prints {@code HELD} once every query is sent, waits {@code holdSeconds} (run.sh
 * samples the agent meanwhile), then writes the key once and measures the time from that write to each response.
 *
 * <pre>java FanOut.java 127.0.0.1 8500 bench/watch 42 10000 50 20</pre>
 */
public final class FanOut {

    private static final int CONNECT_BATCH = 500;

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String key = args[2];
        long index = Long.parseLong(args[3]);
        int count = Integer.parseInt(args[4]);
        int sources = Integer.parseInt(args[5]);
        int holdSeconds = Integer.parseInt(args[6]);
        InetSocketAddress server = new InetSocketAddress(host, port);
        byte[] request = ("GET /v1/kv/" + key + "?index=" + index + "&wait=5m HTTP/1.1\r\nHost: " + host
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        Selector selector = Selector.open();
        long started = System.nanoTime();
        int early = 0;
        for (int first = 0; first < count; first += CONNECT_BATCH) {
            int batch = Math.min(CONNECT_BATCH, count - first);
            for (int i = first; i < first + batch; i++) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.bind(new InetSocketAddress("127.0.0." + (2 + i % sources), 0));
                channel.connect(server);
                channel.register(selector, SelectionKey.OP_CONNECT, new long[] {-1});
            }
            int pending = batch;
            while (pending > 0) {
                selector.select(1000);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    SocketChannel channel = (SocketChannel) k.channel();
                    if (k.isConnectable()) {
                        channel.finishConnect();
                        ByteBuffer out = ByteBuffer.wrap(request);
                        while (out.hasRemaining()) {
                            channel.write(out);
                        }
                        k.interestOps(SelectionKey.OP_READ);
                        pending--;
                    } else if (k.isReadable()) {
                        early++;
                        k.cancel();
                        channel.close();
                    }
                }
            }
        }
        System.out.printf("HELD queries=%d seconds_to_send=%.1f%n", count, (System.nanoTime() - started) / 1e9);
        System.out.flush();

        long holdUntil = System.nanoTime() + holdSeconds * 1_000_000_000L;
        while (System.nanoTime() < holdUntil) {
            selector.select(200);
            for (SelectionKey k : selector.selectedKeys()) {
                early++;
                k.cancel();
                k.channel().close();
            }
            selector.selectedKeys().clear();
        }

        AtomicLong writeStart = new AtomicLong();
        AtomicLong writeAnswered = new AtomicLong();
        Thread writer = new Thread(() -> write(server, key, writeStart, writeAnswered));
        writer.start();
        while (writeStart.get() == 0) {
            Thread.onSpinWait();
        }

        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long[] wakeNanos = new long[count];
        int woken = 0;
        int ok = 0;
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (woken < count - early && System.nanoTime() < giveUp) {
            selector.select(200);
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                long now = System.nanoTime();
                SocketChannel channel = (SocketChannel) k.channel();
                buffer.clear();
                int read;
                try {
                    read = channel.read(buffer);
                } catch (IOException e) {
                    read = -1;
                }
                if (read > 0 && new String(buffer.array(), 0, Math.min(read, 12), StandardCharsets.US_ASCII)
                        .equals("HTTP/1.1 200")) {
                    ok++;
                }
                wakeNanos[woken++] = now - writeStart.get();
                // Watchers keep their connection for the next query, as consul-template and the Go client do;
                // closing 10,000 at once would measure the server's connection teardown, not its wake-up.
                k.interestOps(0);
            }
        }
        writer.join();
        for (SelectionKey k : selector.keys()) {
            k.channel().close();
        }
        long[] times = Arrays.copyOf(wakeNanos, woken);
        Arrays.sort(times);
        System.out.printf("RESULT queries=%d early=%d woken=%d ok=%d write_ms=%.1f p50_ms=%.1f p99_ms=%.1f "
                + "all_ms=%.1f%n", count, early, woken, ok, (writeAnswered.get() - writeStart.get()) / 1e6,
                percentile(times, 0.50), percentile(times, 0.99), woken == 0 ? -1 : times[woken - 1] / 1e6);
        selector.close();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /** One PUT that changes the watched key; records when it was sent and when its answer came. */
    private static void write(InetSocketAddress server, String key, AtomicLong started, AtomicLong answered) {
        byte[] body = ("changed-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("PUT /v1/kv/" + key + " HTTP/1.1\r\nHost: " + server.getHostString() + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.connect(server);
            OutputStream out = socket.getOutputStream();
            started.set(System.nanoTime());
            out.write(head);
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            in.read();
            answered.set(System.nanoTime());
            in.readAllBytes();
        } catch (IOException e) {
            started.compareAndSet(0, System.nanoTime());
            System.err.println("write failed: " + e);
        }
    }
}
