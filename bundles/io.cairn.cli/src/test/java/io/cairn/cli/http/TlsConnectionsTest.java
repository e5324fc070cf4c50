package io.cairn.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cairn.cli.Console;
import io.cairn.cli.kv.KvGet;
import io.cairn.cli.tls.Certificates;
import io.cairn.cli.tls.TlsCaCreate;
import io.cairn.cli.tls.TlsCertCreate;
import io.cairn.watch.plan.HttpWatchFetch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client commands against an HTTPS agent that asks for client certificates, set up with Consul's flags and
 * environment variables and the files {@code cairn tls} writes.
 */
class TlsConnectionsTest {
  private static final String ENTRY = "[{\"Key\":\"k\",\"Value\":\"aGk=\",\"Flags\":0,\"CreateIndex\":1,"
      + "\"ModifyIndex\":1,\"LockIndex\":0}]";

  @TempDir
  Path dir;
  private HttpsServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startAgent() throws Exception {
    Console quiet = console(Map.of());
    assertEquals(0, new TlsCaCreate(dir).run(List.of(), quiet));
    assertEquals(0, new TlsCertCreate(dir).run(List.of("-server"), quiet));
    assertEquals(0, new TlsCertCreate(dir).run(List.of("-cli"), quiet));
    Path other = Files.createDirectory(dir.resolve("other"));
    assertEquals(0, new TlsCaCreate(other).run(List.of(), quiet));
    assertEquals(0, new TlsCertCreate(other).run(List.of("-cli"), quiet));

    KeyStore identity = KeyStore.getInstance("PKCS12");
    identity.load(null, null);
    identity.setKeyEntry("agent", Certificates.readPrivateKey(read("dc1-server-consul-0-key.pem")), new char[0],
        new Certificate[] {certificate("dc1-server-consul-0.pem")});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(identity, new char[0]);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", certificate("consul-agent-ca.pem"));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setNeedClientAuth(true);
        params.setSSLParameters(parameters);
      }
    });
    server.createContext("/", exchange -> {
      byte[] body = ENTRY.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    out.reset();
    err.reset();
  }

  @AfterEach
  void stopAgent() {
    server.stop(0);
  }

  @Test
  void theConsulVariablesGiveTheCaAndTheClientCertificate() {
    Map<String, String> env = tlsEnv("https://127.0.0.1:" + server.getAddress().getPort());
    assertEquals(0, kvGet(env), err.toString(StandardCharsets.UTF_8));
    assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void consulHttpSslMakesAnAddressWithoutSchemeHttpsAndCairnVariablesWin() {
    Map<String, String> env = tlsEnv("127.0.0.1:" + server.getAddress().getPort());
    env.put("CONSUL_HTTP_SSL", "true");
    env.put("CONSUL_CACERT", dir.resolve("other/consul-agent-ca.pem").toString());
    env.put("CAIRN_CACERT", dir.resolve("consul-agent-ca.pem").toString());
    assertEquals(0, kvGet(env), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAClientCertificateOrWithOneOfAnotherCaTheHandshakeFails() {
    Map<String, String> env = tlsEnv("https://127.0.0.1:" + server.getAddress().getPort());
    env.remove("CONSUL_CLIENT_CERT");
    env.remove("CONSUL_CLIENT_KEY");
    assertEquals(1, kvGet(env));
    assertTrue(err.size() > 0);
    err.reset();
    assertEquals(1, kvGet(tlsEnv("https://127.0.0.1:" + server.getAddress().getPort()), "-client-cert",
        dir.resolve("other/dc1-cli-consul-0.pem").toString(), "-client-key",
        dir.resolve("other/dc1-cli-consul-0-key.pem").toString()));
  }

  @Test
  void theAgentsCertificateIsVerifiedAgainstTheCaAndTheServerName() {
    String address = "https://127.0.0.1:" + server.getAddress().getPort();
    Map<String, String> env = tlsEnv(address);
    env.remove("CONSUL_CACERT");
    assertEquals(1, kvGet(env), "the JDK's CAs do not know this one");
    err.reset();
    env.put("CONSUL_HTTP_SSL_VERIFY", "false");
    assertEquals(0, kvGet(env), err.toString(StandardCharsets.UTF_8));

    Map<String, String> named = tlsEnv(address);
    assertEquals(0, kvGet(named, "-tls-server-name", "server.dc1.consul"), err.toString(StandardCharsets.UTF_8));
    assertEquals(1, kvGet(named, "-tls-server-name", "server.dc2.consul"));
    err.reset();
    Path caDir = createCaDir();
    named.remove("CONSUL_CACERT");
    named.put("CONSUL_CAPATH", caDir.toString());
    assertEquals(0, kvGet(named), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theBlockingReadsOfWatchLockAndExecUseTheSameTls() throws Exception {
    URI address = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    Map<String, String> env = tlsEnv(address.toString());
    assertEquals(200, watchFetch(address, env));
    env.put("CONSUL_TLS_SERVER_NAME", "server.dc1.consul");
    assertEquals(200, watchFetch(address, env));
    env.put("CONSUL_TLS_SERVER_NAME", "server.dc2.consul");
    assertThrows(IOException.class, () -> watchFetch(address, env));
    env.remove("CONSUL_TLS_SERVER_NAME");
    env.put("CONSUL_CACERT", dir.resolve("other/consul-agent-ca.pem").toString());
    assertThrows(IOException.class, () -> watchFetch(address, env));
    env.put("CONSUL_HTTP_SSL_VERIFY", "false");
    assertEquals(200, watchFetch(address, env));
  }

  private static int watchFetch(URI address, Map<String, String> env) throws Exception {
    return new HttpWatchFetch(address, "", Optional.of(TlsConnections.resolve(null, env).sslContext()))
        .get("/v1/kv/k", List.of(), 0).status();
  }

  @Test
  void aClientCertificateNeedsItsKey() {
    Map<String, String> env = tlsEnv("https://127.0.0.1:" + server.getAddress().getPort());
    env.remove("CONSUL_CLIENT_KEY");
    assertEquals(1, kvGet(env));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("a client certificate needs its key: give both "
        + "-client-cert and -client-key"), err.toString(StandardCharsets.UTF_8));
  }

  private Path createCaDir() {
    try {
      Path cas = Files.createDirectory(dir.resolve("cas"));
      Files.copy(dir.resolve("consul-agent-ca.pem"), cas.resolve("a.pem"));
      Files.copy(dir.resolve("other/consul-agent-ca.pem"), cas.resolve("b.pem"));
      return cas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> tlsEnv(String address) {
    Map<String, String> env = new HashMap<>();
    env.put("CONSUL_HTTP_ADDR", address);
    env.put("CONSUL_CACERT", dir.resolve("consul-agent-ca.pem").toString());
    env.put("CONSUL_CLIENT_CERT", dir.resolve("dc1-cli-consul-0.pem").toString());
    env.put("CONSUL_CLIENT_KEY", dir.resolve("dc1-cli-consul-0-key.pem").toString());
    return env;
  }

  private int kvGet(Map<String, String> env, String... flags) {
    List<String> args = new ArrayList<>(List.of(flags));
    args.add("k");
    return new KvGet().run(args, console(env));
  }

  private Console console(Map<String, String> env) {
    return new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  private String read(String file) throws Exception {
    return Files.readString(dir.resolve(file));
  }

  private Certificate certificate(String file) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
