package io.cairn.acl.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.cairn.json.lang.ReplicatedJson;

/** Consul's {@code Hash} field of tokens, policies and roles: a digest of their replicated encoding. */
final class AclHash {

    private AclHash() {
    }

    /** Base64 of the SHA-256 of {@code record}'s {@link ReplicatedJson} encoding: the same on every server. */
    static String of(Object record) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(ReplicatedJson.encode(record)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
