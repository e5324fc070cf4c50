package io.cairn.acl.rules;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The rules of one resource in a trie keyed by name, each node holding the exact and the prefix rule written for
 * its name (Consul keeps the same pair per name in a radix tree). A name's rule is its exact rule, else the rule
 * of its longest prefix.
 */
final class RuleTree {

    /** The rules written for one name; either may be null. */
    static final class Node {
        private final Map<Character, Node> children = new TreeMap<>();
        AccessLevel exact;
        AccessLevel prefix;

        private boolean hasRule() {
            return exact != null || prefix != null;
        }
    }

    private final Node root = new Node();

    void put(String name, AccessLevel access, boolean isPrefix) {
        Node node = root;
        for (int i = 0; i < name.length(); i++) {
            node = node.children.computeIfAbsent(name.charAt(i), c -> new Node());
        }
        if (isPrefix) {
            node.prefix = access;
        } else {
            node.exact = access;
        }
    }

    /** The rule that applies to {@code name}: its exact rule, else its longest prefix rule; null for none. */
    AccessLevel lookup(String name) {
        Node node = find(name);
        return node != null && node.exact != null ? node.exact : longestPrefixRule(name);
    }

    /** The longest prefix rule of {@code name}, the name itself included; null for none. */
    AccessLevel longestPrefixRule(String name) {
        Node node = root;
        AccessLevel found = root.prefix;
        for (int i = 0; i < name.length() && node != null; i++) {
            node = node.children.get(name.charAt(i));
            if (node != null && node.prefix != null) {
                found = node.prefix;
            }
        }
        return found;
    }

    /** The rules written for the empty name (the catch-all {@code ""} rules). */
    Node catchAll() {
        return root;
    }

    /** Whether some node at or under {@code prefix} with a rule matches. */
    boolean anyUnder(String prefix, Predicate<Node> test) {
        Node node = find(prefix);
        return node != null && anyBelow(node, test);
    }

    private Node find(String name) {
        Node node = root;
        for (int i = 0; i < name.length() && node != null; i++) {
            node = node.children.get(name.charAt(i));
        }
        return node;
    }

    private static boolean anyBelow(Node node, Predicate<Node> test) {
        if (node.hasRule() && test.test(node)) {
            return true;
        }
        for (Node child : node.children.values()) {
            if (anyBelow(child, test)) {
                return true;
            }
        }
        return false;
    }
}
