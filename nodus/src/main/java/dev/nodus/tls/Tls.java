package dev.nodus.tls;

import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.tls.Engines;
import dev.nodus.net.ConnectOptions;
import java.util.function.Consumer;

/**
 * Node's {@code tls} module: TLS servers and clients on top of {@code net}, with Node's options,
 * events, verification and errors.
 *
 * <pre>{@code
 * Nodus.run(() -> {
 *   TlsOptions options = new TlsOptions().key(key).cert(cert).requestCert(true).ca(ca);
 *   Server server = Tls.createServer(options, socket -> {
 *     System.out.println("server connected " + (socket.authorized() ? "authorized" : "unauthorized"));
 *     socket.write("welcome!\n");
 *     socket.pipe(socket);
 *   });
 *   server.listen(8000, () -> System.out.println("server bound"));
 * });
 * }</pre>
 *
 * <p>The engine is the JDK's TLS, or BoringSSL (netty-tcnative) when asked for;
 * {@link #engine()} tells which. Call the factories on a loop, as net's.
 */
public final class Tls {
  /** Node's {@code tls.DEFAULT_MIN_VERSION}. */
  public static final String DEFAULT_MIN_VERSION = "TLSv1.2";

  /** Node's {@code tls.DEFAULT_MAX_VERSION}. */
  public static final String DEFAULT_MAX_VERSION = "TLSv1.3";

  private Tls() {}

  /**
   * Creates a TLS server. Node: {@code tls.createServer(options)}.
   *
   * @param options key and cert, and requestCert, ca, rejectUnauthorized, ALPNProtocols,
   *     minVersion, maxVersion, handshakeTimeout
   * @return the server, not yet listening
   * @throws dev.nodus.NodeError when the key or certificate cannot be read
   */
  public static Server createServer(TlsOptions options) {
    return createServer(options, null);
  }

  /**
   * Creates a TLS server with a {@code 'secureConnection'} listener. Node:
   * {@code tls.createServer(options, secureConnectionListener)}.
   *
   * @param options as {@link #createServer(TlsOptions)}
   * @param secureConnectionListener receives each secured connection, or null
   * @return the server, not yet listening
   */
  public static Server createServer(TlsOptions options, Consumer<TLSSocket> secureConnectionListener) {
    Loop.require();
    return new Server(options, secureConnectionListener);
  }

  /**
   * Connects to {@code options}' host and port and starts the handshake. Node:
   * {@code tls.connect(options)}.
   *
   * @param options host, port, and key, cert, ca, servername, rejectUnauthorized, ALPNProtocols,
   *     minVersion, maxVersion
   * @return the socket, connecting
   */
  public static TLSSocket connect(TlsOptions options) {
    return connect(options, null);
  }

  /**
   * Connects and adds {@code callback} as a one-time {@link TLSSocket#SECURE_CONNECT} listener.
   * Node: {@code tls.connect(options, callback)}.
   *
   * @param options as {@link #connect(TlsOptions)}
   * @param callback called once the connection is secure, or null
   * @return the socket, connecting
   * @emits {@link dev.nodus.net.Socket#CONNECT}, {@link TLSSocket#SECURE_CONNECT}, or
   *     {@link dev.nodus.net.Socket#ERROR} (a verification error, a TLS alert, ECONNREFUSED)
   */
  public static TLSSocket connect(TlsOptions options, Runnable callback) {
    Loop.require();
    TlsOptions o = options.copy();
    TLSSocket s = new TLSSocket(SecureContexts.client(o), o, SecureContexts.trusted(o));
    if (callback != null) {
      s.once(TLSSocket.SECURE_CONNECT, callback);
    }
    ConnectOptions co = new ConnectOptions().port(o.port);
    if (o.host != null) {
      co.host(o.host);
    }
    s.connect(co);
    return s;
  }

  /**
   * Connects to {@code localhost:port}. Node: {@code tls.connect(port, options, callback)}.
   *
   * @param port the port
   * @param options as {@link #connect(TlsOptions)}
   * @param callback called once secure, or null
   * @return the socket, connecting
   */
  public static TLSSocket connect(int port, TlsOptions options, Runnable callback) {
    return connect(options.copy().port(port), callback);
  }

  /**
   * Connects to {@code host:port}. Node: {@code tls.connect(port, host, options, callback)}.
   *
   * @param port the port
   * @param host the host
   * @param options as {@link #connect(TlsOptions)}
   * @param callback called once secure, or null
   * @return the socket, connecting
   */
  public static TLSSocket connect(int port, String host, TlsOptions options, Runnable callback) {
    return connect(options.copy().port(port).host(host), callback);
  }

  /**
   * Node's {@code tls.checkServerIdentity(hostname, cert)}: whether {@code cert} names
   * {@code hostname} (its subjectAltName DNS or IP entries, else its CN).
   *
   * @param hostname the name or address connected to
   * @param cert the server's certificate
   * @return null when it does, else the {@code ERR_TLS_CERT_ALTNAME_INVALID} error
   */
  public static CertAltnameError checkServerIdentity(String hostname, PeerCertificate cert) {
    return Identity.check(hostname, cert);
  }

  /**
   * The TLS engine of this process: {@code "jdk"} (the default for now) or {@code "openssl"}
   * (BoringSSL through netty-tcnative, with {@code -Dnodus.tls.engine=openssl} where it loads).
   * Chosen once. Not in Node, whose engine is always OpenSSL.
   *
   * @return the engine's name
   */
  public static String engine() {
    return Engines.name();
  }
}
