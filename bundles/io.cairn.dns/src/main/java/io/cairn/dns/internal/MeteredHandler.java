package io.cairn.dns.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every DNS question as {@code cairn.dns.queries}, tagged with the question's {@code type} and the
 * answer's {@code rcode} ({@code DROPPED} when no answer is sent). Types and codes outside a short list are
 * tagged {@code OTHER}, so a client cannot create series at will. The question type is read straight from the
 * wire and timers are kept in an array by type and code: no parsing or allocation beyond the responder's own.
 */
final class MeteredHandler implements DnsServer.Handler {
    private static final List<Integer> TYPES = List.of(Type.A, Type.AAAA, Type.SRV, Type.PTR, Type.ANY, Type.TXT,
            Type.SOA, Type.NS, Type.CNAME, Type.MX);
    private static final List<Integer> RCODES = List.of(Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.SERVFAIL, Rcode.REFUSED,
            Rcode.FORMERR, Rcode.NOTIMP);
    private static final int OTHER = -1;
    private static final int DROPPED = -2;
    /** Buckets from a cached local answer to a slow recursor. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000),
            Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2)};
    private static final int HEADER_BYTES = 12;

    private final DnsServer.Handler delegate;
    private final MeterRegistry registry;
    /** Index: type slot * (codes + 2) + code slot; slots past the lists stand for OTHER and DROPPED. */
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>((TYPES.size() + 1) * (RCODES.size() + 2));

    MeteredHandler(DnsServer.Handler delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Optional<byte[]> respond(byte[] query, boolean tcp) {
        long started = System.nanoTime();
        Optional<byte[]> response = delegate.respond(query, tcp);
        int typeSlot = slot(TYPES, questionType(query));
        int rcode = response.map(MeteredHandler::rcode).orElse(DROPPED);
        int codeSlot = rcode == DROPPED ? RCODES.size() + 1 : slot(RCODES, rcode);
        int index = typeSlot * (RCODES.size() + 2) + codeSlot;
        Timer timer = timers.get(index);
        if (timer == null) {
            timer = Timer.builder("cairn.dns.queries").description("DNS questions by type and response code")
                    .tags("type", typeSlot < TYPES.size() ? Type.string(TYPES.get(typeSlot)) : "OTHER",
                            "rcode", codeName(codeSlot))
                    .serviceLevelObjectives(BUCKETS).register(registry);
            timers.compareAndSet(index, null, timer);
        }
        timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return response;
    }

    private static String codeName(int codeSlot) {
        if (codeSlot < RCODES.size()) {
            return Rcode.string(RCODES.get(codeSlot));
        }
        return codeSlot == RCODES.size() ? "OTHER" : "DROPPED";
    }

    private static int slot(List<Integer> known, int value) {
        int i = known.indexOf(value);
        return i < 0 ? known.size() : i;
    }

    /** The type of the first question: skips the header and the name's labels; {@link #OTHER} if malformed. */
    static int questionType(byte[] wire) {
        int at = HEADER_BYTES;
        while (at < wire.length) {
            int length = wire[at] & 0xff;
            if (length == 0) {
                at += 1;
                break;
            }
            if ((length & 0xc0) == 0xc0) {
                at += 2;
                break;
            }
            at += length + 1;
        }
        return at + 2 <= wire.length ? ((wire[at] & 0xff) << 8) | (wire[at + 1] & 0xff) : OTHER;
    }

    /** The response code in the header (the extended bits of EDNS are not needed for the codes counted). */
    static int rcode(byte[] response) {
        return response.length >= 4 ? response[3] & 0x0f : OTHER;
    }
}
