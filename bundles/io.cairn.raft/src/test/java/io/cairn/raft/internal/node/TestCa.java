package io.cairn.raft.internal.node;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import io.cairn.agent.api.tls.TlsFiles;

/**
 * A CA made for one test, which issues agent certificates as {@code cairn tls cert create} does (server and client
 * authentication, DNS names only, EC keys written as SEC 1 {@code EC PRIVATE KEY}), all as PEM files.
 */
final class TestCa {
    private final Path dir;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path caFile;

    TestCa(Path dir, String name) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.keys = newKeys();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = builder(subject, subject);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        this.certificate = sign(builder);
        this.caFile = pem("ca.pem", certificate);
    }

    /** The files of a new certificate for {@code dnsNames} (the first also its common name) with this CA's. */
    TlsFiles issue(String fileName, String... dnsNames) throws Exception {
        KeyPair leaf = newKeys();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(certificate.getSubjectX500Principal().getName()), serial(), notBefore(), notAfter(),
                new X500Name("CN=" + dnsNames[0]), leaf.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(Arrays.stream(dnsNames)
                .map(dns -> new GeneralName(GeneralName.dNSName, dns)).toArray(GeneralName[]::new)));
        Path cert = pem(fileName + ".pem", sign(builder));
        return new TlsFiles(caFile, null, cert, sec1(fileName + "-key.pem", leaf));
    }

    /** The key as SEC 1 {@code EC PRIVATE KEY} naming its curve, as {@code cairn tls cert create} writes it. */
    private Path sec1(String name, KeyPair pair) throws IOException {
        ECPrivateKey key = (ECPrivateKey) pair.getPrivate();
        org.bouncycastle.asn1.sec.ECPrivateKey encoded = new org.bouncycastle.asn1.sec.ECPrivateKey(256, key.getS(),
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).getPublicKeyData(),
                PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getParameters());
        Path file = dir.resolve(name);
        try (PemWriter writer = new PemWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", encoded.getEncoded()));
        }
        return file;
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject) {
        return new JcaX509v3CertificateBuilder(issuer, serial(), notBefore(), notAfter(), subject, keys.getPublic());
    }

    private X509Certificate sign(X509v3CertificateBuilder builder)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private Path pem(String name, Object item) throws IOException {
        Path file = dir.resolve(name);
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(item);
        }
        return file;
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minusSeconds(60));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }
}
