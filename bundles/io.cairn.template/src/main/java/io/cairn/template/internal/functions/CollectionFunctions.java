package io.cairn.template.internal.functions;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.cairn.template.internal.data.CatalogSnippet;
import io.cairn.go.lang.GoQuote;
import io.cairn.template.internal.data.HealthService;
import io.cairn.template.internal.data.KeyPair;

/** Grouping, membership and nesting helpers over lists, maps and the data model. */
final class CollectionFunctions {

    private CollectionFunctions() {
    }

    /**
     * Groups key pairs by the first segment of their key: {@code a/b/c} lands in group {@code a} as {@code b/c};
     * keys with nothing after the first segment are dropped.
     */
    static Map<String, Map<String, KeyPair>> byKey(List<?> pairs) {
        Map<String, Map<String, KeyPair>> groups = new TreeMap<>();
        for (Object o : pairs) {
            if (!(o instanceof KeyPair pair)) {
                throw new IllegalArgumentException("wrong type for value; expected []*dependency.KeyPair; got "
                        + Args.goType(pairs));
            }
            int slash = pair.Key().indexOf('/');
            String rest = slash < 0 ? "" : pair.Key().substring(slash + 1);
            if (rest.isEmpty()) {
                continue;
            }
            groups.computeIfAbsent(pair.Key().substring(0, slash), k -> new TreeMap<>()).put(rest, pair.withKey(rest));
        }
        return groups;
    }

    /** Groups services ({@code service} or {@code services} results) by each of their tags. */
    static Map<String, List<Object>> byTag(Object in) {
        Map<String, List<Object>> groups = new TreeMap<>();
        if (in == null) {
            return groups;
        }
        if (!(in instanceof List<?> list)) {
            throw new IllegalArgumentException("byTag: wrong argument type " + Args.goType(in));
        }
        for (Object o : list) {
            List<String> tags;
            if (o instanceof HealthService s) {
                tags = s.Tags();
            } else if (o instanceof CatalogSnippet s) {
                tags = s.Tags();
            } else {
                throw new IllegalArgumentException("byTag: wrong argument type " + Args.goType(in));
            }
            for (String tag : tags) {
                groups.computeIfAbsent(tag, k -> new ArrayList<>()).add(o);
            }
        }
        return groups;
    }

    /** Groups service instances by their port. */
    static Map<Long, List<Object>> byPort(Object in) {
        Map<Long, List<Object>> groups = new TreeMap<>();
        if (in == null) {
            return groups;
        }
        if (!(in instanceof List<?> list) || !list.stream().allMatch(HealthService.class::isInstance)) {
            throw new IllegalArgumentException("byPort: wrong argument type " + Args.goType(in));
        }
        for (Object o : list) {
            groups.computeIfAbsent(((HealthService) o).Port(), k -> new ArrayList<>()).add(o);
        }
        return groups;
    }

    /**
     * Groups services by the values of one or more meta keys ({@code "a,b|int"}): the group name joins the
     * values with {@code _}, characters outside {@code [a-zA-Z0-9_-]} become {@code _}, a missing value is
     * {@code _no_<key>_}, and a {@code |int} key is zero-padded to five digits so that groups sort numerically.
     */
    static Map<String, List<HealthService>> byMeta(String meta, List<?> services) {
        String[] keys = meta.split(",", -1);
        Map<String, List<HealthService>> groups = new TreeMap<>();
        for (Object o : services) {
            if (!(o instanceof HealthService s)) {
                throw new IllegalArgumentException("wrong type for value; expected []*dependency.HealthService; got "
                        + Args.goType(services));
            }
            List<String> parts = new ArrayList<>();
            for (String key : keys) {
                boolean integer = key.endsWith("|int");
                String realKey = integer ? key.substring(0, key.length() - 4) : key;
                String value = s.ServiceMeta().getOrDefault(realKey, "");
                if (value.isEmpty()) {
                    value = integer ? "0" : "_no_" + realKey + "_";
                }
                if (integer) {
                    value = String.format("%05d", atoi(value));
                }
                parts.add(value.replaceAll("[^a-zA-Z0-9_-]", "_"));
            }
            groups.computeIfAbsent(String.join("_", parts), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    private static long atoi(String value) {
        try {
            if (!value.matches("[+-]?\\d+")) {
                throw new NumberFormatException();
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse " + value + " as number : strconv.Atoi: parsing "
                    + GoQuote.quote(value) + ": invalid syntax");
        }
    }

    /**
     * Whether {@code needle} is an element of the list {@code haystack} (integers, floats and strings compare
     * by value, other elements never match) or a substring of the string {@code haystack}.
     */
    static boolean in(Object haystack, Object needle) {
        if (haystack instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Long || e instanceof Integer) {
                    if ((needle instanceof Long || needle instanceof Integer)
                            && ((Number) e).longValue() == ((Number) needle).longValue()) {
                        return true;
                    }
                } else if (e instanceof Double d) {
                    if (needle instanceof Double n && d.doubleValue() == n.doubleValue()) {
                        return true;
                    }
                } else if (e instanceof String s && s.equals(needle)) {
                    return true;
                }
            }
            return false;
        }
        return haystack instanceof String s && needle instanceof String n && s.contains(n);
    }

    /**
     * containsAll / containsAny / containsNone / containsNotAll: stops at the first element of {@code values}
     * whose membership in {@code haystack} differs from {@code invert} and answers {@code !whenExhausted}.
     */
    static boolean containsSome(List<?> values, Object haystack, boolean whenExhausted, boolean invert) {
        for (Object v : values) {
            if (in(haystack, v) != invert) {
                return !whenExhausted;
            }
        }
        return whenExhausted;
    }

    /** Key pairs to nested maps: {@code a/b = 1} becomes {@code {a: {b: "1"}}}. */
    static Map<String, Object> explode(List<?> pairs) {
        Map<String, Object> root = new TreeMap<>();
        for (Object o : pairs) {
            if (!(o instanceof KeyPair pair)) {
                throw new IllegalArgumentException("wrong type for value; expected []*dependency.KeyPair; got "
                        + Args.goType(pairs));
            }
            nest(root, pair.Key(), pair.Value(), pair.Key(), "explode");
        }
        return root;
    }

    /** A flat map with {@code /}-separated keys to nested maps, keys taken in sorted order. */
    static Map<String, Object> explodeMap(Map<?, ?> flat) {
        Map<String, Object> sorted = new TreeMap<>();
        flat.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        Map<String, Object> root = new TreeMap<>();
        sorted.forEach((k, v) -> nest(root, k, v, k, "explodeMap"));
        return root;
    }

    private static void nest(Map<String, Object> m, String key, Object value, String path, String function) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            if (!key.isEmpty()) {
                m.put(key, value);
            }
            return;
        }
        String top = key.substring(0, slash);
        Object existing = m.computeIfAbsent(top, k -> new TreeMap<String, Object>());
        if (!(existing instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(function + ": not a map: " + GoQuote.quote(path) + ": "
                    + GoQuote.quote(top) + " already has value " + GoQuote.quote(String.valueOf(existing)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) existing;
        nest(child, key.substring(slash + 1), value, key, function);
    }

    /**
     * mergo's map merge: keys of {@code src} missing or empty in {@code dst} are taken from {@code src}, nested
     * maps are merged the same way, and with {@code override} non-empty values of {@code src} win. The
     * arguments are left unchanged.
     */
    static Map<String, Object> merge(Map<?, ?> dst, Map<?, ?> src, boolean override) {
        Map<String, Object> out = new LinkedHashMap<>();
        dst.forEach((k, v) -> out.put(String.valueOf(k), v));
        src.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object current = out.get(key);
            if (current instanceof Map<?, ?> cm && v instanceof Map<?, ?> sm) {
                out.put(key, merge(cm, sm, override));
            } else if (!out.containsKey(key) || isEmpty(current) || override && !isEmpty(v)) {
                out.put(key, v);
            }
        });
        return new TreeMap<>(out);
    }

    /** Go's zero values count as empty for mergo. */
    private static boolean isEmpty(Object v) {
        return v == null || "".equals(v) || Boolean.FALSE.equals(v) || v instanceof Number n && n.doubleValue() == 0
                || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
    }

    /** {@code loop 3} is 0, 1, 2; {@code loop 5 8} is 5, 6, 7; strings are parsed as integers. */
    static List<Long> loop(List<Object> args) {
        if (args.size() != 1 && args.size() != 2) {
            throw new IllegalArgumentException("loop: wrong number of arguments, expected 1 or 2, but got "
                    + args.size());
        }
        long start = args.size() == 2 ? loopBound(args.get(0)) : 0;
        long stop = loopBound(args.get(args.size() - 1));
        long count = Math.max(0, stop - start);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("loop: too many iterations: " + count);
        }
        // Lazy, like the channel consul-template returns: ranging over loop 1000000 allocates nothing.
        return new AbstractList<>() {
            @Override
            public Long get(int index) {
                return start + Objects.checkIndex(index, (int) count);
            }

            @Override
            public int size() {
                return (int) count;
            }
        };
    }

    private static long loopBound(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            return ParseFunctions.parseInt(s);
        }
        throw new IllegalArgumentException("loop: bad argument type: " + Args.goType(v));
    }
}
