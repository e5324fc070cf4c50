package io.cairn.cli.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cairn.cli.Console;
import io.cairn.cli.tls.Certificates;
import io.cairn.cli.tls.TlsCaCreate;
import io.cairn.cli.tls.TlsCertCreate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn template} against an HTTPS-only agent that asks for client certificates, set up with
 * consul-template's {@code -consul-ssl-*} flags and {@code consul.ssl} block; the certificates are made by
 * {@code cairn tls} (Bouncy Castle) for each test.
 */
class TemplateTlsTest {
  private static final String MOTD = "[{\"LockIndex\":0,\"Key\":\"motd\",\"Flags\":0,\"Value\":\"aGVsbG8=\","
      + "\"CreateIndex\":7,\"ModifyIndex\":7}]";

  @TempDir
  Path dir;
  private HttpsServer agent;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startAgent() throws Exception {
    Console quiet = console(Map.of());
    assertEquals(0, new TlsCaCreate(dir).run(List.of(), quiet));
    assertEquals(0, new TlsCertCreate(dir).run(List.of("-server"), quiet));
    assertEquals(0, new TlsCertCreate(dir).run(List.of("-cli"), quiet));
    Path other = Files.createDirectory(dir.resolve("other"));
    assertEquals(0, new TlsCaCreate(other).run(List.of(), quiet));

    KeyStore identity = KeyStore.getInstance("PKCS12");
    identity.load(null, null);
    identity.setKeyEntry("agent", Certificates.readPrivateKey(Files.readString(
        dir.resolve("dc1-server-consul-0-key.pem"))), new char[0],
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

    agent = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    agent.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setNeedClientAuth(true);
        params.setSSLParameters(parameters);
      }
    });
    agent.createContext("/v1/kv/motd", exchange -> {
      byte[] body = MOTD.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("X-Consul-Index", "7");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    agent.start();
    err.reset();
  }

  @AfterEach
  void stopAgent() {
    agent.stop(0);
  }

  @Test
  void theConsulSslFlagsGiveHttpsTheCaAndTheClientCertificate() throws Exception {
    Path template = Files.writeString(dir.resolve("motd.tpl"), "motd: {{ key \"motd\" }}");
    Path destination = dir.resolve("motd");
    assertEquals(0, run(Map.of(), "-template", template + ":" + destination, "-once",
        "-consul-addr", "127.0.0.1:" + agent.getAddress().getPort(), "-consul-ssl",
        "-consul-ssl-ca-cert", dir.resolve("consul-agent-ca.pem").toString(),
        "-consul-ssl-cert", dir.resolve("dc1-cli-consul-0.pem").toString(),
        "-consul-ssl-key", dir.resolve("dc1-cli-consul-0-key.pem").toString(),
        "-consul-ssl-server-name", "server.dc1.consul"), err());
    assertEquals("motd: hello", Files.readString(destination));
  }

  @Test
  void theConfigsSslBlockWinsOverTheEnvironmentAndFlagsOverTheBlock() throws Exception {
    Path template = Files.writeString(dir.resolve("motd.tpl"), "{{ key \"motd\" }}");
    Path config = Files.writeString(dir.resolve("config.json"), """
        {"consul": {"address": "127.0.0.1:%d",
                    "ssl": {"ca_cert": "%s", "cert": "%s", "key": "%s"}},
         "template": {"source": "%s", "destination": "%s"}}""".formatted(agent.getAddress().getPort(),
        dir.resolve("consul-agent-ca.pem"), dir.resolve("dc1-cli-consul-0.pem"),
        dir.resolve("dc1-cli-consul-0-key.pem"), template, dir.resolve("out")));
    Map<String, String> env = Map.of("CONSUL_CACERT", dir.resolve("other/consul-agent-ca.pem").toString(),
        "CONSUL_HTTP_SSL", "false");
    assertEquals(0, run(env, "-config", config.toString(), "-once"), err());
    assertEquals("hello", Files.readString(dir.resolve("out")));
    Files.delete(dir.resolve("out"));

    assertEquals(1, run(env, "-config", config.toString(), "-once", "-consul-retry=false",
        "-consul-ssl-ca-cert", dir.resolve("other/consul-agent-ca.pem").toString()),
        "another CA does not know the agent");
    assertFalse(Files.exists(dir.resolve("out")));
    err.reset();
    assertEquals(0, run(env, "-config", config.toString(), "-once", "-consul-ssl-verify=false",
        "-consul-ssl-ca-cert", dir.resolve("other/consul-agent-ca.pem").toString()), err());
    assertTrue(err().contains("[WARN] TLS verification is off"), err());
  }

  @Test
  void withoutAClientCertificateTheAgentRefusesTheConnection() throws Exception {
    Path template = Files.writeString(dir.resolve("motd.tpl"), "{{ key \"motd\" }}");
    assertEquals(1, run(Map.of(), "-template", template + ":" + dir.resolve("out"), "-once", "-consul-retry=false",
        "-consul-addr", "https://127.0.0.1:" + agent.getAddress().getPort(),
        "-consul-ssl-ca-cert", dir.resolve("consul-agent-ca.pem").toString()));
    assertFalse(Files.exists(dir.resolve("out")));
  }

  private int run(Map<String, String> env, String... args) {
    return new TemplateCommand(handler -> { }).run(List.of(args), console(env));
  }

  private Console console(Map<String, String> env) {
    return new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Certificate certificate(String file) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
