package io.cairn.gossip.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The gossip encryption keys of the whole cluster, as {@code consul keyring} and {@code /v1/operator/keyring}
 * manage them: each operation is asked of every member of every pool this agent is in, and the answers are
 * summed up per pool. Keys are 32 random bytes (AES-256-GCM) in standard base64; the primary key encrypts, every
 * installed key decrypts, so a key is rotated by install, use, remove. Registered only when gossip is encrypted.
 */
@ProviderType
public interface Keyring {

    /** The installed keys and how many members have each. */
    CompletionStage<List<KeyringAnswer>> list();

    /** Installs {@code key} on every member (it decrypts at once; it encrypts after {@link #use}). */
    CompletionStage<List<KeyringAnswer>> install(String key);

    /** Makes an installed key the primary on every member. */
    CompletionStage<List<KeyringAnswer>> use(String key);

    /** Removes a key that is not the primary from every member. */
    CompletionStage<List<KeyringAnswer>> remove(String key);
}
