package io.cairn.http.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The TLS of the HTTPS listener, as Consul's {@code tls.https} settings give it: the agent's certificate (with
 * any chain after it in the file) and key, the CAs client certificates must be signed by ({@code ca_file}, and
 * every file of {@code ca_path}), whether a client must present one ({@code verify_incoming}), the lowest TLS
 * version and the TLS 1.2 cipher suites (TLS 1.3's own suites stay on, as in Go). Files are read when the
 * listener starts; a file that cannot be read or parsed fails it with the file's name.
 *
 * @param minVersion   the JDK's protocol name, e.g. {@code TLSv1.2}
 * @param cipherSuites IANA names; empty for the JDK's and Jetty's defaults
 */
record HttpsSettings(Path caFile, Path caPath, Path certFile, Path keyFile, boolean verifyIncoming,
        String minVersion, List<String> cipherSuites) {
    private static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");
    /** The in-memory key store's password: it never leaves this process. */
    private static final char[] NO_PASSWORD = new char[0];

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
        factory.setSslContext(sslContext());
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

    private SSLContext sslContext() {
        try {
            KeyStore identity = emptyStore();
            List<X509Certificate> chain = read(certFile, "tls.cert.file", PemFiles::certificates);
            PrivateKey key = read(keyFile, "tls.key.file", PemFiles::privateKey);
            identity.setKeyEntry("agent", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, NO_PASSWORD);

            TrustManagerFactory trust = null;
            List<X509Certificate> authorities = authorities();
            if (!authorities.isEmpty()) {
                KeyStore store = emptyStore();
                for (int i = 0; i < authorities.size(); i++) {
                    store.setCertificateEntry("ca-" + i, authorities.get(i));
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS with " + certFile + " and " + keyFile + ": "
                    + e.getMessage(), e);
        }
    }

    private List<X509Certificate> authorities() {
        List<X509Certificate> authorities = new ArrayList<>();
        if (caFile != null) {
            authorities.addAll(read(caFile, "tls.ca.file", PemFiles::certificates));
        }
        if (caPath != null) {
            try (Stream<Path> files = Files.list(caPath)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    authorities.addAll(read(file, "tls.ca.path", PemFiles::certificates));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("tls.ca.path " + caPath + ": cannot list it (" + e + ")", e);
            }
        }
        return authorities;
    }

    private interface Reader<T> {
        T read(Path file) throws IOException, GeneralSecurityException;
    }

    private static <T> T read(Path file, String setting, Reader<T> reader) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + " " + file + ": cannot read it (" + e + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        return store;
    }
}
