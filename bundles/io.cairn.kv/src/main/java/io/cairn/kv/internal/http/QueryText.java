package io.cairn.kv.internal.http;

import java.util.List;
import java.util.TreeSet;

import io.cairn.go.lang.GoUrl;
import io.cairn.http.api.Request;

/** Renders request values the way Consul's Go code prints them in error texts clients may show or match. */
final class QueryText {

    private QueryText() {
    }

    /** Go's {@code url.Values.Encode} over the given parameters: sorted by name, query-escaped. */
    static String encode(Request request, List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            for (String value : request.params(name)) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(GoUrl.queryEscape(name)).append('=').append(GoUrl.queryEscape(value));
            }
        }
        return out.toString();
    }
}
