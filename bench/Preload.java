import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes keys {@code <prefix>0 .. <prefix>(count-1)} with 256-byte values, {@code concurrency} requests in flight,
 * to Cairn ({@code PUT /v1/kv/...}) or etcd ({@code POST /v3/kv/put}). Exits non-zero if any write failed.
 *
 * <pre>java Preload.java cairn|etcd http://127.0.0.1:8500 bench/k 10000 64</pre>
 */
public final class Preload {

    public static void main(String[] args) throws Exception {
        boolean etcd = args[0].equals("etcd");
        String base = args[1];
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        byte[] value = "0123456789abcdef".repeat(16).getBytes(StandardCharsets.US_ASCII);
        String value64 = Base64.getEncoder().encodeToString(value);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String key = prefix + i;
            HttpRequest request = etcd
                    ? HttpRequest.newBuilder(URI.create(base + "/v3/kv/put"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\""
                                    + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))
                                    + "\",\"value\":\"" + value64 + "\"}"))
                            .build()
                    : HttpRequest.newBuilder(URI.create(base + "/v1/kv/" + key))
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(value))
                            .build();
            inFlight.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 200) {
                    if (failures.incrementAndGet() <= 3) {
                        System.err.println("write failed: " + (failure != null ? failure : response.statusCode()));
                    }
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("PRELOAD keys=%d seconds=%.1f rps=%.0f failures=%d%n", count, seconds, count / seconds,
                failures.get());
        System.exit(failures.get() == 0 ? 0 : 1);
    }
}
