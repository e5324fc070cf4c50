package io.cairn.acl.rules;

import java.util.Locale;

/** The rules that take one policy value and no name ({@code acl = "write"}), in the order Consul validates them. */
enum SingleRule {
    ACL, KEYRING, OPERATOR, MESH, PEERING;

    /** The rule's name in rules text and error texts. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
