package io.cairn.acl.rules;

/** ACL rules Consul would refuse; the message is Consul's error text. */
public final class RulesException extends Exception {
    private static final long serialVersionUID = 1L;

    public RulesException(String message) {
        super(message);
    }
}
