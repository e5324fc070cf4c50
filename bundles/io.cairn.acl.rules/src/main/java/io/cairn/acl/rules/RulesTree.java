package io.cairn.acl.rules;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the generic rules tree the way Consul's HCL 1 decoder fills {@code acl.PolicyRules}: names match
 * case-insensitively, unknown names are ignored, numbers and booleans stand for their text, and a section or a
 * rule body may come as one object or as a list of objects (HCL's shape for repeated blocks).
 */
final class RulesTree {
    static final String PARSE_FAILURE = "Failed to parse ACL rules: ";

    private RulesTree() {
    }

    static PolicyRules read(Object tree) throws RulesException {
        PolicyRules.Builder rules = new PolicyRules.Builder();
        if (tree == null) {
            return rules.build();
        }
        for (Map.Entry<String, Object> entry : entries(tree, "root")) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            String path = "root." + entry.getKey();
            SingleRule single = single(name);
            if (single != null) {
                rules.single(single, string(entry.getValue(), path));
                continue;
            }
            for (Resource resource : Resource.values()) {
                for (boolean isPrefix : new boolean[] {false, true}) {
                    if (resource.section(isPrefix).equals(name)) {
                        readSection(rules, resource, isPrefix, entry.getValue(), path);
                    }
                }
            }
        }
        return rules.build();
    }

    private static SingleRule single(String name) {
        for (SingleRule rule : SingleRule.values()) {
            if (rule.key().equals(name)) {
                return rule;
            }
        }
        return null;
    }

    private static void readSection(PolicyRules.Builder rules, Resource resource, boolean isPrefix, Object section,
            String path) throws RulesException {
        for (Map.Entry<String, Object> named : entries(section, path)) {
            String policy = "";
            String intentions = "";
            for (Map.Entry<String, Object> field : entries(named.getValue(), path + "[" + named.getKey() + "]")) {
                String fieldPath = path + "." + field.getKey();
                switch (field.getKey().toLowerCase(Locale.ROOT)) {
                    case "policy" -> policy = string(field.getValue(), fieldPath);
                    case "intentions" -> {
                        if (resource.hasIntentions()) {
                            intentions = string(field.getValue(), fieldPath);
                        }
                    }
                    default -> {
                        // Consul's decoder ignores fields it does not know.
                    }
                }
            }
            rules.rule(resource, isPrefix, new Rule(named.getKey(), policy, intentions));
        }
    }

    /** The entries of an object, or of the objects of a list in order (repeated names kept). */
    private static List<Map.Entry<String, Object>> entries(Object value, String path) throws RulesException {
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> entries.add(new SimpleImmutableEntry<>(String.valueOf(key), element)));
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                entries.addAll(entries(element, path));
            }
        } else {
            throw new RulesException(PARSE_FAILURE + path + ": not an object type for struct");
        }
        return entries;
    }

    private static String string(Object value, String path) throws RulesException {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String type = value instanceof Map ? "*ast.ObjectType" : "*ast.ListType";
        throw new RulesException(PARSE_FAILURE + path + ": unknown type for string " + type);
    }
}
