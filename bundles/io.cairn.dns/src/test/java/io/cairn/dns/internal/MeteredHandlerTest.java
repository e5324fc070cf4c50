package io.cairn.dns.internal;

import static io.cairn.dns.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MeteredHandlerTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DnsResponder responder = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(2),
            q -> Optional.empty());
    private final MeteredHandler handler = new MeteredHandler(responder::respond, meters);

    @Test
    void questionsAreCountedByTypeAndResponseCode() throws Exception {
        handler.respond(query("web.service.consul.", Type.A).toWire(), false);
        handler.respond(query("web.service.consul.", Type.SRV).toWire(), false);
        handler.respond(query("web.service.consul.", Type.SRV).toWire(), true);
        handler.respond(query("nothing.service.consul.", Type.A).toWire(), false);
        handler.respond(query("web.service.consul.", Type.HINFO).toWire(), false);
        assertEquals(1, count("A", "NOERROR"));
        assertEquals(2, count("SRV", "NOERROR"));
        assertEquals(1, count("A", "NXDOMAIN"));
        assertEquals(1, meters.get("cairn.dns.queries").tag("type", "OTHER").timer().count());
    }

    @Test
    void unansweredQuestionsAreDropped() throws Exception {
        MeteredHandler silent = new MeteredHandler((q, tcp) -> Optional.empty(), meters);
        silent.respond(query("web.service.consul.", Type.AAAA).toWire(), false);
        assertEquals(1, count("AAAA", "DROPPED"));
    }

    @Test
    void readsTheQuestionTypeFromTheWire() throws Exception {
        assertEquals(Type.SRV, MeteredHandler.questionType(query("a.b.c.consul.", Type.SRV).toWire()));
        assertEquals(-1, MeteredHandler.questionType(new byte[5]));
    }

    private long count(String type, String rcode) {
        return meters.get("cairn.dns.queries").tags("type", type, "rcode", rcode).timer().count();
    }
}
