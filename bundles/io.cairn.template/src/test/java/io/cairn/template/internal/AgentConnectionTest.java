package io.cairn.template.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.tls.TlsFiles;
import io.cairn.template.internal.ConfigDirTemplates.Stanzas;
import io.cairn.template.internal.config.SslSettings;
import io.cairn.template.internal.runner.HttpQueryClient;
import io.cairn.template.internal.runner.RunnerLog;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConnectionTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();
    private final RunnerLog log = new RunnerLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    private static AgentIdentity agent(int httpPort, int httpsPort, TlsFiles tls) {
        return new AgentIdentity("n1", "id", "dc1", false, false, "127.0.0.1", "127.0.0.1", "0.0.0.0", httpPort, 8600,
                8300, 8301, 8302, Path.of("/tmp"), httpsPort, tls);
    }

    @Test
    void theSslBlockOfTheConfigFilesResolvesItsFilesAgainstTheirDirectoryAndLaterFilesWin() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("a.json"), """
                {"consul": {"ssl": {"enabled": true, "cert": "tpl.pem", "key": "tpl-key.pem",
                                    "ca_cert": "/ca.pem"}}}""");
        Files.writeString(config.resolve("b.json"), "{\"consul\": {\"ssl\": {\"ca_cert\": \"other-ca.pem\"}}}");
        ConfigDirTemplates files = new ConfigDirTemplates(List.of(config), List.of());
        Stanzas stanzas = files.changed(log).orElseThrow();
        assertEquals(new SslSettings(true, null, config.resolve("tpl.pem"), config.resolve("tpl-key.pem"),
                config.resolve("other-ca.pem"), null, null), stanzas.ssl());
        assertEquals(List.of(), stanzas.templates());

        Files.writeString(config.resolve("b.json"), "{\"consul\": {\"ssl\": {\"enabled\": false}}}");
        assertTrue(!files.changed(log).orElseThrow().ssl().isEnabled(), "a change of the block alone is a change");
        Files.writeString(config.resolve("b.json"), "{\"consul\": {\"ssl\": {\"verfiy\": false}}}");
        files.changed(log);
        assertTrue(warnings.get(0).endsWith("field \"consul\".ssl: unknown field \"verfiy\"; accepted fields are "
                + "ca_cert, ca_path, cert, enabled, key, server_name, verify"), warnings.toString());
    }

    @Test
    void withoutTheBlockTheAgentsOwnAddressWithItTheHttpsPort() {
        TlsFiles own = new TlsFiles(null, null, Path.of("/agent.pem"), Path.of("/agent-key.pem"));
        assertEquals(URI.create("https://127.0.0.1:8501"), AgentConnection.httpsApi(agent(8500, 8501, own)));
        assertEquals(URI.create("https://127.0.0.1:8501"), AgentConnection.httpsApi(agent(0, 8501, own)));
        assertEquals("consul.ssl turns TLS on, but the agent serves no HTTPS (set ports.https and the tls certificate "
                + "and key)", assertThrows(IllegalArgumentException.class,
                        () -> AgentConnection.httpsApi(agent(8500, -1, null))).getMessage());
        SslSettings certOnly = new SslSettings(true, null, Path.of("/c.pem"), null, null, null, null);
        assertEquals("consul.ssl: a client certificate needs its key, give cert and key", assertThrows(
                IllegalArgumentException.class, () -> AgentConnection.tls(agent(0, 8501, own), certOnly, log))
                .getMessage());
    }

    /** A key and its certificate. */
    private record Identity(KeyPair keys, X509Certificate certificate) {}

    /**
     * An HTTPS agent that takes client certificates of a second CA only: the agent's own certificate (of the first
     * CA) is refused, the one the block names is accepted, and the agent's CA still verifies the server.
     */
    @Test
    void theBlocksClientCertificateGoesOnTopOfTheAgentsOwnTls() throws Exception {
        Identity agentCa = identity("CN=agent CA", null);
        Identity clientCa = identity("CN=client CA", null);
        Identity agentCert = identity("CN=server.dc1.consul", agentCa);
        Identity clientCert = identity("CN=template", clientCa);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TlsFiles agentFiles = new TlsFiles(pem("agent-ca.pem", agentCa.certificate()), null,
                pem("agent.pem", agentCert.certificate()), key("agent-key.pem", agentCert));
        KeyStore clients = KeyStore.getInstance("PKCS12");
        clients.load(null, null);
        clients.setCertificateEntry("client-ca", clientCa.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(clients);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(agentFiles.keyManagers(), trust.getTrustManagers(), null);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverTls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/v1/kv/motd", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            AgentIdentity agent = agent(0, server.getAddress().getPort(), agentFiles);
            HttpQueryClient own = AgentConnection.client(agent, SslSettings.NONE, log);
            assertThrows(ExecutionException.class, () -> own.get("/v1/kv/motd", 0, Duration.ofSeconds(1))
                    .get(10, TimeUnit.SECONDS), "the agent's own certificate is of the wrong CA");
            SslSettings block = new SslSettings(null, null, pem("template.pem", clientCert.certificate()),
                    key("template-key.pem", clientCert), null, null, null);
            assertEquals(200, AgentConnection.client(agent, block, log).get("/v1/kv/motd", 0, Duration.ofSeconds(1))
                    .get(10, TimeUnit.SECONDS).status());
            assertEquals(List.of(), warnings);
        } finally {
            server.stop(0);
        }
    }

    /** A new EC key with its certificate: a CA's when {@code issuer} is null, else one for 127.0.0.1. */
    private static Identity identity(String subject, Identity issuer) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer == null ? subject
                : issuer.certificate().getSubjectX500Principal().getName()), new BigInteger(64, new SecureRandom()),
                Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null));
        if (issuer != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        }
        var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                .build(issuer == null ? keys.getPrivate() : issuer.keys().getPrivate());
        return new Identity(keys, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
    }

    private Path key(String name, Identity identity) throws Exception {
        return pem(name, new JcaPKCS8Generator(identity.keys().getPrivate(), null).generate());
    }

    private Path pem(String name, Object item) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(item);
        }
        return Files.writeString(dir.resolve(name), out.toString());
    }
}
