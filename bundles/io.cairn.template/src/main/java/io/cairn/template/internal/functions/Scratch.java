package io.cairn.template.internal.functions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cairn.go.lang.GoQuote;

/**
 * The scratchpad a template gets from {@code scratch}: values kept for the rest of one render pass, e.g.
 * {@code {{ scratch.Set "port" 8080 }}} ... {@code {{ scratch.Get "port" }}}. The method names are the ones
 * templates use. Setters return {@code ""} so that calling them prints nothing.
 */
public final class Scratch {

    private final Map<String, Object> values = new HashMap<>();

    /** Whether {@code key} has been set. */
    public boolean Key(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key}, {@code nil} if it has not been set. */
    public Object Get(String key) {
        return values.get(key);
    }

    public String Set(String key, Object value) {
        values.put(key, value);
        return "";
    }

    /** Like {@link #Set} but keeps an existing value. */
    public String SetX(String key, Object value) {
        values.putIfAbsent(key, value);
        return "";
    }

    /** Puts {@code value} under {@code mapKey} in the map stored at {@code key}, creating the map if needed. */
    public String MapSet(String key, String mapKey, Object value) {
        map(key).put(mapKey, value);
        return "";
    }

    /** Like {@link #MapSet} but keeps an existing entry. */
    public String MapSetX(String key, String mapKey, Object value) {
        map(key).putIfAbsent(mapKey, value);
        return "";
    }

    /** The values of the map stored at {@code key} in the order of their keys; {@code nil} if it is not a map. */
    public List<Object> MapValues(String key) {
        if (!(values.get(key) instanceof Map<?, ?> map)) {
            return null;
        }
        return new ArrayList<>(new TreeMap<>(map).values());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        Object existing = values.computeIfAbsent(key, k -> new TreeMap<String, Object>());
        if (!(existing instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(GoQuote.quote(key) + " is not a map");
        }
        if (!(existing instanceof TreeMap<?, ?>)) {
            // A map stored with Set may be read-only (e.g. from the data model); keep a writable copy instead.
            existing = new TreeMap<>((Map<String, Object>) existing);
            values.put(key, existing);
        }
        return (Map<String, Object>) existing;
    }
}
