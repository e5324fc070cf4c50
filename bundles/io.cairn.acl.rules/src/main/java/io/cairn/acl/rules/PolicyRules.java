package io.cairn.acl.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.cairn.go.lang.GoQuote;

/**
 * The validated rules of one ACL policy (Consul's {@code acl.PolicyRules}): the single-value rules
 * {@code acl}, {@code keyring}, {@code operator}, {@code mesh} and {@code peering}, and the named exact and
 * prefix rules of agents, keys, nodes, services (with {@code intentions}), sessions, events and prepared queries.
 * {@link Authorizers#forRules} turns the rules of a token's policies into its authorizer.
 */
public final class PolicyRules {

    /** Rules that grant nothing (empty rules text). */
    public static final PolicyRules EMPTY = new Builder().build();

    private final Map<SingleRule, String> singles;
    private final Map<Resource, List<Rule>> exact;
    private final Map<Resource, List<Rule>> prefix;

    private PolicyRules(Map<SingleRule, String> singles, Map<Resource, List<Rule>> exact,
            Map<Resource, List<Rule>> prefix) {
        this.singles = singles;
        this.exact = exact;
        this.prefix = prefix;
    }

    /**
     * Parses and validates rules text; blank text grants nothing.
     *
     * @throws RulesException with Consul's text: {@code Failed to parse ACL rules: ...} when {@code syntax} cannot
     *                        decode it, else as {@link #fromTree}
     */
    public static PolicyRules parse(String text, RulesSyntax syntax) throws RulesException {
        if (text.isBlank()) {
            return EMPTY;
        }
        Object tree;
        try {
            tree = syntax.decode(text);
        } catch (Exception e) {
            throw new RulesException(RulesTree.PARSE_FAILURE + e.getMessage());
        }
        return fromTree(tree);
    }

    /**
     * Reads and validates rules from their generic tree (a map of section names to values, as JSON and HCL
     * decode to). Section and field names match case-insensitively; unknown ones are ignored, as Consul's
     * decoder does.
     *
     * @throws RulesException with Consul's text: {@code Failed to parse ACL rules: ...} for a tree of the wrong
     *                        shape, {@code Invalid key policy: &acl.KeyRule{...}} and the like for bad values
     */
    public static PolicyRules fromTree(Object tree) throws RulesException {
        PolicyRules rules = RulesTree.read(tree);
        rules.validate();
        return rules;
    }

    String single(SingleRule rule) {
        return singles.get(rule);
    }

    List<Rule> rules(Resource resource, boolean isPrefix) {
        return (isPrefix ? prefix : exact).get(resource);
    }

    private void validate() throws RulesException {
        validateSingle(SingleRule.ACL);
        for (Resource resource : Resource.values()) {
            for (boolean isPrefix : new boolean[] {false, true}) {
                for (Rule rule : rules(resource, isPrefix)) {
                    validate(resource, isPrefix, rule);
                }
            }
        }
        for (SingleRule rule : SingleRule.values()) {
            if (rule != SingleRule.ACL) {
                validateSingle(rule);
            }
        }
    }

    private void validateSingle(SingleRule rule) throws RulesException {
        String value = single(rule);
        if (!value.isEmpty() && !valid(value, false)) {
            throw new RulesException("Invalid " + rule.key() + " policy: " + GoQuote.quote(value));
        }
    }

    private static void validate(Resource resource, boolean isPrefix, Rule rule) throws RulesException {
        String section = resource.section(isPrefix);
        if (!valid(rule.policy(), resource.allowsList())) {
            throw new RulesException("Invalid " + section + " policy: " + resource.goValue(rule));
        }
        if (!rule.intentions().isEmpty() && !valid(rule.intentions(), false)) {
            throw new RulesException("Invalid " + section + " intentions policy: " + resource.goValue(rule));
        }
    }

    private static boolean valid(String policy, boolean allowList) {
        AccessLevel level = AccessLevel.parse(policy);
        return level != null && (allowList || level != AccessLevel.LIST);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyRules that && singles.equals(that.singles) && exact.equals(that.exact)
                && prefix.equals(that.prefix);
    }

    @Override
    public int hashCode() {
        return singles.hashCode() * 31 * 31 + exact.hashCode() * 31 + prefix.hashCode();
    }

    @Override
    public String toString() {
        return "PolicyRules" + singles + exact + prefix;
    }

    /** Collects rules in the order they are written; {@link #build()} does not validate. */
    static final class Builder {
        private final Map<SingleRule, String> singles = new EnumMap<>(SingleRule.class);
        private final Map<Resource, List<Rule>> exact = new EnumMap<>(Resource.class);
        private final Map<Resource, List<Rule>> prefix = new EnumMap<>(Resource.class);

        Builder() {
            for (SingleRule rule : SingleRule.values()) {
                singles.put(rule, "");
            }
            for (Resource resource : Resource.values()) {
                exact.put(resource, new ArrayList<>());
                prefix.put(resource, new ArrayList<>());
            }
        }

        Builder single(SingleRule rule, String policy) {
            singles.put(rule, policy);
            return this;
        }

        Builder rule(Resource resource, boolean isPrefix, String name, String policy) {
            return rule(resource, isPrefix, new Rule(name, policy, ""));
        }

        Builder rule(Resource resource, boolean isPrefix, Rule rule) {
            (isPrefix ? prefix : exact).get(resource).add(rule);
            return this;
        }

        PolicyRules build() {
            Map<Resource, List<Rule>> exactCopy = new EnumMap<>(Resource.class);
            Map<Resource, List<Rule>> prefixCopy = new EnumMap<>(Resource.class);
            exact.forEach((resource, rules) -> exactCopy.put(resource, List.copyOf(rules)));
            prefix.forEach((resource, rules) -> prefixCopy.put(resource, List.copyOf(rules)));
            return new PolicyRules(new EnumMap<>(singles), exactCopy, prefixCopy);
        }
    }
}
