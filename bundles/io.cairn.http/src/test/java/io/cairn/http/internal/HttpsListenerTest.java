package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The HTTPS listener with Consul's PEM files: the API over TLS, client certificates required with
 * {@code verify_incoming}, plain HTTP turned off, and files that cannot be read named in the error.
 */
class HttpsListenerTest {
    @TempDir
    Path dir;
    private ApiServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A key and its certificate. */
    private record Identity(KeyPair keys, X509Certificate certificate) {}

    @Test
    void verifyIncomingServesClientsWithACertificateOfTheCaOnly() throws Exception {
        Identity ca = identity("CN=Test CA", null);
        Identity agent = identity("CN=server.dc1.consul", ca);
        Identity client = identity("CN=cli.dc1.consul", ca);
        Identity stranger = identity("CN=cli.dc1.consul", identity("CN=Other CA", null));
        Path caFile = pem("ca.pem", ca.certificate());
        HttpsSettings settings = new HttpsSettings(caFile, null, pem("agent.pem", agent.certificate()),
                sec1("agent-key.pem", agent.keys()), true, "TLSv1.2", List.of());
        server = new ApiServer("127.0.0.1", ApiServer.OFF, new ApiServer.HttpsListener(0, settings.contextFactory()),
                new Router(), () -> null, () -> AclsDisabled.RESOLVER, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()),
                ServerLimits.defaults());
        server.start();
        assertEquals(ApiServer.OFF, server.port());

        assertEquals(404, get(client(ca, client)), "served: no route answers /v1/nothing");
        assertThrows(IOException.class, () -> get(client(ca, null)));
        assertThrows(IOException.class, () -> get(client(ca, stranger)));
    }

    @Test
    void withoutVerifyIncomingAnyClientIsServedAlongsidePlainHttp() throws Exception {
        Identity ca = identity("CN=Test CA", null);
        Identity agent = identity("CN=server.dc1.consul", ca);
        Path key = dir.resolve("agent-key.pem");
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(key))) {
            writer.writeObject(new JcaPKCS8Generator(agent.keys().getPrivate(), null));
        }
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        HttpsSettings settings = new HttpsSettings(null, null, pem("agent.pem", agent.certificate()), key, false,
                "TLSv1.3", List.of());
        server = new ApiServer("127.0.0.1", 0, new ApiServer.HttpsListener(0, settings.contextFactory()),
                new Router(), () -> null, () -> AclsDisabled.RESOLVER, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()),
                ServerLimits.defaults());
        server.start();
        assertEquals(404, get(client(ca, null)));
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertTrue(plain.isConnected());
        }
    }

    @Test
    void filesThatCannotBeReadAreNamed() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        HttpsSettings noCert = new HttpsSettings(null, null, missing, notPem, false, "TLSv1.2", List.of());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, noCert::contextFactory);
        assertTrue(refused.getMessage().startsWith("tls.cert.file " + missing + ": cannot read it"),
                refused.getMessage());
        Identity ca = identity("CN=Test CA", null);
        HttpsSettings noKey = new HttpsSettings(null, null, pem("ca.pem", ca.certificate()), notPem, false,
                "TLSv1.2", List.of());
        refused = assertThrows(IllegalArgumentException.class, noKey::contextFactory);
        assertTrue(refused.getMessage().startsWith("tls.key.file " + notPem + ": no PEM private key found"),
                refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> new HttpsSettings(null, null, notPem, notPem, true, "TLSv1.2", List.of()));
        assertTrue(refused.getMessage().contains("needs a CA"), refused.getMessage());
    }

    private int get(HttpClient client) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.httpsPort()
                + "/v1/nothing")).timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString()).statusCode();
    }

    private static HttpClient client(Identity ca, Identity own) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (own != null) {
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("me", own.keys().getPrivate(), new char[0],
                    new X509Certificate[] {own.certificate()});
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, new char[0]);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A new key with its certificate: a CA's when {@code issuer} is null, else one for localhost and 127.0.0.1. */
    private static Identity identity(String subject, Identity issuer) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name issuerName = new X500Name(issuer == null ? subject
                : issuer.certificate().getSubjectX500Principal().getName());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                new BigInteger(64, new SecureRandom()), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null));
        if (issuer != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        return new Identity(keys, certificate);
    }

    /** The key as SEC 1 {@code EC PRIVATE KEY} with its curve, as consul tls cert create writes it. */
    private Path sec1(String name, KeyPair keys) throws IOException {
        ECPrivateKey key = (ECPrivateKey) keys.getPrivate();
        org.bouncycastle.asn1.sec.ECPrivateKey encoded = new org.bouncycastle.asn1.sec.ECPrivateKey(256, key.getS(),
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
                PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getParameters());
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", encoded.getEncoded()));
        }
        return Files.writeString(dir.resolve(name), out.toString());
    }

    private Path pem(String name, Object item) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(item);
        }
        return Files.writeString(dir.resolve(name), out.toString());
    }
}
