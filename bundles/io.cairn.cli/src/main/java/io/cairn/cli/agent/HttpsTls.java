package io.cairn.cli.agent;

import java.nio.file.Path;

/**
 * The TLS settings of the HTTPS listener, resolved from {@code tls.https}, {@code tls.defaults} and Consul's
 * deprecated top-level keys. Paths are absolute, {@code null} when not set; {@code minVersion} is the JDK's
 * protocol name ({@code TLSv1.2}); {@code cipherSuites} is a comma-separated list of IANA names, empty for the
 * JDK's defaults.
 */
record HttpsTls(Path caFile, Path caPath, Path certFile, Path keyFile, boolean verifyIncoming, String minVersion,
    String cipherSuites) {}
