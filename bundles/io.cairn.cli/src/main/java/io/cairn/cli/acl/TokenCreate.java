package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.go.lang.GoDuration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code cairn acl token create}: a new token with the given policies, roles and identities. */
public final class TokenCreate extends AclCommand {

  @Override
  public String synopsis() {
    return "Create an ACL token";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl token create [options]\n\n"
        + "  Creates a new token. Policies may be linked by -policy-id (a unique prefix of the ID will do) or\n"
        + "  -policy-name, roles by -role-id or -role-name, e.g.\n\n"
        + "      $ cairn acl token create -description \"web\" -policy-name web-read -service-identity web";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("accessor", "<string>", "Create the token with this Accessor ID. It must be a UUID. If not "
        + "specified one will be auto-generated.");
    flags.value("secret", "<string>", "Create the token with this Secret ID. It must be a UUID. If not specified "
        + "one will be auto-generated.");
    flags.value("description", "<string>", "A description of the token.");
    flags.bool("local", "Create this as a datacenter local token.");
    flags.value("expires-ttl", "<duration>", "Duration of time this token should be valid for, e.g. 24h.");
    AclLinks.declarePolicies(flags, "", "use for this token");
    AclLinks.declareRoles(flags, "", "use for this token");
    AclLinks.declareIdentities(flags, "", "use for this token");
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console)
      throws UsageException, AclException {
    long ttl = expiresTtl(flags);
    Map<String, Object> token = new LinkedHashMap<>();
    flags.last("accessor").filter(id -> !id.isEmpty()).ifPresent(id -> token.put("AccessorID", id));
    flags.last("secret").filter(id -> !id.isEmpty()).ifPresent(id -> token.put("SecretID", id));
    token.put("Description", flags.string("description", ""));
    token.put("Policies", AclLinks.links(flags, acl, AclKind.POLICY, ""));
    token.put("Roles", AclLinks.links(flags, acl, AclKind.ROLE, ""));
    token.put("ServiceIdentities", AclLinks.serviceIdentities(flags, ""));
    token.put("NodeIdentities", AclLinks.nodeIdentities(flags, ""));
    token.put("Local", flags.bool("local"));
    if (ttl > 0) {
      token.put("ExpirationTTL", ttl);
    }
    return print(console, text.token(step("Failed to create new token", () -> acl.create(AclKind.TOKEN, token))));
  }

  /** {@code -expires-ttl} in nanoseconds, as Go's API client sends a {@code time.Duration}; 0 when not given. */
  private static long expiresTtl(ParsedFlags flags) throws UsageException {
    String value = flags.string("expires-ttl", "0");
    try {
      return GoDuration.parseNanos(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value \"" + value + "\" for flag -expires-ttl: " + e.getMessage());
    }
  }
}
