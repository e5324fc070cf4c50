package io.cairn.acl.rules;

import io.cairn.go.lang.GoQuote;

/**
 * The named resources rules address, each with an exact section ({@code key "a"}) and a prefix section
 * ({@code key_prefix "a"}), in the order Consul validates them. The Go names render rules in Consul's error
 * texts ({@code &acl.KeyRule{Prefix:"a", Policy:"nope", EnterpriseRule:acl.EnterpriseRule{}}}).
 */
enum Resource {
    AGENT("agent", "AgentRule", "Node", false),
    KEY("key", "KeyRule", "Prefix", true),
    NODE("node", "NodeRule", "Name", true),
    SERVICE("service", "ServiceRule", "Name", true),
    SESSION("session", "SessionRule", "Node", false),
    EVENT("event", "EventRule", "Event", false),
    QUERY("query", "PreparedQueryRule", "Prefix", false);

    private final String section;
    private final String goType;
    private final String goKeyField;
    private final boolean goEnterpriseRule;

    Resource(String section, String goType, String goKeyField, boolean goEnterpriseRule) {
        this.section = section;
        this.goType = goType;
        this.goKeyField = goKeyField;
        this.goEnterpriseRule = goEnterpriseRule;
    }

    /** The section name of this resource's exact or prefix rules. */
    String section(boolean prefix) {
        return prefix ? section + "_prefix" : section;
    }

    /** Whether {@code list} is a valid policy here (keys only). */
    boolean allowsList() {
        return this == KEY;
    }

    /** Whether rules here carry an {@code intentions} policy (services only). */
    boolean hasIntentions() {
        return this == SERVICE;
    }

    /** The rule as Go's {@code %#v} prints Consul's rule struct pointer. */
    String goValue(Rule rule) {
        StringBuilder out = new StringBuilder("&acl.").append(goType).append('{')
                .append(goKeyField).append(':').append(GoQuote.quote(rule.name()))
                .append(", Policy:").append(GoQuote.quote(rule.policy()));
        if (hasIntentions()) {
            out.append(", Intentions:").append(GoQuote.quote(rule.intentions()));
        }
        if (goEnterpriseRule) {
            out.append(", EnterpriseRule:acl.EnterpriseRule{}");
        }
        return out.append('}').toString();
    }
}
