package io.cairn.acl.api;

/**
 * A request's token as {@link AclResolver} resolved it.
 *
 * @param accessorId the token's accessor ID (the anonymous token's when the request presented none); {@code ""}
 *                   while ACLs are disabled
 * @param anonymous  whether the request runs as the anonymous token, explicitly or because it presented none
 * @param authorizer what the token may do, with the default policy applied
 */
public record ResolvedToken(String accessorId, boolean anonymous, Authorizer authorizer) {

    /**
     * Consul's 403 text for a permission this token lacks, e.g. {@code Permission denied: token with AccessorID
     * '…' lacks permission 'key:write' on "db/x"}; {@code resource} is {@code null} for a permission without one
     * ({@code operator:read}).
     */
    public String permissionDenied(String permission, String resource) {
        String on = resource == null ? "" : " on \"" + resource + "\"";
        if (anonymous) {
            return "Permission denied: anonymous token lacks permission '" + permission + "'" + on
                    + ". The anonymous token is used implicitly when a request does not specify a token.";
        }
        return "Permission denied: token with AccessorID '" + accessorId + "' lacks permission '" + permission + "'"
                + on;
    }
}
