package io.cairn.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.filter.ConsulShapes;
import io.cairn.raft.api.Consistency;

class QueryParametersTest {

    private static QueryParameters query(String name, String... values) {
        return new QueryParameters(Map.of(name, List.of(values)));
    }

    @Test
    void theFilterIsParsedAgainstTheShapeAndAnEmptyOneIsNone() {
        assertTrue(query("filter", "Node == \"web\"").filter(ConsulShapes.NODE).isPresent());
        assertEquals(Optional.empty(), query("filter", "").filter(ConsulShapes.NODE));
        assertEquals(Optional.empty(), query("other", "x").filter(ConsulShapes.NODE));
        for (String bad : List.of("bad ===", "Nope == 1")) {
            HttpException e = assertThrows(HttpException.class, () -> query("filter", bad).filter(ConsulShapes.NODE));
            assertEquals(400, e.status(), bad);
            assertTrue(e.getMessage().startsWith("Failed to create boolean expression evaluator"), e.getMessage());
        }
    }

    @Test
    void aPositiveMaxStaleIsStaleAndZeroIsNot() {
        assertEquals(Consistency.STALE, query("max_stale", "1.5s").consistency());
        assertEquals(Consistency.STALE, query("max_stale", "100\u00b5s").consistency());
        assertEquals(Consistency.DEFAULT, query("max_stale", "0").consistency());
        assertEquals(Consistency.DEFAULT, query("max_stale", "").consistency());
    }

    @Test
    void maxStaleThatIsNotAGoDurationIsA400() {
        for (String bad : List.of("10", "soon", "1 s")) {
            HttpException e = assertThrows(HttpException.class, () -> query("max_stale", bad).consistency());
            assertEquals(400, e.status(), bad);
            assertEquals("Invalid max stale time", e.getMessage(), bad);
        }
    }

    @Test
    void maxStaleWithConsistentConflicts() {
        QueryParameters both = new QueryParameters(Map.of("max_stale", List.of("5s"), "consistent", List.of("")));

        HttpException e = assertThrows(HttpException.class, both::consistency);

        assertEquals("Cannot specify ?stale with ?consistent, conflicting semantics.", e.getMessage());
    }

    @Test
    void theValuesAreCopiedWhenRead() {
        List<String> tags = new ArrayList<>(List.of("a"));
        QueryParameters parameters = new QueryParameters(Map.of("tag", tags));
        tags.add("b");

        assertEquals(List.of("a"), parameters.params("tag"));
        assertEquals(Optional.of("a"), parameters.param("tag"));
        assertEquals(Optional.empty(), parameters.param("missing"));
    }
}
