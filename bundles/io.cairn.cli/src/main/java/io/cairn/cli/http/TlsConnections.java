package io.cairn.cli.http;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.tls.Certificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How client commands speak TLS to an {@code https://} agent, from Consul's flags and environment variables:
 * the CA to trust ({@code -ca-file}/{@code CONSUL_CACERT}, {@code -ca-path}/{@code CONSUL_CAPATH}; the JDK's
 * trusted CAs otherwise), the client certificate an agent with {@code verify_incoming} asks for
 * ({@code -client-cert}/{@code CONSUL_CLIENT_CERT}, {@code -client-key}/{@code CONSUL_CLIENT_KEY}), the name the
 * agent's certificate must carry ({@code -tls-server-name}/{@code CONSUL_TLS_SERVER_NAME}; the address's host
 * otherwise) and whether to verify it at all ({@code CONSUL_HTTP_SSL_VERIFY}). Each variable has a
 * {@code CAIRN_} twin that wins over it.
 */
public final class TlsConnections {
  private static final String[] PREFIXES = {"CAIRN_", "CONSUL_"};
  /** The type of a DNS name among a certificate's Subject Alternative Names. */
  private static final int DNS_NAME = 2;

  private final SSLContext context;
  private final SSLSocketFactory sockets;
  private final HostnameVerifier names;

  private TlsConnections(SSLContext context, HostnameVerifier names) {
    this.context = context;
    this.sockets = context.getSocketFactory();
    this.names = names;
  }

  /** Declares the flags {@link #resolve} reads. */
  public static void declare(FlagSet flags) {
    flags.value("ca-file", "<value>", "Path to a CA file to use for TLS when communicating with Cairn. Defaults "
        + "to CAIRN_CACERT, then CONSUL_CACERT.");
    flags.value("ca-path", "<value>", "Path to a directory of CA certificates to use for TLS when communicating "
        + "with Cairn. Defaults to CAIRN_CAPATH, then CONSUL_CAPATH.");
    flags.value("client-cert", "<value>", "Path to a client cert file to use for TLS when 'verify_incoming' is "
        + "enabled. Defaults to CAIRN_CLIENT_CERT, then CONSUL_CLIENT_CERT.");
    flags.value("client-key", "<value>", "Path to a client key file to use for TLS when 'verify_incoming' is "
        + "enabled. Defaults to CAIRN_CLIENT_KEY, then CONSUL_CLIENT_KEY.");
    flags.value("tls-server-name", "<value>", "The name the agent's certificate must carry when connecting via TLS. "
        + "Defaults to CAIRN_TLS_SERVER_NAME, then CONSUL_TLS_SERVER_NAME.");
  }

  /**
   * The TLS settings of a command line: flags, then {@code CAIRN_*}, then {@code CONSUL_*} variables.
   *
   * @param flags {@code null} for a command without these flags: the variables alone
   * @throws UsageException naming the file that could not be read or parsed
   */
  public static TlsConnections resolve(ParsedFlags flags, Map<String, String> env) throws UsageException {
    String caFile = setting(flags, "ca-file", env, "CACERT");
    String caPath = setting(flags, "ca-path", env, "CAPATH");
    String clientCert = setting(flags, "client-cert", env, "CLIENT_CERT");
    String clientKey = setting(flags, "client-key", env, "CLIENT_KEY");
    String serverName = setting(flags, "tls-server-name", env, "TLS_SERVER_NAME");
    boolean verify = !"false".equalsIgnoreCase(setting(null, null, env, "HTTP_SSL_VERIFY").trim());
    if (clientCert.isEmpty() != clientKey.isEmpty()) {
      throw new UsageException("a client certificate needs its key: give both -client-cert and -client-key");
    }
    try {
      TrustManager[] trust;
      HostnameVerifier names;
      if (!verify) {
        trust = new TrustManager[] {new TrustAll()};
        names = (host, session) -> true;
      } else if (serverName.isEmpty()) {
        trust = new TrustManager[] {trustManager(caFile, caPath)};
        names = HttpsURLConnection.getDefaultHostnameVerifier();
      } else {
        // The agent's certificate must name serverName whatever the address says, as in Go: checked with the
        // chain, so the connection's own check of the address's host no longer applies.
        trust = new TrustManager[] {new NamedServer(trustManager(caFile, caPath), serverName)};
        names = (host, session) -> true;
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(clientCert.isEmpty() ? null : keyManagers(clientCert, clientKey), trust, null);
      return new TlsConnections(context, names);
    } catch (GeneralSecurityException e) {
      throw new UsageException("TLS setup failed: " + e.getMessage());
    }
  }

  /** Whether {@code CONSUL_HTTP_SSL} (or {@code CAIRN_HTTP_SSL}) asks for https:// on addresses without scheme. */
  static boolean sslByDefault(Map<String, String> env) {
    return "true".equalsIgnoreCase(setting(null, null, env, "HTTP_SSL").trim());
  }

  /**
   * The same TLS for {@link java.net.http.HttpClient}s (the blocking reads of {@code watch}, {@code lock},
   * {@code exec} and {@code template}): its trust managers check the agent's name themselves, as the host name
   * verifier does for {@link HttpURLConnection}s.
   */
  public SSLContext sslContext() {
    return context;
  }

  /** Sets up {@code connection} when it is HTTPS; leaves plain HTTP alone. */
  void apply(HttpURLConnection connection) {
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(sockets);
      https.setHostnameVerifier(names);
    }
  }

  private static String setting(ParsedFlags flags, String flag, Map<String, String> env, String variable) {
    if (flags != null && flags.isSet(flag)) {
      return flags.string(flag, "");
    }
    for (String prefix : PREFIXES) {
      String value = env.get(prefix + variable);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  /** The client certificate (with any chain after it in the file) and its key. */
  private static KeyManager[] keyManagers(String certFile, String keyFile) throws UsageException,
      GeneralSecurityException {
    List<Certificate> chain = new ArrayList<>(certificates(Path.of(certFile), "-client-cert"));
    if (chain.isEmpty()) {
      throw new UsageException("-client-cert " + certFile + ": no PEM certificate found");
    }
    PrivateKey key;
    try {
      key = Certificates.readPrivateKey(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UsageException("-client-key " + keyFile + ": cannot read it (" + e.getMessage() + ")");
    } catch (GeneralSecurityException e) {
      throw new UsageException("-client-key " + keyFile + ": " + e.getMessage());
    }
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, new char[0], chain.toArray(Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, new char[0]);
    return factory.getKeyManagers();
  }

  /** The CAs of the file and of every file in the directory; the JDK's CAs when neither is set. */
  private static X509TrustManager trustManager(String caFile, String caPath) throws UsageException,
      GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (caFile.isEmpty() && caPath.isEmpty()) {
      factory.init((KeyStore) null);
      return x509(factory);
    }
    List<Certificate> authorities = new ArrayList<>();
    if (!caFile.isEmpty()) {
      authorities.addAll(certificates(Path.of(caFile), "-ca-file"));
    }
    if (!caPath.isEmpty()) {
      try (Stream<Path> files = Files.list(Path.of(caPath))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          authorities.addAll(certificates(file, "-ca-path"));
        }
      } catch (IOException e) {
        throw new UsageException("-ca-path " + caPath + ": cannot list it (" + e.getMessage() + ")");
      }
    }
    KeyStore store = emptyStore();
    for (int i = 0; i < authorities.size(); i++) {
      store.setCertificateEntry("ca-" + i, authorities.get(i));
    }
    factory.init(store);
    return x509(factory);
  }

  private static X509TrustManager x509(TrustManagerFactory factory) throws GeneralSecurityException {
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
  }

  private static Collection<? extends Certificate> certificates(Path file, String flag) throws UsageException {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new UsageException(flag + " " + file + ": cannot read it (" + e.getMessage() + ")");
    } catch (GeneralSecurityException e) {
      throw new UsageException(flag + " " + file + ": not PEM certificates (" + e.getMessage() + ")");
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

  /**
   * Whether the certificate names {@code serverName} among its DNS names, the leftmost label of which may be a
   * wildcard ({@code *.dc1.consul}), as Go's verification allows.
   */
  static boolean namesServer(X509Certificate certificate, String serverName) throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    String wanted = serverName.toLowerCase(Locale.ROOT);
    for (List<?> name : names == null ? List.<List<?>>of() : names) {
      if ((Integer) name.get(0) == DNS_NAME && matches(((String) name.get(1)).toLowerCase(Locale.ROOT), wanted)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String name) {
    if (!pattern.startsWith("*.")) {
      return pattern.equals(name);
    }
    int dot = name.indexOf('.');
    return dot > 0 && name.substring(dot).equals(pattern.substring(1));
  }

  /**
   * Trusts what its delegate trusts, provided the agent's certificate names the expected server. An extended
   * trust manager, so that the JDK does not add its own check of the address's host to the connection's.
   */
  private static final class NamedServer extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;
    private final String serverName;

    NamedServer(X509TrustManager delegate, String serverName) {
      this.delegate = delegate;
      this.serverName = serverName;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
      if (!namesServer(chain[0], serverName)) {
        throw new CertificateException("x509: certificate is not valid for " + serverName);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }

  /** Trusts any certificate for any name: extended, so that the JDK adds no check of the host either. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
