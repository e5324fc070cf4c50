package io.cairn.acl.api;

/** The secret a request presented names no token, or an expired one: Consul's 403 {@code ACL not found}. */
public class AclNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AclNotFoundException() {
        super(AclResolver.ACL_NOT_FOUND);
    }
}
