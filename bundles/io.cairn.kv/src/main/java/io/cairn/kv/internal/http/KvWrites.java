package io.cairn.kv.internal.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.kv.api.KvStore;
import io.cairn.kv.internal.KvStateMachine;

/**
 * {@code PUT} and {@code DELETE /v1/kv/<key>}: Consul's parameter rules, its ACL rules, then one {@link KvStore}
 * call. Every write of a key needs {@code key:write} on it ({@code ?cas}, {@code ?acquire} and {@code ?release}
 * included: Consul asks nothing of the session); {@code DELETE ?recurse} needs write on the whole prefix
 * ({@link io.cairn.acl.api.Authorizer#keyWritePrefix}). A refused write is a 403 before anything is submitted.
 */
final class KvWrites {

    /** Parameters echoed by a "Conflicting flags" error (Consul echoes the whole query; tokens stay out). */
    private static final List<String> ECHOED_PARAMS =
            List.of("acquire", "cas", "dc", "flags", "ns", "partition", "recurse", "release");

    private final KvStore store;

    KvWrites(KvStore store) {
        this.store = store;
    }

    CompletionStage<Response> put(Request request) {
        String key = checkedKey(request);
        if (key.isEmpty()) {
            throw HttpException.badRequest("Missing key name");
        }
        checkConflicts(request, "cas", "acquire", "release");
        long flags = request.unsignedParam("flags").orElse(0L);
        Optional<Long> cas = request.unsignedParam("cas");
        byte[] value = request.body();
        if (value.length > KvStore.MAX_VALUE_SIZE) {
            throw new HttpException(413, "Request body(" + value.length + " bytes) too large, max size: "
                    + KvStore.MAX_VALUE_SIZE + " bytes. See "
                    + "https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.");
        }
        if (!request.acl().keyWrite(key)) {
            throw request.permissionDenied("key:write", key);
        }
        Optional<String> acquire = request.param("acquire");
        if (acquire.isPresent()) {
            return store.acquire(key, value, flags, requireSession(acquire.get())).thenApply(Response::json);
        }
        Optional<String> release = request.param("release");
        if (release.isPresent()) {
            return store.release(key, value, flags, requireSession(release.get())).thenApply(Response::json);
        }
        if (cas.isPresent()) {
            return store.checkAndSet(key, value, flags, cas.get()).thenApply(Response::json);
        }
        return store.put(key, value, flags).thenApply(done -> Response.json(true));
    }

    /** Consul refuses an empty session in the state store, with a 500. */
    private static String requireSession(String session) {
        if (session.isEmpty()) {
            throw new HttpException(500, "missing session");
        }
        return session;
    }

    CompletionStage<Response> delete(Request request) {
        String key = checkedKey(request);
        checkConflicts(request, "recurse", "cas");
        if (request.flag("recurse")) {
            if (!request.acl().keyWritePrefix(key)) {
                throw request.permissionDenied("key:write", key);
            }
            return store.deleteTree(key).thenApply(done -> Response.json(true));
        }
        if (key.isEmpty()) {
            throw HttpException.badRequest("Missing key name");
        }
        Optional<Long> cas = request.unsignedParam("cas");
        if (!request.acl().keyWrite(key)) {
            throw request.permissionDenied("key:write", key);
        }
        if (cas.isPresent()) {
            return store.deleteIfIndex(key, cas.get()).thenApply(Response::json);
        }
        return store.delete(key).thenApply(done -> Response.json(true));
    }

    /** The key from the path; 400 for one that tries to climb out of the KV namespace or is not valid Unicode. */
    static String checkedKey(Request request) {
        String key = request.argument();
        try {
            KvStateMachine.checkKey(key);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage());
        }
        return key;
    }

    private static void checkConflicts(Request request, String... exclusive) {
        int present = 0;
        for (String name : exclusive) {
            if (request.param(name).isPresent()) {
                present++;
            }
        }
        if (present > 1) {
            throw HttpException.badRequest("Conflicting flags: " + QueryText.encode(request, ECHOED_PARAMS) + "\n");
        }
    }
}
