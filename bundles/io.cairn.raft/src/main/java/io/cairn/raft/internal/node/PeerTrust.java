package io.cairn.raft.internal.node;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Decides which peers' certificates the Raft port accepts, the way Consul's {@code tls.internal_rpc} does.
 * Incoming, with {@code verify_incoming}, the peer's certificate must be signed by one of the CAs; without it any
 * certificate will do. Outgoing, with {@code verify_outgoing}, the server's certificate must be signed by one of
 * the CAs and, with {@code verify_server_hostname}, carry {@code server.<datacenter>.consul}; the address dialled
 * is never compared with the certificate (Consul's server certificates name no addresses but localhost's). Either
 * way a handshake older than {@code tls_min_version} is refused.
 */
final class PeerTrust extends X509ExtendedTrustManager {
    /** The DNS name entry of a subject alternative name (RFC 5280). */
    private static final int DNS_NAME = 2;

    private final RpcTls tls;
    private final X509Certificate[] authorities;
    /** Checks chains against the CAs (the JDK's PKIX validation, without comparing names). */
    private final X509TrustManager authorityCheck;

    /** @param authorities the CAs of {@code tls.files()}, at least one */
    PeerTrust(RpcTls tls, List<X509Certificate> authorities) {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("TLS on the Raft port needs a CA: set tls.ca.file or tls.ca.path");
        }
        this.tls = tls;
        this.authorities = authorities.toArray(X509Certificate[]::new);
        this.authorityCheck = authorityCheck(authorities);
    }

    private static X509TrustManager authorityCheck(List<X509Certificate> authorities) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS with the CAs: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClient(chain, authType, engine.getHandshakeSession());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClient(chain, authType, handshake(socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClient(chain, authType, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServer(chain, authType, engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServer(chain, authType, handshake(socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain, authType, null);
    }

    /** The CAs when incoming certificates are verified, so that peers pick a certificate they signed. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return tls.verifyIncoming() ? authorities.clone() : new X509Certificate[0];
    }

    private void checkClient(X509Certificate[] chain, String authType, SSLSession handshake)
            throws CertificateException {
        checkProtocol(handshake);
        if (tls.verifyIncoming()) {
            authorityCheck.checkClientTrusted(chain, authType);
        }
    }

    private void checkServer(X509Certificate[] chain, String authType, SSLSession handshake)
            throws CertificateException {
        checkProtocol(handshake);
        if (tls.verifyOutgoing()) {
            authorityCheck.checkServerTrusted(chain, authType);
        }
        if (tls.serverName() != null && !dnsNames(chain[0]).contains(tls.serverName())) {
            throw new CertificateException("the server's certificate (" + chain[0].getSubjectX500Principal()
                    + ") is not for " + tls.serverName() + " (verify_server_hostname)");
        }
    }

    /** Refuses a protocol older than tls_min_version; nothing to check when the TLS stack shows no handshake. */
    private void checkProtocol(SSLSession handshake) throws CertificateException {
        if (handshake == null) {
            return;
        }
        String protocol = handshake.getProtocol();
        if (RpcTls.PROTOCOLS.indexOf(protocol) < RpcTls.PROTOCOLS.indexOf(tls.minVersion())) {
            throw new CertificateException("TLS protocol " + protocol + " is older than tls_min_version "
                    + tls.minVersion());
        }
    }

    private static SSLSession handshake(Socket socket) {
        return socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    }

    private static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        return names.stream().filter(name -> name.get(0) instanceof Integer type && type == DNS_NAME)
                .map(name -> ((String) name.get(1)).toLowerCase(Locale.ROOT)).toList();
    }
}
