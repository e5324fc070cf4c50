package io.cairn.hcl.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HCL 1, the syntax of Consul's {@code .hcl} agent configuration and of its ACL rules, read the way hashicorp/hcl
 * v1 reads it. Thread-safe; holds no state.
 *
 * <p>{@link #parse} gives hcl v1's own generic form, what {@code hcl.Decode} puts in a {@code map[string]interface{}}:
 * every object held by a key is a list of maps, one per definition, and a labelled block is a list of one-key maps
 * per label. {@code ports { http = 8500 }} gives {@code {"ports": [{"http": 8500}]}} and
 * {@code service "web" { policy = "read" }} gives {@code {"service": [{"web": [{"policy": "read"}]}]}}. Consul then
 * reshapes that form before reading it; {@link #flatten} does what its configuration loader does and
 * {@link #flattenBlocks} gives the shape of the equivalent JSON, which is what its ACL rule decoder sees:
 * {@code {"service": {"web": {"policy": "read"}}}}.
 *
 * <p>Values are {@code Map<String, Object>} (in source order), {@code List<Object>}, {@code String}, {@code Long}
 * (integers, including hex {@code 0x1f} and octal {@code 017}), {@code Double} (a fraction or an exponent) and
 * {@code Boolean}. Strings keep {@code ${...}} interpolations as written.
 */
public final class Hcl {
    /** The longest input accepted, in characters. */
    public static final int MAX_LENGTH = 4 * 1024 * 1024;
    /** The deepest nesting accepted: objects, lists and block labels, counted together. */
    public static final int MAX_DEPTH = 256;

    private Hcl() {
    }

    /**
     * Parses {@code text} and decodes it as hcl v1 decodes into {@code map[string]interface{}}: a key given again
     * adds to the list it already holds (blocks and lists) or replaces its scalar, converting the new value to the
     * old one's type ({@code a = 1} then {@code a = "2"} gives 2) or failing as hcl v1 fails.
     *
     * <p>hcl v1 takes text whose first non-blank character is <code>{</code> for JSON; that is refused here (decode
     * it as JSON instead).
     *
     * @throws HclException with hcl v1's message, e.g. {@code At 3:7: illegal char}; also for input longer than
     *         {@link #MAX_LENGTH} or nested deeper than {@link #MAX_DEPTH}, and, with the token's position, for the
     *         strings hcl v1 scans but then fails to unquote (where it would panic)
     */
    public static Map<String, Object> parse(String text) throws HclException {
        if (text.length() > MAX_LENGTH) {
            throw new HclException("input of " + text.length() + " characters is longer than the " + MAX_LENGTH
                    + " allowed");
        }
        if (text.strip().startsWith("{")) {
            throw new HclException("input starting with '{' is JSON, which hcl v1 parses as JSON: decode it as JSON");
        }
        return Decoder.decode(Parser.parse(text, MAX_DEPTH));
    }

    /**
     * Consul's reshaping of a {@link #parse} tree before decoding its agent configuration
     * ({@code lib.PatchSliceOfMaps}): a list of maps (a block or object) becomes its only map, an empty list becomes
     * {@code null}, and a list of several maps is an error, except at the {@code listPaths}, whose lists stay lists
     * (their maps reshaped in turn), and the {@code verbatimPaths}, whose lists are kept untouched. Paths are
     * dotted keys from the root ({@code services.checks}), compared ignoring case. A list whose first element is not
     * a map is kept. Returns new maps and lists; {@code tree} is not changed.
     *
     * @throws HclException {@code <path>: []map[string]interface{} with more than one element not supported} for
     *         a block given twice outside the {@code listPaths} (Consul panics there)
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> flatten(Map<String, Object> tree, Collection<String> listPaths,
            Collection<String> verbatimPaths) throws HclException {
        return (Map<String, Object>) patch("", tree, lowerCase(listPaths), lowerCase(verbatimPaths));
    }

    /**
     * The equivalent JSON's shape of a {@link #parse} tree, as Consul's ACL rule decoder sees it: the maps of each
     * list of definitions (a block or object held by a key) are merged into one map, so that labelled blocks
     * {@code service "a" {}} {@code service "b" {}} give {@code {"service": {"a": {}, "b": {}}}}; a key defined in
     * more than one of them keeps every definition, in order, as a list
     * ({@code service "a" { policy = "read" }} twice gives {@code {"service": {"a": [{...}, {...}]}}}). Lists written
     * with brackets stay lists. Takes a tree as {@link #parse} returns it (it tells blocks from bracketed lists by
     * the lists' types); returns new maps and lists.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> flattenBlocks(Map<String, Object> tree) {
        return (Map<String, Object>) mergeBlocks(tree);
    }

    private static Object patch(String path, Object value, Set<String> listPaths, Set<String> verbatimPaths)
            throws HclException {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return map;
            }
            Map<String, Object> patched = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                patched.put(key, patch(path.isEmpty() ? key : path + "." + key, e.getValue(), listPaths,
                        verbatimPaths));
            }
            return patched;
        }
        if (value instanceof List<?> list) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (list.isEmpty()) {
                return null;
            }
            if (verbatimPaths.contains(lower)) {
                return list;
            }
            if (listPaths.contains(lower)) {
                List<Object> patched = new ArrayList<>(list.size());
                for (Object element : list) {
                    patched.add(patch(path, element, listPaths, verbatimPaths));
                }
                return patched;
            }
            if (!(list.get(0) instanceof Map)) {
                return list;
            }
            if (list.size() > 1) {
                throw new HclException(path + ": []map[string]interface{} with more than one element not supported");
            }
            return patch(path, list.get(0), listPaths, verbatimPaths);
        }
        return value;
    }

    private static Object mergeBlocks(Object value) {
        if (value instanceof MapList definitions) {
            Map<String, List<Object>> byKey = new LinkedHashMap<>();
            for (Object definition : definitions) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) definition).entrySet()) {
                    byKey.computeIfAbsent(String.valueOf(e.getKey()), k -> new ArrayList<>())
                            .add(mergeBlocks(e.getValue()));
                }
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            byKey.forEach((key, values) -> merged.put(key, values.size() == 1 ? values.get(0) : values));
            return merged;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> merged = new LinkedHashMap<>();
            map.forEach((key, v) -> merged.put(String.valueOf(key), mergeBlocks(v)));
            return merged;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Hcl::mergeBlocks).collect(Collectors.toCollection(ArrayList::new));
        }
        return value;
    }

    private static Set<String> lowerCase(Collection<String> paths) {
        return paths.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
