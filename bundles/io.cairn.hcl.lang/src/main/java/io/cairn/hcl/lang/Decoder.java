package io.cairn.hcl.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.hcl.lang.Node.Item;
import io.cairn.hcl.lang.Node.ListType;
import io.cairn.hcl.lang.Node.Literal;
import io.cairn.hcl.lang.Node.ObjectList;
import io.cairn.hcl.lang.Node.ObjectType;
import io.cairn.hcl.lang.Token.Kind;

/**
 * hcl v1's decoding of a parsed file into {@code map[string]interface{}}. An object held by a map becomes a
 * {@link MapList} (Go's {@code []map[string]interface{}}) and an object held by a list becomes a map; a block with
 * labels ({@code service "web" { }}) becomes a list of one-key maps per label; a key given again decodes into the
 * value it already has (lists grow, scalars are replaced or converted, and a mismatch is hcl v1's error).
 */
final class Decoder {
    private Decoder() {
    }

    static Map<String, Object> decode(ObjectList file) throws HclException {
        return decodeMap("root", file, null);
    }

    /** A value for a Go {@code interface{}} slot holding {@code current} (null: empty), inside a list or not. */
    private static Object decodeValue(String name, Node node, Object current, boolean inList) throws HclException {
        return decodeInto(name, node, current != null ? current : emptyValueFor(name, node, inList));
    }

    /** The empty value hcl v1 picks for an empty {@code interface{}} slot. */
    private static Object emptyValueFor(String name, Node node, boolean inList) throws HclException {
        if (node instanceof ObjectType || node instanceof ObjectList) {
            return inList ? new LinkedHashMap<String, Object>() : new MapList();
        }
        if (node instanceof ListType) {
            return new ArrayList<Object>();
        }
        if (node instanceof Literal literal) {
            return switch (literal.token().kind()) {
                case BOOL -> Boolean.FALSE;
                case FLOAT -> 0.0;
                case NUMBER -> 0L;
                case STRING, HEREDOC -> "";
                default -> throw node.pos().error(name + ": cannot decode into interface: " + node.goType());
            };
        }
        throw new HclException(name + ": cannot decode into interface: " + node.goType());
    }

    /** Decodes {@code node} into a value of {@code current}'s Go type, as hcl v1 does. */
    @SuppressWarnings("unchecked")
    private static Object decodeInto(String name, Node node, Object current) throws HclException {
        if (current instanceof Boolean) {
            return decodeBool(name, node);
        }
        if (current instanceof Double) {
            return decodeFloat(name, node);
        }
        if (current instanceof Long) {
            return decodeInt(name, node);
        }
        if (current instanceof String) {
            return decodeString(name, node);
        }
        if (current instanceof Map<?, ?> map) {
            return decodeMap(name, node, (Map<String, Object>) map);
        }
        return decodeList(name, node, (List<Object>) current);
    }

    private static Boolean decodeBool(String name, Node node) throws HclException {
        if (node instanceof Literal literal && literal.token().kind() == Kind.BOOL) {
            return literal.token().text().equals("true");
        }
        throw node.pos().error(name + ": unknown type " + node.goType());
    }

    private static Double decodeFloat(String name, Node node) throws HclException {
        if (node instanceof Literal literal
                && (literal.token().kind() == Kind.FLOAT || literal.token().kind() == Kind.NUMBER)) {
            return HclStrconv.parseFloat(literal.token().text());
        }
        throw node.pos().error(name + ": unknown type " + node.goType());
    }

    private static Long decodeInt(String name, Node node) throws HclException {
        if (node instanceof Literal literal) {
            if (literal.token().kind() == Kind.NUMBER) {
                return HclStrconv.parseInt(literal.token().text());
            }
            if (literal.token().kind() == Kind.STRING) {
                return HclStrconv.parseInt(unquote(literal.token()));
            }
        }
        throw node.pos().error(name + ": unknown type " + node.goType());
    }

    private static String decodeString(String name, Node node) throws HclException {
        if (node instanceof Literal literal) {
            switch (literal.token().kind()) {
                case NUMBER:
                    return literal.token().text();
                case STRING:
                    return unquote(literal.token());
                case HEREDOC:
                    return Heredoc.value(literal.token().text());
                default:
                    break;
            }
        }
        throw node.pos().error(name + ": unknown type for string " + node.goType());
    }

    private static Map<String, Object> decodeMap(String name, Node node, Map<String, Object> current)
            throws HclException {
        ObjectList list;
        if (node instanceof Item item) {
            list = new ObjectList(List.of(item));
        } else if (node instanceof ObjectType object) {
            list = object.list();
        } else if (node instanceof ObjectList objects) {
            list = objects;
        } else {
            throw node.pos().error(name + ": not an object type for map (" + node.goType() + ")");
        }
        Map<String, Object> map = current != null ? current : new LinkedHashMap<>();
        Map<String, List<Item>> byFoldedKey = null;
        Set<String> done = new HashSet<>();
        for (Item item : list.items()) {
            if (item.keys().isEmpty()) {
                throw list.pos().error(name + ": map must have string keys");
            }
            String key = keyValue(item.keys().get(0));
            if (done.contains(key)) {
                continue;
            }
            Node value = item.value();
            if (item.keys().size() > 1) {
                if (byFoldedKey == null) {
                    byFoldedKey = indexByFirstKey(list);
                }
                // Every item under this key (compared ignoring case), without that first key.
                value = new ObjectList(byFoldedKey.get(fold(key)));
                done.add(key);
            }
            map.put(key, decodeValue(name + "." + key, value, map.get(key), false));
        }
        return map;
    }

    /** For each first key (case folded), the items that have it, stripped of it: hcl v1's {@code Filter}. */
    private static Map<String, List<Item>> indexByFirstKey(ObjectList list) throws HclException {
        Map<String, List<Item>> index = new HashMap<>();
        for (Item item : list.items()) {
            if (!item.keys().isEmpty()) {
                index.computeIfAbsent(fold(keyValue(item.keys().get(0))), k -> new ArrayList<>())
                        .add(new Item(item.keys().subList(1, item.keys().size()), item.value()));
            }
        }
        return index;
    }

    private static List<Object> decodeList(String name, Node node, List<Object> current) throws HclException {
        List<? extends Node> elements;
        if (node instanceof ObjectList objects) {
            elements = objects.items();
        } else if (node instanceof ObjectType) {
            elements = List.of(node);
        } else if (node instanceof ListType list) {
            elements = list.elements();
        } else {
            throw node.pos().error("unknown slice type: " + node.goType());
        }
        boolean ofMaps = current instanceof MapList;
        for (int i = 0; i < elements.size(); i++) {
            String elementName = name + "[" + i + "]";
            Node element = elements.get(i);
            current.add(ofMaps ? decodeMap(elementName, element, null) : decodeValue(elementName, element, null, true));
        }
        return current;
    }

    private static String keyValue(Token key) throws HclException {
        return key.kind() == Kind.STRING ? unquote(key) : key.text();
    }

    /** The value of a string token; where hcl v1 would panic on it, an error at the token. */
    private static String unquote(Token token) throws HclException {
        String value = HclStrconv.unquote(token.text());
        if (value == null) {
            throw token.pos().error("unquote " + token.text() + " err: invalid syntax");
        }
        return value;
    }

    /** A key as Go's {@code strings.EqualFold} compares it. */
    private static String fold(String key) {
        StringBuilder folded = new StringBuilder(key.length());
        key.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }
}
