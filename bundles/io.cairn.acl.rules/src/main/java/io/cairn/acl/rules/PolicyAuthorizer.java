package io.cairn.acl.rules;

import io.cairn.acl.api.Authorizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The authorizer of a token's merged rules chained to a fallback (the default policy), as Consul chains its
 * policy authorizer: a question the rules answer gets their answer, one they leave open gets the fallback's.
 * Services also fill the intentions tree: a service rule without {@code intentions} grants intentions read when
 * its policy is {@code read} or {@code write}, and denies them otherwise.
 */
final class PolicyAuthorizer implements Authorizer {
    private final Map<SingleRule, AccessLevel> singles = new EnumMap<>(SingleRule.class);
    private final Map<Resource, RuleTree> trees = new EnumMap<>(Resource.class);
    private final RuleTree intentions = new RuleTree();
    private final Authorizer fallback;

    PolicyAuthorizer(List<PolicyRules> policies, Authorizer fallback) {
        this.fallback = fallback;
        PolicyRules merged = RulesMerger.merge(policies);
        for (SingleRule single : SingleRule.values()) {
            String value = merged.single(single);
            if (!value.isEmpty()) {
                singles.put(single, AccessLevel.parse(value));
            }
        }
        for (Resource resource : Resource.values()) {
            RuleTree tree = new RuleTree();
            trees.put(resource, tree);
            for (boolean isPrefix : new boolean[] {false, true}) {
                for (Rule rule : merged.rules(resource, isPrefix)) {
                    tree.put(rule.name(), AccessLevel.parse(rule.policy()), isPrefix);
                    if (resource.hasIntentions()) {
                        intentions.put(rule.name(), AccessLevel.parse(intentionsOf(rule)), isPrefix);
                    }
                }
            }
        }
    }

    private static String intentionsOf(Rule service) {
        if (!service.intentions().isEmpty()) {
            return service.intentions();
        }
        return service.policy().equals("read") || service.policy().equals("write") ? "read" : "deny";
    }

    private Decision single(SingleRule rule, AccessLevel required) {
        AccessLevel level = singles.get(rule);
        return level == null ? Decision.DEFAULT : level.enforce(required);
    }

    /** A single-value rule that falls back to {@code operator} when unset (mesh, peering). */
    private Decision singleOrOperator(SingleRule rule, AccessLevel required) {
        return singles.containsKey(rule) ? single(rule, required) : single(SingleRule.OPERATOR, required);
    }

    private static Decision named(RuleTree tree, String name, AccessLevel required) {
        AccessLevel level = tree.lookup(name);
        return level == null ? Decision.DEFAULT : level.enforce(required);
    }

    private Decision named(Resource resource, String name, AccessLevel required) {
        return named(trees.get(resource), name, required);
    }

    /** Whether some rule of the tree grants {@code required}; Consul's {@code anyAllowed}. */
    private static Decision anyAllowed(RuleTree tree, AccessLevel required) {
        RuleTree.Node catchAll = tree.catchAll();
        Decision decision = catchAll.prefix == null ? Decision.DEFAULT : catchAll.prefix.enforce(required);
        if (decision == Decision.ALLOW || tree.anyUnder("", node -> allowsAny(node, required))) {
            return Decision.ALLOW;
        }
        return decision;
    }

    private static boolean allowsAny(RuleTree.Node node, AccessLevel required) {
        return node.prefix != null && node.prefix.enforce(required) == Decision.ALLOW
                || node.exact != null && node.exact.enforce(required) == Decision.ALLOW;
    }

    /** Whether no rule of the tree withholds {@code required}; Consul's {@code allAllowed}. */
    private static Decision allAllowed(RuleTree tree, AccessLevel required) {
        RuleTree.Node catchAll = tree.catchAll();
        Decision decision = catchAll.prefix == null ? Decision.DEFAULT : catchAll.prefix.enforce(required);
        if (decision == Decision.DENY || tree.anyUnder("", node -> deniesAny(node, required))) {
            return Decision.DENY;
        }
        return decision;
    }

    private static boolean deniesAny(RuleTree.Node node, AccessLevel required) {
        return node.prefix != null && node.prefix.enforce(required) == Decision.DENY
                || node.exact != null && node.exact.enforce(required) == Decision.DENY;
    }

    /** Consul's {@code KeyWritePrefix}: write on the prefix and no rule under it that withholds write. */
    private Decision keyWritePrefixDecision(String prefix) {
        RuleTree keys = trees.get(Resource.KEY);
        AccessLevel base = keys.longestPrefixRule(prefix);
        if (base != null && base != AccessLevel.WRITE) {
            return Decision.DENY;
        }
        boolean withheldBelow = keys.anyUnder(prefix, node -> node.prefix != null && node.prefix != AccessLevel.WRITE
                || node.exact != null && node.exact != AccessLevel.WRITE);
        if (withheldBelow) {
            return Decision.DENY;
        }
        return base == null ? Decision.DEFAULT : Decision.ALLOW;
    }

    @Override
    public boolean aclRead() {
        return single(SingleRule.ACL, AccessLevel.READ).orElse(fallback::aclRead);
    }

    @Override
    public boolean aclWrite() {
        return single(SingleRule.ACL, AccessLevel.WRITE).orElse(fallback::aclWrite);
    }

    @Override
    public boolean agentRead(String node) {
        return named(Resource.AGENT, node, AccessLevel.READ).orElse(() -> fallback.agentRead(node));
    }

    @Override
    public boolean agentWrite(String node) {
        return named(Resource.AGENT, node, AccessLevel.WRITE).orElse(() -> fallback.agentWrite(node));
    }

    @Override
    public boolean eventRead(String name) {
        return named(Resource.EVENT, name, AccessLevel.READ).orElse(() -> fallback.eventRead(name));
    }

    @Override
    public boolean eventWrite(String name) {
        return named(Resource.EVENT, name, AccessLevel.WRITE).orElse(() -> fallback.eventWrite(name));
    }

    @Override
    public boolean intentionRead(String destination) {
        Decision decision = destination.equals("*") ? anyAllowed(intentions, AccessLevel.READ)
                : named(intentions, destination, AccessLevel.READ);
        return decision.orElse(() -> fallback.intentionRead(destination));
    }

    @Override
    public boolean intentionWrite(String destination) {
        Decision decision = destination.equals("*") ? allAllowed(intentions, AccessLevel.WRITE)
                : named(intentions, destination, AccessLevel.WRITE);
        return decision.orElse(() -> fallback.intentionWrite(destination));
    }

    @Override
    public boolean keyRead(String key) {
        return named(Resource.KEY, key, AccessLevel.READ).orElse(() -> fallback.keyRead(key));
    }

    @Override
    public boolean keyList(String prefix) {
        return named(Resource.KEY, prefix, AccessLevel.LIST).orElse(() -> fallback.keyList(prefix));
    }

    @Override
    public boolean keyWrite(String key) {
        return named(Resource.KEY, key, AccessLevel.WRITE).orElse(() -> fallback.keyWrite(key));
    }

    @Override
    public boolean keyWritePrefix(String prefix) {
        return keyWritePrefixDecision(prefix).orElse(() -> fallback.keyWritePrefix(prefix));
    }

    @Override
    public boolean keyringRead() {
        return single(SingleRule.KEYRING, AccessLevel.READ).orElse(fallback::keyringRead);
    }

    @Override
    public boolean keyringWrite() {
        return single(SingleRule.KEYRING, AccessLevel.WRITE).orElse(fallback::keyringWrite);
    }

    @Override
    public boolean meshRead() {
        return singleOrOperator(SingleRule.MESH, AccessLevel.READ).orElse(fallback::meshRead);
    }

    @Override
    public boolean meshWrite() {
        return singleOrOperator(SingleRule.MESH, AccessLevel.WRITE).orElse(fallback::meshWrite);
    }

    @Override
    public boolean nodeRead(String node) {
        return named(Resource.NODE, node, AccessLevel.READ).orElse(() -> fallback.nodeRead(node));
    }

    @Override
    public boolean nodeReadAll() {
        return allAllowed(trees.get(Resource.NODE), AccessLevel.READ).orElse(fallback::nodeReadAll);
    }

    @Override
    public boolean nodeWrite(String node) {
        return named(Resource.NODE, node, AccessLevel.WRITE).orElse(() -> fallback.nodeWrite(node));
    }

    @Override
    public boolean operatorRead() {
        return single(SingleRule.OPERATOR, AccessLevel.READ).orElse(fallback::operatorRead);
    }

    @Override
    public boolean operatorWrite() {
        return single(SingleRule.OPERATOR, AccessLevel.WRITE).orElse(fallback::operatorWrite);
    }

    @Override
    public boolean peeringRead() {
        return singleOrOperator(SingleRule.PEERING, AccessLevel.READ).orElse(fallback::peeringRead);
    }

    @Override
    public boolean peeringWrite() {
        return singleOrOperator(SingleRule.PEERING, AccessLevel.WRITE).orElse(fallback::peeringWrite);
    }

    @Override
    public boolean queryRead(String name) {
        return named(Resource.QUERY, name, AccessLevel.READ).orElse(() -> fallback.queryRead(name));
    }

    @Override
    public boolean queryWrite(String name) {
        return named(Resource.QUERY, name, AccessLevel.WRITE).orElse(() -> fallback.queryWrite(name));
    }

    @Override
    public boolean serviceRead(String service) {
        return named(Resource.SERVICE, service, AccessLevel.READ).orElse(() -> fallback.serviceRead(service));
    }

    @Override
    public boolean serviceReadAll() {
        return allAllowed(trees.get(Resource.SERVICE), AccessLevel.READ).orElse(fallback::serviceReadAll);
    }

    @Override
    public boolean serviceWrite(String service) {
        return named(Resource.SERVICE, service, AccessLevel.WRITE).orElse(() -> fallback.serviceWrite(service));
    }

    @Override
    public boolean serviceWriteAny() {
        return anyAllowed(trees.get(Resource.SERVICE), AccessLevel.WRITE).orElse(fallback::serviceWriteAny);
    }

    @Override
    public boolean sessionRead(String node) {
        return named(Resource.SESSION, node, AccessLevel.READ).orElse(() -> fallback.sessionRead(node));
    }

    @Override
    public boolean sessionWrite(String node) {
        return named(Resource.SESSION, node, AccessLevel.WRITE).orElse(() -> fallback.sessionWrite(node));
    }

    @Override
    public boolean snapshot() {
        return single(SingleRule.ACL, AccessLevel.WRITE).orElse(fallback::snapshot);
    }
}
