package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cairn.event.api.UserEvent;

class AgentEventsTest {
    private final FakePool pool = new FakePool();
    private final AgentEvents web1 = pool.join("web-1", List.of(new LocalService("web", "web", List.of("blue"))));
    private final AgentEvents web2 = pool.join("web-2", List.of(new LocalService("web", "web", List.of("green"))));
    private final AgentEvents db1 = pool.join("db-1", List.of(new LocalService("db", "db", List.of("primary"))));

    private static List<String> names(AgentEvents agent) {
        return agent.received().toCompletableFuture().join().stream().map(UserEvent::name).toList();
    }

    private static void fire(AgentEvents agent, String name, String node, String service, String tag) {
        agent.fire(name, new byte[0], node, service, tag).toCompletableFuture().join();
    }

    @Test
    void anEventFiredOnOneAgentReachesEveryAgent() {
        fire(db1, "deploy", "", "", "");

        assertEquals(List.of("deploy"), names(web1));
        assertEquals(List.of("deploy"), names(web2));
        assertEquals(List.of("deploy"), names(db1));
        assertEquals(1, pool.broadcasts.size(), "one broadcast; the sender takes its own copy once");
    }

    @Test
    void filtersAreAppliedWhereTheEventArrivesAgainstThatAgentsOwnServices() {
        fire(db1, "by-node", "^web-", "", "");
        fire(db1, "by-service", "", "web", "");
        fire(web1, "by-tag", "", "web", "green");
        fire(web1, "by-service-id-on-db", "", "^db$", "");

        assertEquals(List.of("by-node", "by-service"), names(web1));
        assertEquals(List.of("by-node", "by-service", "by-tag"), names(web2));
        assertEquals(List.of("by-service-id-on-db"), names(db1));
    }

    @Test
    void logicalTimesFollowALamportClock() {
        fire(web1, "a", "", "", "");
        fire(web1, "b", "", "", "");
        fire(web2, "c", "", "", "");
        fire(web1, "d", "", "", "");

        assertEquals(List.of(1L, 2L, 3L, 4L),
                web1.received().toCompletableFuture().join().stream().map(UserEvent::lTime).toList(),
                "web-2 saw b (2) before firing c; web-1 saw c (3) before firing d");
    }

    @Test
    void theFiringAgentListsItsEventBeforeGossipDeliversIt() {
        pool.hold();
        fire(web1, "deploy", "", "", "");
        assertEquals(List.of("deploy"), names(web1));
        assertEquals(List.of(), names(web2));

        pool.release();

        assertEquals(List.of("deploy"), names(web1), "its own copy from gossip is ignored");
        assertEquals(List.of("deploy"), names(web2));
        assertEquals(1, web1.changeIndex());
    }

    @Test
    void aCopyThatArrivesAgainIsIgnored() {
        fire(db1, "deploy", "", "", "");
        pool.broadcast("db-1", pool.broadcasts.get(0));

        assertEquals(List.of("deploy"), names(web1));
        assertEquals(1, web1.changeIndex());
    }

    @Test
    void aWaitingReaderWakesWhenAnEventForThisAgentArrives() {
        var waiting = web1.awaitChange(web1.changeIndex());
        fire(db1, "for-db", "^db-", "", "");
        assertTrue(!waiting.isDone(), "an event for another node is not received here");

        fire(db1, "for-all", "", "", "");

        assertEquals(1L, waiting.join());
    }

    @Test
    void brokenBroadcastsAreDroppedAndLogged() {
        pool.broadcast("evil", "not an event".getBytes(StandardCharsets.UTF_8));
        UserEvent notUuid = new UserEvent("x", "deploy", null, "", "", "", 1, 5);
        pool.broadcast("evil", EventCodec.encode(notUuid));
        UserEvent timeless = new UserEvent(UUID.randomUUID().toString(), "deploy", null, "", "", "", 1, 0);
        pool.broadcast("evil", EventCodec.encode(timeless));

        assertEquals(List.of(), names(web1));
        assertEquals(9, pool.log.size(), "three members each log three drops: " + pool.log);
        assertTrue(pool.log.get(0).startsWith("Dropped a user event from evil: "), pool.log.get(0));
        assertTrue(pool.log.get(3).contains("Not a canonical UUID: x"), pool.log.get(3));
        assertTrue(pool.log.get(8).endsWith("logical time 0 is not positive"), pool.log.get(8));
    }

    @Test
    void anEventTooLargeForAGossipBroadcastIsRefusedAndNotSent() {
        String filter = "web|".repeat(300) + "web";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> web1.fire("deploy", new byte[0], filter, "", ""));

        assertTrue(e.getMessage().startsWith("User event with its filters takes "), e.getMessage());
        assertTrue(e.getMessage().contains("more than the 1024 bytes a gossip broadcast carries"), e.getMessage());
        assertEquals(List.of(), pool.broadcasts);
        assertEquals(List.of(), names(web1));
    }

    @Test
    void anEventFromANewerFormatVersionIsNotReceived() {
        UserEvent newer = new UserEvent(UUID.randomUUID().toString(), "deploy", null, "", "", "",
                UserEvent.VERSION + 1, 3);
        pool.broadcast("newer-agent", EventCodec.encode(newer));

        assertEquals(List.of(), names(web1));
    }
}
