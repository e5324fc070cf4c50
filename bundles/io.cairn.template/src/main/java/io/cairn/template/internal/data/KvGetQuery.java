package io.cairn.template.internal.data;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of one key: {@code GET /v1/kv/<key>}. Two flavours, as in consul-template: {@code key} blocks
 * rendering while the key does not exist ({@code blockOnMissing}, named {@code kv.block(...)}), whereas
 * {@code keyExists} and {@code keyOrDefault} see the absence ({@code kv.get(...)}).
 *
 * @param options {@code ns}, {@code partition}
 */
public record KvGetQuery(String key, String dc, Map<String, String> options, boolean blockOnMissing)
        implements ApiDependency {

    private static final Pattern SYNTAX = QuerySyntax.pattern(QuerySyntax.KEY, QuerySyntax.QUERY, QuerySyntax.DC);

    public KvGetQuery {
        options = Map.copyOf(options);
    }

    /** Parses {@code <key>?<query>@<dc>}; a leading {@code /} of the key is dropped. */
    public static KvGetQuery parse(String s, boolean blockOnMissing) {
        String label = "kv.get";
        Matcher m = QuerySyntax.match(SYNTAX, s, label);
        Map<String, String> options = QuerySyntax.options(m, label);
        options.keySet().retainAll(List.of(QuerySyntax.NAMESPACE, QuerySyntax.PARTITION));
        return new KvGetQuery(QuerySyntax.group(m, "key"), QuerySyntax.group(m, "dc"), options, blockOnMissing);
    }

    @Override
    public String path() {
        return RequestPath.of("/v1/kv/" + key).param("dc", dc)
                .param(QuerySyntax.NAMESPACE, options.getOrDefault(QuerySyntax.NAMESPACE, ""))
                .param(QuerySyntax.PARTITION, options.getOrDefault(QuerySyntax.PARTITION, ""))
                .toString();
    }

    /**
     * @return with {@code blockOnMissing}: the value as a {@link String}, or {@code null} (keep waiting) if the
     *         key does not exist; without: an {@code Optional<String>}, empty if the key does not exist
     */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        Optional<String> value = Optional.empty();
        if (status != 404) {
            ApiStatus.requireOk(status, this);
            JsonNode entries = ConsulJson.parseArray(body);
            if (!entries.isEmpty()) {
                value = Optional.of(ConsulJson.kvValue(entries.get(0)));
            }
        }
        return blockOnMissing ? value.orElse(null) : value;
    }

    @Override
    public String describe() {
        return (blockOnMissing ? "kv.block(" : "kv.get(") + key + Describe.at(dc, options) + ")";
    }
}
