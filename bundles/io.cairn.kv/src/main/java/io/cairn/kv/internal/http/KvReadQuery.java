package io.cairn.kv.internal.http;

import java.util.List;
import java.util.Optional;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.internal.KvReads;
import io.cairn.kv.internal.KvStateMachine;
import io.cairn.raft.api.StateView;

/**
 * {@code GET /v1/kv/<key>}: one key, {@code ?recurse}, {@code ?keys[&separator=]} or {@code ?raw}. A blocking
 * read watches its key or prefix, but a missing key (or a prefix never written) reports the whole table's index,
 * as Consul does: such an answer is {@linkplain Answer#indexedBy indexed by} the whole table, so the read wakes
 * as soon as any write moves that index (Spring Cloud Consul holds such reads on prefixes that do not exist).
 * <p>
 * ACLs as Consul applies them: one key needs {@code key:read} on it (403 otherwise, whether it exists or not);
 * {@code ?recurse} and {@code ?keys} leave out the entries the token may not read before anything else, keys
 * before they are cut at the separator. Consul asks {@code key:list} on the prefix only with
 * {@code acl.enable_key_list_policy}, off by default, which Cairn does not have.
 */
final class KvReadQuery implements StateQuery {
    private static final Watch WHOLE_TABLE = new Watch(KvStateMachine.TABLE, "");

    @Override
    public Watch watch(Request request) {
        String key = KvWrites.checkedKey(request);
        if (!request.flag("keys") && !request.flag("recurse") && key.isEmpty()) {
            throw HttpException.badRequest("Missing key name");
        }
        if (!request.flag("keys") && !request.flag("recurse") && !request.acl().keyRead(key)) {
            throw request.permissionDenied("key:read", key);
        }
        return new Watch(KvStateMachine.TABLE, key);
    }

    @Override
    public Answer answer(Request request, StateView state) {
        String key = request.argument();
        if (request.flag("keys")) {
            return keys(request, state, key);
        }
        if (request.flag("recurse")) {
            List<KvEntry> entries = KvReads.list(state, key);
            List<KvEntry> readable = entries.stream().filter(e -> request.acl().keyRead(e.key())).toList();
            Response response = readable.isEmpty()
                    ? Response.empty(404)
                    : Response.json(readable.stream().map(KvPairJson::of).toList());
            return answer(KvReads.prefixIndex(state, key),
                    request.filteredByAcls(response, readable.size() < entries.size()));
        }
        Optional<KvEntry> entry = KvReads.get(state, key);
        KvReads.ReadIndex index = KvReads.keyIndex(state, key);
        if (entry.isEmpty()) {
            return answer(index, Response.empty(404));
        }
        if (request.flag("raw")) {
            // Stored values are arbitrary user bytes: stop browsers from sniffing or running them.
            return answer(index, Response.raw(entry.get().value(), "text/plain")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "sandbox"));
        }
        return answer(index, Response.json(List.of(KvPairJson.of(entry.get()))));
    }

    private static Answer answer(KvReads.ReadIndex index, Response response) {
        Answer answer = new Answer(index.value(), response);
        return index.wholeTable() ? answer.indexedBy(WHOLE_TABLE) : answer;
    }

    private static Answer keys(Request request, StateView state, String prefix) {
        // "seperator" is a historic misspelling Consul still accepts; the correct spelling wins.
        String separator = request.param("separator").or(() -> request.param("seperator")).orElse("");
        List<String> all = KvReads.keys(state, prefix, "");
        List<String> readable = all.stream().filter(request.acl()::keyRead).toList();
        List<String> keys = KvReads.cut(readable, prefix, separator);
        Response response = keys.isEmpty() && !prefix.isEmpty() ? Response.empty(404) : Response.json(keys);
        return answer(KvReads.prefixIndex(state, prefix),
                request.filteredByAcls(response, readable.size() < all.size()));
    }
}
