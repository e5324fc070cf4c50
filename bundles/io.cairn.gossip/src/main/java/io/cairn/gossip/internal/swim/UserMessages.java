package io.cairn.gossip.internal.swim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The bookkeeping of user broadcasts and queries: which ones this member has already seen (the most recent
 * {@value #REMEMBERED}, so each is delivered once even though gossip repeats it) and the queries this member
 * asked that are still collecting answers (at most {@value #MAX_PENDING_QUERIES}). Not thread-safe.
 */
final class UserMessages {
    static final int REMEMBERED = 8192;
    static final int MAX_PENDING_QUERIES = 64;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<Long, PendingQuery> queries = new HashMap<>();

    /** A query this member asked: the answers so far, by member name. */
    static final class PendingQuery {
        final CompletableFuture<Map<String, byte[]>> result = new CompletableFuture<>();
        final Map<String, byte[]> answers = new LinkedHashMap<>();
    }

    /** @return true the first time a message of {@code origin} with {@code id} of this kind is seen */
    boolean firstSight(String kind, String origin, long id) {
        return seen.put(kind + " " + origin + " " + id, Boolean.TRUE) == null;
    }

    /**
     * Starts collecting answers to query {@code id}.
     *
     * @throws IllegalStateException when too many queries are collecting answers already
     */
    PendingQuery ask(long id) {
        if (queries.size() >= MAX_PENDING_QUERIES) {
            throw new IllegalStateException("too many queries waiting for answers (" + MAX_PENDING_QUERIES
                    + "); try again when some have timed out");
        }
        PendingQuery query = new PendingQuery();
        queries.put(id, query);
        return query;
    }

    /** Records one member's answer; later answers of the same member and answers too late are ignored. */
    void answer(long id, String from, byte[] payload) {
        PendingQuery query = queries.get(id);
        if (query != null) {
            query.answers.putIfAbsent(from, payload);
        }
    }

    /** Stops collecting answers to query {@code id}; null if it was no longer collecting. */
    PendingQuery finish(long id) {
        return queries.remove(id);
    }

    /** Stops collecting answers to every query. */
    Map<Long, PendingQuery> finishAll() {
        Map<Long, PendingQuery> all = new HashMap<>(queries);
        queries.clear();
        return all;
    }
}
