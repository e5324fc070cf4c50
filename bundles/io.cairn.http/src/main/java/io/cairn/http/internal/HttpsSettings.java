package io.cairn.http.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.util.ssl.SslContextFactory;

import io.cairn.agent.api.tls.TlsFiles;

/**
 * The TLS of the HTTPS listener, as Consul's {@code tls.https} settings give it: the agent's certificate (with
 * any chain after it in the file) and key, the CAs client certificates must be signed by ({@code ca_file}, and
 * every file of {@code ca_path}), whether a client must present one ({@code verify_incoming}), the lowest TLS
 * version and the TLS 1.2 cipher suites (TLS 1.3's own suites stay on, as in Go). Files are read ({@link TlsFiles})
 * when the listener starts; a file that cannot be read or parsed fails it with the file's name.
 *
 * @param minVersion   the JDK's protocol name, e.g. {@code TLSv1.2}
 * @param cipherSuites IANA names; empty for the JDK's and Jetty's defaults
 */
record HttpsSettings(Path caFile, Path caPath, Path certFile, Path keyFile, boolean verifyIncoming,
        String minVersion, List<String> cipherSuites) {
    private static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    HttpsSettings {
        if (certFile == null || keyFile == null) {
            throw new IllegalArgumentException("the HTTPS listener needs tls.cert.file and tls.key.file");
        }
        if (verifyIncoming && caFile == null && caPath == null) {
            throw new IllegalArgumentException("tls.verify.incoming needs a CA: set tls.ca.file or tls.ca.path");
        }
        if (!PROTOCOLS.contains(minVersion)) {
            throw new IllegalArgumentException("tls.min.version " + minVersion + " is not one of " + PROTOCOLS);
        }
        cipherSuites = List.copyOf(cipherSuites);
    }

    /** Jetty's server-side TLS for these settings; reads the files now. */
    SslContextFactory.Server contextFactory() {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(new TlsFiles(caFile, caPath, certFile, keyFile).sslContext());
        factory.setNeedClientAuth(verifyIncoming);
        factory.setIncludeProtocols(PROTOCOLS.subList(PROTOCOLS.indexOf(minVersion), PROTOCOLS.size())
                .toArray(String[]::new));
        if (!cipherSuites.isEmpty()) {
            List<String> suites = new ArrayList<>(cipherSuites);
            suites.addAll(TLS13_SUITES);
            factory.setIncludeCipherSuites(suites.toArray(String[]::new));
            // The operator's list is explicit: none of Jetty's default exclusions applies to it.
            factory.setExcludeCipherSuites();
        }
        return factory;
    }
}
