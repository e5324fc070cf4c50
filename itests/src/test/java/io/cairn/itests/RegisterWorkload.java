package io.cairn.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.cairn.itests.faults.History;

/**
 * Clients that read, write and compare-and-set a few KV registers through random servers, recording every
 * operation in a history for the linearizability checker, and append unique keys whose acknowledgement is a
 * promise that they survive. Every written value is unique, so a CAS on the modify index a client read is a CAS on
 * the value it read.
 * <p>
 * {@code ?consistent} reads, writes and CAS go to {@link #history()}, which must be linearizable. Default-mode reads
 * go to {@link #defaultReads()}: Consul lets a leader that does not yet know it was deposed serve them, so they are
 * checked against the same history but reported, not required.
 */
final class RegisterWorkload {
    static final String DURABLE_PREFIX = "durable/";

    private final List<AgentProcess> servers;
    private final List<String> registers;
    private final KvClient kv = new KvClient(Duration.ofSeconds(3));
    private final History history = new History();
    private final History defaultReads = new History();
    private final Set<String> acknowledgedAppends = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    RegisterWorkload(List<AgentProcess> servers, int registerCount) {
        this.servers = servers;
        this.registers = IntStream.range(0, registerCount).mapToObj(i -> "register/r" + i).toList();
    }

    History history() {
        return history;
    }

    History defaultReads() {
        return defaultReads;
    }

    Set<String> acknowledgedAppends() {
        return acknowledgedAppends;
    }

    /** Starts {@code clients} register clients and one appender, each with its own seeded random. */
    void start(int clients, long seed) {
        for (int p = 0; p < clients; p++) {
            int process = p;
            threads.add(new Thread(() -> registerClient(process, new Random(seed + process)), "register-client-" + p));
        }
        threads.add(new Thread(() -> appender(new Random(seed - 1)), "appender"));
        threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }

    private void registerClient(int process, Random random) {
        for (int n = 0; running.get(); n++) {
            AgentProcess server = servers.get(random.nextInt(servers.size()));
            String key = registers.get(random.nextInt(registers.size()));
            int dice = random.nextInt(10);
            if (dice < 3) {
                write(process, server, key, "p" + process + "-" + n);
            } else if (dice < 5) {
                cas(process, server, key, "p" + process + "-" + n);
            } else if (dice < 8) {
                read(history, process, server, key, "consistent");
            } else {
                read(defaultReads, process, server, key, "");
            }
            if (!server.isAlive()) {
                pause(random, 50); // a killed server refuses at once; don't spin on it
            }
        }
    }

    private KvClient.Entry read(History into, int process, AgentProcess server, String key, String mode) {
        History.Call call = into.invokeRead(process, key);
        KvClient.Read read = kv.get(server, key, mode);
        if (read.outcome() == KvClient.Outcome.OK) {
            call.ok(read.entry().value());
            return read.entry();
        }
        call.fail(); // a read that did not answer tells nothing
        return null;
    }

    private void write(int process, AgentProcess server, String key, String value) {
        History.Call call = history.invokeWrite(process, key, value);
        boolean[] answer = new boolean[1];
        switch (kv.put(server, "/v1/kv/" + key, value, answer)) {
            case OK -> {
                if (answer[0]) {
                    call.ok();
                } else {
                    call.info(); // a plain PUT answers true; anything else is not understood, so unknown
                }
            }
            case FAILED -> call.fail();
            case UNKNOWN -> call.info();
        }
    }

    /** Reads the register (recorded as a consistent read), then a CAS on the modify index it read. */
    private void cas(int process, AgentProcess server, String key, String value) {
        KvClient.Entry seen = read(history, process, server, key, "consistent");
        if (seen == null) {
            return;
        }
        History.Call call = history.invokeCas(process, key, seen.value(), value);
        boolean[] answer = new boolean[1];
        switch (kv.put(server, "/v1/kv/" + key + "?cas=" + seen.modifyIndex(), value, answer)) {
            case OK -> call.casResult(answer[0]);
            case FAILED -> call.fail();
            case UNKNOWN -> call.info();
        }
    }

    private void appender(Random random) {
        for (int n = 0; running.get(); n++) {
            AgentProcess server = servers.get(random.nextInt(servers.size()));
            String key = DURABLE_PREFIX + n;
            boolean[] answer = new boolean[1];
            if (kv.put(server, "/v1/kv/" + key, key, answer) == KvClient.Outcome.OK && answer[0]) {
                acknowledgedAppends.add(key);
            } else if (!server.isAlive()) {
                pause(random, 50);
            }
        }
    }

    private static void pause(Random random, int millis) {
        try {
            Thread.sleep(millis + random.nextInt(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
