package io.cairn.acl.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the rules of several policies into one set, as Consul's policy merger does: for each single-value rule
 * and each (section, name), the value that takes precedence wins: {@code deny} over {@code write} over
 * {@code list} over {@code read}; a service rule's policy and intentions are merged separately.
 */
final class RulesMerger {
    private RulesMerger() {
    }

    static PolicyRules merge(List<PolicyRules> policies) {
        PolicyRules.Builder merged = new PolicyRules.Builder();
        for (SingleRule single : SingleRule.values()) {
            String value = "";
            for (PolicyRules policy : policies) {
                if (takesPrecedence(policy.single(single), value)) {
                    value = policy.single(single);
                }
            }
            merged.single(single, value);
        }
        for (Resource resource : Resource.values()) {
            for (boolean isPrefix : new boolean[] {false, true}) {
                Map<String, Rule> byName = new LinkedHashMap<>();
                for (PolicyRules policy : policies) {
                    for (Rule rule : policy.rules(resource, isPrefix)) {
                        byName.merge(rule.name(), rule, RulesMerger::merge);
                    }
                }
                byName.values().forEach(rule -> merged.rule(resource, isPrefix, rule));
            }
        }
        return merged.build();
    }

    private static Rule merge(Rule existing, Rule next) {
        return new Rule(existing.name(),
                takesPrecedence(next.policy(), existing.policy()) ? next.policy() : existing.policy(),
                takesPrecedence(next.intentions(), existing.intentions()) ? next.intentions()
                        : existing.intentions());
    }

    /**
     * Consul's {@code takesPrecedenceOver}: whether policy value {@code a} replaces {@code b}. Values are compared
     * as written, so an unknown value (or one in another case) never replaces anything.
     */
    static boolean takesPrecedence(String a, String b) {
        return rank(a) > 0 && rank(a) >= rank(b);
    }

    private static int rank(String policy) {
        return switch (policy) {
            case "deny" -> 4;
            case "write" -> 3;
            case "list" -> 2;
            case "read" -> 1;
            default -> 0;
        };
    }
}
