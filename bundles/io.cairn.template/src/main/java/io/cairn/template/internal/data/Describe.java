package io.cairn.template.internal.data;

import java.util.Map;

/** Pieces of consul-template's dependency names. */
final class Describe {

    private Describe() {
    }

    /** {@code @dc@partition=p@ns=n}, each part only when set. */
    static String at(String dc, Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        if (!dc.isEmpty()) {
            b.append('@').append(dc);
        }
        String partition = options.getOrDefault(QuerySyntax.PARTITION, "");
        if (!partition.isEmpty()) {
            b.append("@partition=").append(partition);
        }
        String namespace = options.getOrDefault(QuerySyntax.NAMESPACE, "");
        if (!namespace.isEmpty()) {
            b.append("@ns=").append(namespace);
        }
        return b.toString();
    }
}
