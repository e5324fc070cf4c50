package io.cairn.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplicatedPrefixTest {

    @Test
    void readsConsulReplicatesPrefixSyntax() {
        assertEquals(new ReplicatedPrefix("global", "dc1", "global"), ReplicatedPrefix.parse("global@dc1"));
        assertEquals(new ReplicatedPrefix("global/", "nyc1", "default"), ReplicatedPrefix.parse("/global/@nyc1:default"));
        assertEquals("global@dc1:default", ReplicatedPrefix.parse("global@dc1:default").toString());
    }

    @Test
    void refusesAPrefixWithoutDatacenterOrWithAnEmptyPart() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplicatedPrefix.parse("global"))
                .getMessage().contains("source datacenter"));
        for (String broken : new String[] {"global@", "@dc1", "global@dc1:"}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplicatedPrefix.parse(broken))
                    .getMessage().contains("no empty part"), broken);
        }
    }

    @Test
    void mapsKeysBothWays() {
        ReplicatedPrefix prefix = ReplicatedPrefix.parse("global@dc1:backup");
        assertEquals("backup/a/b", prefix.destinationKey("global/a/b"));
        assertEquals("global/a/b", prefix.sourceKey("backup/a/b"));
    }
}
