package io.cairn.template.internal.config;

import java.nio.file.Path;

/**
 * consul-template's TLS to the agent ({@code consul { ssl { ... } }}, the {@code -consul-ssl*} flags): every
 * field {@code null} when not set, so that a later source (config file, then flag) replaces only what it sets.
 *
 * @param enabled    {@code enabled}: speak https to an address without scheme
 * @param verify     {@code verify}: check the agent's certificate (consul-template's default: true)
 * @param cert       {@code cert}: client certificate, for an agent with {@code verify_incoming}
 * @param key        {@code key}: the client certificate's private key
 * @param caCert     {@code ca_cert}: CA certificates to trust
 * @param caPath     {@code ca_path}: directory of CA certificates to trust
 * @param serverName {@code server_name}: the name the agent's certificate must carry
 */
public record SslSettings(Boolean enabled, Boolean verify, Path cert, Path key, Path caCert, Path caPath,
        String serverName) {

    /** Nothing set. */
    public static final SslSettings NONE = new SslSettings(null, null, null, null, null, null, null);

    /** These settings with what {@code later} sets replacing them. */
    public SslSettings overriddenBy(SslSettings later) {
        return new SslSettings(either(later.enabled, enabled), either(later.verify, verify),
                either(later.cert, cert), either(later.key, key), either(later.caCert, caCert),
                either(later.caPath, caPath), either(later.serverName, serverName));
    }

    /**
     * Whether TLS is on: as {@code enabled} says, or, as in consul-template, when it is not set, whether any
     * certificate, key, CA or server name is given.
     */
    public boolean isEnabled() {
        return enabled != null ? enabled
                : cert != null || key != null || caCert != null || caPath != null || serverName != null;
    }

    /** Whether the agent's certificate is checked: unless {@code verify} is false. */
    public boolean isVerified() {
        return verify == null || verify;
    }

    private static <T> T either(T later, T earlier) {
        return later != null ? later : earlier;
    }
}
