package io.cairn.template.internal.data;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cairn.go.lang.GoQuote;

/**
 * The mini-language of data-source arguments, e.g. {@code "prod.web?ns=team@dc2~_agent|passing,warning"}: the
 * same grammar as consul-template, built from the same pieces so that what one accepts the other accepts.
 */
final class QuerySyntax {

    static final String DC = "(@(?<dc>[\\w.\\-]+))?";
    static final String KEY = "/?(?<key>[^@?]+)";
    static final String PREFIX = "/?(?<prefix>[^@?]+)";
    static final String FILTER = "(\\|(?<filter>[\\w,]+))?";
    static final String SERVICE_NAME = "(?<name>[\\w\\-]+)";
    static final String NODE_NAME = "(?<name>[\\w.\\-]+)";
    static final String QUERY = "(\\?(?<query>[\\w\\-=&]+))?";
    static final String NEAR = "(~(?<near>[\\w.\\-]+))?";
    static final String TAG = "((?<tag>[\\w=:.\\-]+)\\.)?";

    static final String NAMESPACE = "ns";
    static final String PARTITION = "partition";
    static final String PEER = "peer";
    static final String SAMENESS_GROUP = "sameness-group";

    private QuerySyntax() {
    }

    static Pattern pattern(String... parts) {
        return Pattern.compile("\\A" + String.join("", parts) + "\\z");
    }

    /**
     * Matches {@code s} in full.
     *
     * @param label the dependency's name in error messages, e.g. {@code health.service}
     * @throws IllegalArgumentException {@code <label>: invalid format: "<s>"} if it does not match
     */
    static Matcher match(Pattern pattern, String s, String label) {
        Matcher m = pattern.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(label + ": invalid format: " + GoQuote.quote(s));
        }
        return m;
    }

    /** A named group, {@code ""} when it did not take part in the match or the pattern has no such group. */
    static String group(Matcher m, String name) {
        if (!m.pattern().pattern().contains("(?<" + name + ">")) {
            return "";
        }
        String v = m.group(name);
        return v == null ? "" : v;
    }

    /**
     * The {@code ?<query>} options (namespace, partition, peer, sameness group), checked like consul-template.
     */
    static Map<String, String> options(Matcher m, String label) {
        String raw = group(m, "query");
        Map<String, String> options = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return options;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case NAMESPACE, PARTITION, PEER, SAMENESS_GROUP -> options.putIfAbsent(key, value);
                default -> throw new IllegalArgumentException(label + ": invalid query parameter key "
                        + GoQuote.quote(key) + " in query " + GoQuote.quote(raw) + ": supported keys: "
                        + NAMESPACE + "," + PEER + "," + PARTITION + "," + SAMENESS_GROUP);
            }
        }
        return options;
    }
}
