package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Hostile clients against a real {@code bin/cairn agent -dev}, the way the attacks were first tried: a stream of
 * junk, clients that trickle a byte at a time and more connections than the listeners take, first at the gossip
 * (Serf LAN) port, over TCP and UDP, then at DNS over TCP. Each attack runs a few seconds, against 127.0.0.1 only;
 * during it {@code dig +tcp} must answer and a KV round trip must work, and afterwards the agent's open descriptors
 * must be back near where they were.
 */
public class GossipAndDnsAbuseIT {

    private static final Duration ATTACK = Duration.ofSeconds(5);
    /**
     * The header of a gossip stream request (family 4, 127.0.0.1, port 1) announcing a 4 MiB payload, the most the
     * listener takes: the flood that follows is read as that payload.
     */
    private static final byte[] STREAM_HEADER = streamHeader(4 << 20);
    private static final String SERVICE_ADDRESS = "10.9.9.9";
    /** Karaf opens and closes a few files on its own; an attack that leaked would leave hundreds. */
    private static final long DESCRIPTOR_SLACK = 20;
    private static AgentProcess agent;
    private static final AtomicInteger KV_ROUND = new AtomicInteger();

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("cairn-abuse-it");
        agent = new AgentProcess("abusenode", dir.resolve("data"), "-dev").start()
                .awaitLeader(Duration.ofSeconds(120));
        var registered = agent.put("/v1/catalog/register", """
                {"Node": "web-1", "Address": "%s", "Service": {"Service": "abuse", "Port": 80}}
                """.formatted(SERVICE_ADDRESS));
        assertEquals(registered.body(), 200, registered.statusCode());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!dig(false).contains(SERVICE_ADDRESS)) {
            assertTrue("DNS did not answer abuse.service.consul within 60 s:\n" + agent.tail(),
                    System.nanoTime() < deadline);
            Thread.sleep(250);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void theGossipPortOutlastsAFloodTricklersJunkDatagramsAndAConnectionStorm() throws Exception {
        assertHealthy(true);
        long baseline = descriptors();
        long peak = baseline;
        try (Attack attack = new Attack(ATTACK)) {
            attack.flood(agent.serfLanPort, STREAM_HEADER); // a stream request whose payload never ends
            attack.flood(agent.serfLanPort, new byte[0]); // 'a' upon 'a', as first tried
            attack.trickle(agent.serfLanPort, 20, STREAM_HEADER, 200);
            attack.datagrams(agent.serfLanPort); // junk gossip packets
            int checks = 0;
            while (attack.running()) {
                assertHealthy(true);
                peak = Math.max(peak, descriptors());
                checks++;
            }
            assertTrue("only " + checks + " health checks during the attack", checks >= 2);
            assertTrue("the flood did not get going: " + attack.bytes() + " bytes", attack.bytes() > 1 << 20);
            report("gossip flood, tricklers and junk datagrams", attack, checks);
        }
        try (Attack storm = new Attack(Duration.ofSeconds(3))) {
            storm.hold(agent.serfLanPort, 100, new byte[0]); // more than the listener serves at once
            int checks = 0;
            while (storm.running()) {
                assertHealthy(false); // a real join may be turned away while the storm fills every slot
                peak = Math.max(peak, descriptors());
                checks++;
            }
            report("gossip connection storm", storm, checks);
        }
        assertHealthy(true);
        awaitDescriptorsBackTo(baseline, peak);
        awaitInKarafLog("The gossip stream listener dropped");
        assertFalse("an OutOfMemoryError reached the launcher's output",
                Files.readString(agent.logFile().toPath()).contains("OutOfMemoryError"));
    }

    @Test
    public void dnsOverTcpAnswersWhileSlowClientsHoldConnections() throws Exception {
        assertHealthy(false);
        long baseline = descriptors();
        long peak = baseline;
        try (Attack attack = new Attack(ATTACK)) {
            attack.trickle(agent.dnsPort, 40, new byte[] {0x01, (byte) 0xf4}, 1000); // a 500-byte message, slowly
            attack.hold(agent.dnsPort, 300, new byte[] {0, 40}); // a length and nothing more, past the cap
            int checks = 0;
            while (attack.running()) {
                assertHealthy(false);
                assertTrue("UDP stopped answering", dig(false).contains(SERVICE_ADDRESS));
                peak = Math.max(peak, descriptors());
                checks++;
            }
            assertTrue("only " + checks + " health checks during the attack", checks >= 2);
            report("DNS tricklers and length-only connections", attack, checks);
        }
        assertHealthy(true);
        awaitDescriptorsBackTo(baseline, peak);
        awaitInKarafLog("The DNS TCP listener dropped");
    }

    /** {@code dig +tcp} answers, a KV write reads back, and (if asked) the gossip port answers a join. */
    private static void assertHealthy(boolean join) throws Exception {
        String tcp = dig(true);
        assertTrue("dig +tcp did not answer:\n" + tcp, tcp.contains(SERVICE_ADDRESS));
        String key = "/v1/kv/abuse/" + KV_ROUND.incrementAndGet();
        var put = agent.put(key, "v" + KV_ROUND.get());
        assertEquals(put.body(), 200, put.statusCode());
        assertEquals("v" + KV_ROUND.get(), agent.get(key + "?raw").body());
        if (join) {
            // a full push/pull exchange over the gossip port, the agent joining its own address
            var joined = agent.put("/v1/agent/join/127.0.0.1:" + agent.serfLanPort, "");
            assertEquals(joined.body(), 200, joined.statusCode());
            String members = agent.get("/v1/agent/members").body();
            assertTrue(members, members.contains("\"Name\":\"" + agent.node + "\"") && members.contains("\"Status\":1"));
        }
    }

    private static byte[] streamHeader(int payloadBytes) {
        return ByteBuffer.allocate(1 + 16 + 2 + 4).put((byte) 4).put(new byte[] {127, 0, 0, 1})
                .position(17).putShort((short) 1).putInt(payloadBytes).array();
    }

    private static String dig(boolean tcp) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("+time=3", "+tries=1", "+short", "abuse.service.consul"));
        if (tcp) {
            args.add("+tcp");
        }
        return Dig.run(agent.dnsPort, args);
    }

    /** The agent JVM's open descriptors ({@code bin/cairn} execs java, so the process is the JVM). */
    private static long descriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(agent.pid()), "fd"))) {
            return fds.count();
        }
    }

    private static void awaitDescriptorsBackTo(long baseline, long peak) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long now = descriptors();
        while (now > baseline + DESCRIPTOR_SLACK) {
            assertTrue("the agent holds " + now + " descriptors, " + baseline + " before the attack",
                    System.nanoTime() < deadline);
            Thread.sleep(250);
            now = descriptors();
        }
        System.out.printf("[abuse] agent descriptors: %d before, at most %d during, %d after%n", baseline, peak, now);
    }

    private static void report(String what, Attack attack, int checks) {
        System.out.printf("[abuse] %s: %d connections, %d MiB sent, %d health checks passed during it%n", what,
                attack.connections.get(), attack.bytes() >> 20, checks);
    }

    private static void awaitInKarafLog(String text) throws Exception {
        Path log = agent.dataDir.resolve("karaf/log/karaf.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(log) && Files.readString(log).contains(text))) {
            assertTrue("karaf.log does not mention '" + text + "':\n" + agent.tail(), System.nanoTime() < deadline);
            Thread.sleep(250);
        }
    }

    /**
     * Misbehaving clients on loopback, for a bounded time and a bounded number of connections and bytes; closing
     * it stops them and closes every socket they hold.
     */
    private static final class Attack implements AutoCloseable {
        private static final int MAX_CONNECTIONS = 3000;
        private static final long MAX_FLOOD_BYTES = 256L << 20;

        private final long until;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final List<Socket> sockets = new ArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicLong flooded = new AtomicLong();
        private volatile boolean stopped;

        Attack(Duration duration) {
            until = System.nanoTime() + duration.toNanos();
        }

        boolean running() {
            return !stopped && System.nanoTime() < until;
        }

        long bytes() {
            return flooded.get();
        }

        /** Datagrams of random junk, of every size up to a gossip packet's and beyond, as fast as they go. */
        void datagrams(int port) {
            threads.execute(() -> {
                Random random = new Random(19);
                try (DatagramSocket socket = new DatagramSocket()) {
                    InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
                    while (running()) {
                        byte[] junk = new byte[random.nextInt(2000)];
                        random.nextBytes(junk);
                        socket.send(new DatagramPacket(junk, junk.length, target));
                        flooded.addAndGet(junk.length);
                    }
                } catch (IOException e) {
                    // the attack ends
                }
            });
        }

        /** Connections that send {@code prefix}, then {@code a}s as fast as the agent takes them, one after another. */
        void flood(int port, byte[] prefix) {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            threads.execute(() -> {
                while (running() && flooded.get() < MAX_FLOOD_BYTES) {
                    try (Socket s = connect(port)) {
                        OutputStream out = s.getOutputStream();
                        out.write(prefix);
                        while (running() && flooded.addAndGet(chunk.length) < MAX_FLOOD_BYTES) {
                            out.write(chunk);
                        }
                    } catch (IOException cutOff) {
                        pause(50); // the agent refused this one: the next one, gently
                    }
                }
            });
        }

        /** {@code count} connections sending {@code prefix} then {@code a}s, a byte each every interval. */
        void trickle(int port, int count, byte[] prefix, long intervalMillis) {
            threads.execute(() -> {
                Socket[] open = new Socket[count];
                int[] sent = new int[count];
                while (running()) {
                    for (int i = 0; i < count && running(); i++) {
                        try {
                            if (open[i] == null) {
                                open[i] = connect(port);
                                sent[i] = 0;
                            }
                            open[i].getOutputStream().write(sent[i] < prefix.length ? prefix[sent[i]] : 'a');
                            sent[i]++;
                        } catch (IOException cutOff) {
                            open[i] = null; // reconnect on the next round
                        }
                    }
                    pause(intervalMillis);
                }
            });
        }

        /** {@code count} connections that send {@code prefix} and then nothing, reopened when the agent ends them. */
        void hold(int port, int count, byte[] prefix) {
            threads.execute(() -> {
                Socket[] open = new Socket[count];
                while (running()) {
                    for (int i = 0; i < count && running(); i++) {
                        try {
                            if (open[i] == null || open[i].isClosed() || ended(open[i])) {
                                open[i] = connect(port);
                                open[i].getOutputStream().write(prefix);
                            }
                        } catch (IOException refused) {
                            open[i] = null;
                        }
                    }
                    pause(200);
                }
            });
        }

        private Socket connect(int port) throws IOException {
            if (connections.getAndUpdate(n -> Math.min(n + 1, MAX_CONNECTIONS)) == MAX_CONNECTIONS) {
                throw new IOException("this attack has opened its " + MAX_CONNECTIONS + " connections");
            }
            Socket s = new Socket();
            synchronized (sockets) {
                sockets.add(s);
            }
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return s;
        }

        /** Whether the agent has closed this connection (without waiting: a read that would block means open). */
        private static boolean ended(Socket s) {
            try {
                s.setSoTimeout(1);
                return s.getInputStream().read() < 0;
            } catch (java.net.SocketTimeoutException open) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            threads.shutdown();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
            }
            assertTrue("the attack threads did not stop", threads.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
