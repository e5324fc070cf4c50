package io.cairn.cli.acl;

/**
 * An ACL command that cannot go on although the agent answered: an {@code -id} prefix or a name matching no
 * object (or several), or an answer the CLI cannot read. The message is the part after Consul's prefix
 * ({@code Error determining token ID: ...}).
 */
final class AclException extends Exception {
  private static final long serialVersionUID = 1L;

  AclException(String message) {
    super(message);
  }
}
