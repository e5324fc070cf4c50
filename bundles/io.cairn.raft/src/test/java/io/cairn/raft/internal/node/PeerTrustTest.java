package io.cairn.raft.internal.node;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.agent.api.tls.TlsFiles;

/** Which peer certificates the Raft port accepts, by the verify_* settings. */
class PeerTrustTest {
    private static final String AUTH = "ECDHE_ECDSA";

    @TempDir
    Path dir;

    @Test
    void verifyOutgoingWantsTheCaAndVerifyServerHostnameTheServersName() throws Exception {
        TestCa ca = new TestCa(dir.resolve("ca"), "Cairn Test CA");
        TlsFiles own = ca.issue("server", "server.dc1.consul");
        X509Certificate[] server = chain(ca.issue("other-server", "server.dc1.consul", "localhost"));
        X509Certificate[] client = chain(ca.issue("client", "client.dc1.consul"));
        X509Certificate[] stranger = chain(new TestCa(dir.resolve("other"), "Other CA")
                .issue("stranger", "server.dc1.consul"));

        PeerTrust hostname = trust(own, new RpcTls(own, false, true, "server.dc1.consul", "TLSv1.2"));
        assertDoesNotThrow(() -> hostname.checkServerTrusted(server, AUTH));
        assertEquals("the server's certificate (CN=client.dc1.consul) is not for server.dc1.consul "
                + "(verify_server_hostname)", assertThrows(CertificateException.class,
                        () -> hostname.checkServerTrusted(client, AUTH)).getMessage());
        assertThrows(CertificateException.class, () -> hostname.checkServerTrusted(stranger, AUTH));

        PeerTrust outgoing = trust(own, new RpcTls(own, false, true, null, "TLSv1.2"));
        assertDoesNotThrow(() -> outgoing.checkServerTrusted(client, AUTH));
        assertThrows(CertificateException.class, () -> outgoing.checkServerTrusted(stranger, AUTH));
        // without verify_incoming any peer certificate is good enough, and none is asked for by its CA
        assertDoesNotThrow(() -> outgoing.checkClientTrusted(stranger, AUTH));
        assertEquals(0, outgoing.getAcceptedIssuers().length);
    }

    @Test
    void verifyIncomingWantsTheCaOnly() throws Exception {
        TestCa ca = new TestCa(dir.resolve("ca"), "Cairn Test CA");
        TlsFiles own = ca.issue("server", "server.dc1.consul");
        PeerTrust incoming = trust(own, new RpcTls(own, true, false, null, "TLSv1.2"));
        assertDoesNotThrow(() -> incoming.checkClientTrusted(chain(ca.issue("client", "client.dc1.consul")), AUTH));
        X509Certificate[] stranger = chain(new TestCa(dir.resolve("other"), "Other CA")
                .issue("stranger", "server.dc1.consul"));
        assertThrows(CertificateException.class, () -> incoming.checkClientTrusted(stranger, AUTH));
        assertDoesNotThrow(() -> incoming.checkServerTrusted(stranger, AUTH), "verify_outgoing is off");
        assertEquals(own.authorities(), List.of(incoming.getAcceptedIssuers()));
    }

    @Test
    void aCaIsRequired() throws Exception {
        TlsFiles noCa = new TlsFiles(null, null, Path.of("c.pem"), Path.of("k.pem"));
        assertEquals("TLS on the Raft port needs a CA: set tls.ca.file or tls.ca.path", assertThrows(
                IllegalArgumentException.class, () -> new PeerTrust(new RpcTls(noCa, true, true, null, "TLSv1.2"),
                        List.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RpcTls(noCa, true, true, null, "SSLv3"));
    }

    private static PeerTrust trust(TlsFiles own, RpcTls tls) {
        return new PeerTrust(tls, own.authorities());
    }

    private static X509Certificate[] chain(TlsFiles files) throws Exception {
        try (InputStream in = Files.newInputStream(files.certFile())) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        }
    }
}
