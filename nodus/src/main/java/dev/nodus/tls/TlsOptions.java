package dev.nodus.tls;

import dev.nodus.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@link Tls#createServer(TlsOptions, java.util.function.Consumer)} and
 * {@link Tls#connect(TlsOptions, Runnable)}: Node's {@code tls.createServer(options)} and
 * {@code tls.connect(options)} options, with Node's defaults. Keys and certificates are PEM, as a
 * String or a Buffer (what {@code fs.readFileSync} gives in Node).
 *
 * <pre>{@code
 * new TlsOptions().key(readFile("keys/server.key")).cert(readFile("keys/server.crt"))
 *     .requestCert(true).ca(readFile("keys/ca.crt"));
 * }</pre>
 */
public final class TlsOptions {
  String key;
  String cert;
  final List<String> ca = new ArrayList<>();
  boolean caSet;
  boolean requestCert;
  boolean rejectUnauthorized = true;
  String servername;
  String minVersion = Tls.DEFAULT_MIN_VERSION;
  String maxVersion = Tls.DEFAULT_MAX_VERSION;
  List<String> alpnProtocols = List.of();
  String host;
  int port = -1;
  boolean allowHalfOpen;
  long handshakeTimeout = 120_000;

  /** Creates options with Node's defaults. */
  public TlsOptions() {}

  /**
   * The private key, PEM (PKCS#8 {@code BEGIN PRIVATE KEY}, what {@code openssl genrsa} writes).
   * Node: {@code key}.
   *
   * @param pem the key
   * @return these options
   */
  public TlsOptions key(String pem) {
    this.key = pem;
    return this;
  }

  /**
   * The private key as bytes of PEM text. Node: {@code key: fs.readFileSync(...)}.
   *
   * @param pem the key
   * @return these options
   */
  public TlsOptions key(Buffer pem) {
    return key(pem.toString("latin1"));
  }

  /**
   * The certificate chain, PEM, leaf first. Node: {@code cert}.
   *
   * @param pem the certificates
   * @return these options
   */
  public TlsOptions cert(String pem) {
    this.cert = pem;
    return this;
  }

  /**
   * The certificate chain as bytes of PEM text. Node: {@code cert: fs.readFileSync(...)}.
   *
   * @param pem the certificates
   * @return these options
   */
  public TlsOptions cert(Buffer pem) {
    return cert(pem.toString("latin1"));
  }

  /**
   * Adds trusted CA certificates (PEM, one or more), which replace the system's roots, as Node's
   * {@code ca} replaces its bundled roots. Node: {@code ca} (a string or an array of them).
   *
   * @param pem the certificates
   * @return these options
   */
  public TlsOptions ca(String... pem) {
    caSet = true;
    ca.addAll(List.of(pem));
    return this;
  }

  /**
   * Adds trusted CA certificates as bytes of PEM text. Node: {@code ca: [fs.readFileSync(...)]}.
   *
   * @param pem the certificates
   * @return these options
   */
  public TlsOptions ca(Buffer... pem) {
    caSet = true;
    for (Buffer b : pem) {
      ca.add(b.toString("latin1"));
    }
    return this;
  }

  /**
   * Server: asks clients for a certificate. Node: {@code requestCert}, default false.
   *
   * @param on whether to ask
   * @return these options
   */
  public TlsOptions requestCert(boolean on) {
    this.requestCert = on;
    return this;
  }

  /**
   * Drops a peer whose certificate does not verify (a client: with an error; a server that
   * requests certificates: silently, as Node). Node: {@code rejectUnauthorized}, default true.
   *
   * @param on whether to reject
   * @return these options
   */
  public TlsOptions rejectUnauthorized(boolean on) {
    this.rejectUnauthorized = on;
    return this;
  }

  /**
   * Client: the SNI name sent, and the name the server's certificate must hold. Node:
   * {@code servername}. Without it no SNI is sent (as Node's {@code tls.connect}) and the
   * certificate must name the host.
   *
   * @param name the server's name
   * @return these options
   */
  public TlsOptions servername(String name) {
    this.servername = name;
    return this;
  }

  /**
   * The lowest protocol: {@code "TLSv1.2"} (default) or {@code "TLSv1.3"}. Node: {@code minVersion}.
   *
   * @param version the version
   * @return these options
   */
  public TlsOptions minVersion(String version) {
    this.minVersion = version;
    return this;
  }

  /**
   * The highest protocol: {@code "TLSv1.3"} (default) or {@code "TLSv1.2"}. Node: {@code maxVersion}.
   *
   * @param version the version
   * @return these options
   */
  public TlsOptions maxVersion(String version) {
    this.maxVersion = version;
    return this;
  }

  /**
   * The ALPN protocols offered (client) or accepted (server), most preferred first. Node:
   * {@code ALPNProtocols}.
   *
   * @param protocols the protocol names, e.g. {@code "h2", "http/1.1"}
   * @return these options
   */
  public TlsOptions alpnProtocols(String... protocols) {
    this.alpnProtocols = List.of(protocols);
    return this;
  }

  /**
   * Client: the host to connect to. Node: {@code host}, default {@code "localhost"}.
   *
   * @param host a name or an address
   * @return these options
   */
  public TlsOptions host(String host) {
    this.host = host;
    return this;
  }

  /**
   * Client: the port to connect to. Node: {@code port}.
   *
   * @param port the port
   * @return these options
   */
  public TlsOptions port(int port) {
    this.port = port;
    return this;
  }

  /**
   * Keeps the writable side open after the peer ends. Node: {@code allowHalfOpen}, default false.
   *
   * @param on whether to allow half-open sockets
   * @return these options
   */
  public TlsOptions allowHalfOpen(boolean on) {
    this.allowHalfOpen = on;
    return this;
  }

  /**
   * Server: how long a handshake may take before the connection is dropped with
   * {@code ERR_TLS_HANDSHAKE_TIMEOUT} ('tlsClientError'). Node: {@code handshakeTimeout},
   * default 120000 ms.
   *
   * @param ms milliseconds, 0 for none
   * @return these options
   */
  public TlsOptions handshakeTimeout(long ms) {
    this.handshakeTimeout = ms;
    return this;
  }

  TlsOptions copy() {
    TlsOptions o = new TlsOptions();
    o.key = key;
    o.cert = cert;
    o.ca.addAll(ca);
    o.caSet = caSet;
    o.requestCert = requestCert;
    o.rejectUnauthorized = rejectUnauthorized;
    o.servername = servername;
    o.minVersion = minVersion;
    o.maxVersion = maxVersion;
    o.alpnProtocols = alpnProtocols;
    o.host = host;
    o.port = port;
    o.allowHalfOpen = allowHalfOpen;
    o.handshakeTimeout = handshakeTimeout;
    return o;
  }
}
