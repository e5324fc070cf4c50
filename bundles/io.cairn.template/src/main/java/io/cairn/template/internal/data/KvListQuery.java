package io.cairn.template.internal.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every key under a prefix: {@code GET /v1/kv/<prefix>?recurse=}, for {@code ls}, {@code tree} and their safe
 * forms. Keys are given relative to the prefix. {@code safeLs} and {@code safeTree} refuse to render when
 * nothing would be listed, so they use their own {@link Safety} and decode an empty listing to {@code null}.
 *
 * @param options {@code ns}, {@code partition}
 */
public record KvListQuery(String prefix, String dc, Map<String, String> options, Safety safety)
        implements ApiDependency {

    /** What counts as "nothing listed" for the safe forms. */
    public enum Safety {
        /** {@code ls}, {@code tree}: an empty listing is fine. */
        NONE,
        /** {@code safeLs}: no top-level key. */
        TOP_LEVEL,
        /** {@code safeTree}: no key that is not a folder. */
        LEAVES
    }

    private static final Pattern SYNTAX = QuerySyntax.pattern(QuerySyntax.PREFIX, QuerySyntax.QUERY,
            QuerySyntax.DC);

    public KvListQuery {
        options = Map.copyOf(options);
    }

    /** Parses {@code <prefix>?<query>@<dc>}; a leading {@code /} of the prefix is dropped. */
    public static KvListQuery parse(String s, Safety safety) {
        String label = "kv.list";
        Matcher m = QuerySyntax.match(SYNTAX, s, label);
        Map<String, String> options = QuerySyntax.options(m, label);
        options.keySet().retainAll(List.of(QuerySyntax.NAMESPACE, QuerySyntax.PARTITION));
        return new KvListQuery(QuerySyntax.group(m, "prefix"), QuerySyntax.group(m, "dc"), options, safety);
    }

    /** {@code ls}: the pairs directly under the prefix (no {@code /} in the relative key, not empty). */
    public static List<KeyPair> topLevel(List<KeyPair> pairs) {
        return pairs.stream().filter(p -> !p.Key().isEmpty() && !p.Key().contains("/")).toList();
    }

    /** {@code tree}: the pairs that are not folders (relative key not ending in {@code /}). */
    public static List<KeyPair> leaves(List<KeyPair> pairs) {
        return pairs.stream().filter(p -> !p.Key().isEmpty() && !p.Key().endsWith("/")).toList();
    }

    @Override
    public String path() {
        return RequestPath.of("/v1/kv/" + prefix).flag("recurse", "").param("dc", dc)
                .param(QuerySyntax.NAMESPACE, options.getOrDefault(QuerySyntax.NAMESPACE, ""))
                .param(QuerySyntax.PARTITION, options.getOrDefault(QuerySyntax.PARTITION, ""))
                .toString();
    }

    /**
     * @return every pair under the prefix as a {@code List<KeyPair>} (404, nothing there, is an empty list), or
     *         {@code null} for a safe form that would list nothing
     */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        List<KeyPair> pairs = new ArrayList<>();
        if (status != 404) {
            ApiStatus.requireOk(status, this);
            for (JsonNode entry : ConsulJson.parseArray(body)) {
                String path = ConsulJson.text(entry, "Key");
                String key = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
                key = key.replaceFirst("^/+", "");
                pairs.add(new KeyPair(path, key, ConsulJson.kvValue(entry), ConsulJson.number(entry, "CreateIndex"),
                        ConsulJson.number(entry, "ModifyIndex"), ConsulJson.number(entry, "LockIndex"),
                        ConsulJson.number(entry, "Flags"), ConsulJson.text(entry, "Session")));
            }
        }
        boolean nothing = switch (safety) {
            case NONE -> false;
            case TOP_LEVEL -> topLevel(pairs).isEmpty();
            case LEAVES -> leaves(pairs).isEmpty();
        };
        return nothing ? null : List.copyOf(pairs);
    }

    @Override
    public String describe() {
        String kind = switch (safety) {
            case NONE -> "kv.list(";
            case TOP_LEVEL -> "kv.list.safeLs(";
            case LEAVES -> "kv.list.safeTree(";
        };
        return kind + prefix + Describe.at(dc, options) + ")";
    }
}
