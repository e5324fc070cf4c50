package io.cairn.agent.api.tls;

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

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The PEM files of the agent's TLS, as Consul's {@code tls.https} settings name them: the agent's certificate
 * (with any chain after it in the file) and key, and the CAs it trusts ({@code ca_file}, and every file of
 * {@code ca_path}; the JDK's CAs when both are {@code null}). The HTTPS listener serves with the
 * {@linkplain #sslContext() context} they make, and the agent's own clients of its API connect with the same one:
 * they trust its CA and present its certificate, which {@code verify_incoming} then accepts. The Raft port
 * ({@code tls.internal_rpc}) takes the same files as {@linkplain #keyManagers() key managers} and
 * {@linkplain #authorities() CA certificates}, which its gRPC transport wants instead of a context.
 *
 * @param caFile   {@code null} when not set
 * @param caPath   {@code null} when not set
 * @param certFile the agent's certificate, never {@code null}
 * @param keyFile  the agent's private key, never {@code null}
 */
public record TlsFiles(Path caFile, Path caPath, Path certFile, Path keyFile) {
    /** The in-memory key store's password: it never leaves this process. */
    private static final char[] NO_PASSWORD = new char[0];

    public TlsFiles {
        if (certFile == null || keyFile == null) {
            throw new IllegalArgumentException("TLS needs tls.cert.file and tls.key.file");
        }
    }

    /**
     * A TLS context with the agent's certificate as its identity (server or client) and the CAs as its trust;
     * reads the files now.
     *
     * @throws IllegalArgumentException naming the setting and the file that cannot be read or parsed
     */
    public SSLContext sslContext() {
        try {
            KeyManager[] keys = keyManagers();
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
            context.init(keys, trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw setupFailed(e);
        }
    }

    /**
     * The agent's certificate (with its chain) and key as the key managers of a TLS context, for TLS stacks that
     * take no {@link SSLContext}; reads the files now.
     *
     * @throws IllegalArgumentException naming the setting and the file that cannot be read or parsed
     */
    public KeyManager[] keyManagers() {
        try {
            KeyStore identity = emptyStore();
            List<X509Certificate> chain = read(certFile, "tls.cert.file", PemFiles::certificates);
            PrivateKey key = read(keyFile, "tls.key.file", PemFiles::privateKey);
            identity.setKeyEntry("agent", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, NO_PASSWORD);
            return keys.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw setupFailed(e);
        }
    }

    /**
     * The certificates of {@code ca_file}, then of every file of {@code ca_path}; empty when neither is set. Reads
     * the files now.
     *
     * @throws IllegalArgumentException naming the setting and the file that cannot be read or parsed
     */
    public List<X509Certificate> authorities() {
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

    private IllegalArgumentException setupFailed(GeneralSecurityException e) {
        return new IllegalArgumentException("cannot set up TLS with " + certFile + " and " + keyFile + ": "
                + e.getMessage(), e);
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
