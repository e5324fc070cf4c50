package io.cairn.template.internal.data;

/**
 * A key/value entry, what {@code ls} and {@code tree} return. {@code Path} is the full key, {@code Key} the key
 * relative to the prefix that was listed, {@code Value} the value decoded as UTF-8.
 */
public record KeyPair(String Path, String Key, String Value, long CreateIndex, long ModifyIndex, long LockIndex,
        long Flags, String Session) {

    /** The same entry under another relative key (what {@code byKey} does to the keys it groups). */
    public KeyPair withKey(String key) {
        return new KeyPair(Path, key, Value, CreateIndex, ModifyIndex, LockIndex, Flags, Session);
    }
}
