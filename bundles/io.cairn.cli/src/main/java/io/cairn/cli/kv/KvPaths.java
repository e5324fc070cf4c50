package io.cairn.cli.kv;

/** Key-argument conveniences shared by the kv commands. */
final class KvPaths {
  private KvPaths() {}

  static String stripLeadingSlash(String key) {
    return key.startsWith("/") ? key.substring(1) : key;
  }
}
