package io.cairn.acl.internal.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.NodeIdentity;
import io.cairn.acl.api.ServiceIdentity;

/**
 * The body of a token create, update or clone: the token's fields, all optional, and Consul's
 * {@code ExpirationTTL}, a Go duration string or a number of nanoseconds (as Consul's Go client sends it).
 */
record TokenBody(@JsonProperty("AccessorID") String accessorId, @JsonProperty("SecretID") String secretId,
        @JsonProperty("Description") String description, @JsonProperty("Policies") List<AclLink> policies,
        @JsonProperty("Roles") List<AclLink> roles,
        @JsonProperty("ServiceIdentities") List<ServiceIdentity> serviceIdentities,
        @JsonProperty("NodeIdentities") List<NodeIdentity> nodeIdentities, @JsonProperty("Local") boolean local,
        @JsonProperty("ExpirationTime") String expirationTime, @JsonProperty("ExpirationTTL") Object expirationTtl) {

    static final TokenBody EMPTY = new TokenBody(null, null, null, null, null, null, null, false, null, null);

    TokenBody {
        accessorId = accessorId == null ? "" : accessorId;
        secretId = secretId == null ? "" : secretId;
        description = description == null ? "" : description;
        expirationTime = expirationTime == null ? "" : expirationTime;
    }
}
