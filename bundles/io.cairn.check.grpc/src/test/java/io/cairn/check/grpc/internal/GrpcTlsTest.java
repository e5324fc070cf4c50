package io.cairn.check.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;

import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;
import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.protobuf.services.HealthStatusManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GRPCUseTLS against a real gRPC server with a self-signed certificate (made with the JDK's keytool). */
class GrpcTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final GrpcChecker checker = new GrpcChecker();
    private Server server;
    private String address;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-dname", "CN=grpc.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertEquals(0, process.waitFor());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        server = Grpc.newServerBuilderForPort(0, TlsServerCredentials.newBuilder()
                .keyManager(keys.getKeyManagers()).build())
                .addService(new HealthStatusManager().getHealthService()).build().start();
        address = "localhost:" + server.getPort();
    }

    @AfterEach
    void stop() throws InterruptedException {
        checker.close();
        server.shutdownNow().awaitTermination();
    }

    @Test
    void tlsSkipVerifyAcceptsAnUntrustedCertificate() {
        assertEquals(CheckResult.passing("gRPC check " + address + ": success"),
                checker.run(address, true, true, "", TIMEOUT).join());
    }

    @Test
    void anUntrustedCertificateIsCriticalWithoutSkipVerify() {
        CheckResult result = checker.run(address, true, false, "", TIMEOUT).join();
        assertEquals(CheckStatus.CRITICAL, result.status());
        assertTrue(result.output().startsWith("rpc error: code = Unavailable desc = connection error: "),
                result.output());
    }
}
