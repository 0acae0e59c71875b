package dev.nodus.tls;

import dev.nodus.NodeError;
import dev.nodus.events.Event0;
import dev.nodus.internal.net.NetAccess;
import dev.nodus.internal.net.TcpHandle;
import dev.nodus.internal.tls.Certificates;
import dev.nodus.internal.tls.FirstBytes;
import dev.nodus.internal.tls.HandshakeWatcher;
import dev.nodus.internal.tls.TlsErrors;
import dev.nodus.internal.tls.Verifier;
import dev.nodus.net.Socket;
import dev.nodus.net.SocketOptions;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.CipherSuiteConverter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A TLS connection: Node's {@code tls.TLSSocket}. It is a {@link Socket}: every event and method
 * of a net socket works on it and carries the decrypted bytes ('data', 'end', half-close with
 * {@code end()}, {@code pause()}, {@code pipe()}, timeouts), and {@code end()} sends TLS's
 * close_notify before the FIN, as Node does.
 *
 * <p>Made by {@link Tls#connect(TlsOptions, Runnable)} (a client: {@link Socket#CONNECT} when TCP
 * connects, then {@link #SECURE_CONNECT} after the handshake and the peer's verification) or by
 * a {@link Server} for each accepted connection (then {@link Server#SECURE_CONNECTION}).
 *
 * <p>Verification is Node's: the handshake completes, then the peer's chain is checked against
 * {@code ca} (or the system's roots) and, on a client, the server's name
 * ({@link Tls#checkServerIdentity}). A failure destroys a client with the error
 * ({@code DEPTH_ZERO_SELF_SIGNED_CERT}, {@code ERR_TLS_CERT_ALTNAME_INVALID}, ...), unless
 * {@code rejectUnauthorized} is false: then the connection goes on, {@link #authorized()} is false
 * and {@link #authorizationError()} says why.
 *
 * <p>Threading: as a Socket's; the getters may be called from any thread.
 */
public class TLSSocket extends Socket {
  /** Node's {@code 'secureConnect'} (client): the handshake is done and the server verified. */
  public static final Event0 SECURE_CONNECT = Event0.of("secureConnect");

  private final boolean isServer;
  private final Server server;
  private final SslContext context;
  private final TlsOptions options;
  private final List<X509Certificate> trusted;
  private volatile SslHandler ssl;
  /** A server's look at the first bytes (a plain HTTP request), or null. */
  private FirstBytes firstBytes;
  private volatile boolean authorized;
  private volatile String authorizationError;
  private volatile boolean secure;
  private volatile String protocol;
  private volatile CipherInfo cipher;
  private volatile String alpnProtocol;
  private volatile String servername;
  private volatile PeerCertificate peerCertificate;

  /** A server's socket for an accepted connection. */
  TLSSocket(Server server, SslContext context, TlsOptions options, List<X509Certificate> trusted,
      boolean allowHalfOpen, int highWaterMark) {
    super(socketOptions(allowHalfOpen, highWaterMark));
    this.isServer = true;
    this.server = server;
    this.context = context;
    this.options = options;
    this.trusted = trusted;
    NetAccess.handleHook(this, this::prepare);
  }

  /** A client's socket; {@link Tls#connect} connects it. */
  TLSSocket(SslContext context, TlsOptions options, List<X509Certificate> trusted) {
    super(socketOptions(options.allowHalfOpen, -1));
    this.isServer = false;
    this.server = null;
    this.context = context;
    this.options = options;
    this.trusted = trusted;
    NetAccess.handleHook(this, this::prepare);
  }

  private static SocketOptions socketOptions(boolean allowHalfOpen, int highWaterMark) {
    SocketOptions o = new SocketOptions().allowHalfOpen(allowHalfOpen);
    if (highWaterMark > 0) {
      o.highWaterMark(highWaterMark);
    }
    return o;
  }

  /** Puts an SslHandler in front of each handle this socket takes. */
  private void prepare(TcpHandle h) {
    h.front(ch -> handlers(ch, h), this::closeNotify);
  }

  private ChannelHandler[] handlers(Channel ch, TcpHandle h) {
    // A client sends SNI only for an explicit servername, as Node's tls.connect (https's agent
    // is what fills it in from the host): without a peer host the engine sends none.
    String sni = sniHost();
    SslHandler s = isServer || sni == null ? context.newHandler(ch.alloc())
        : context.newHandler(ch.alloc(), sni, options.port);
    if (sni != null && !isServer) {
      // The JDK sends SNI on its own only for names with a dot; OpenSSL (Node) for any name.
      try {
        javax.net.ssl.SSLParameters p = s.engine().getSSLParameters();
        p.setServerNames(List.of(new SNIHostName(sni)));
        s.engine().setSSLParameters(p);
      } catch (IllegalArgumentException notAHostName) {
        // An IP address or an invalid name: Node sends it anyway; the engines cannot.
      }
    }
    // Node: a server's handshakeTimeout (120 s); a client waits as long as the socket lives.
    s.setHandshakeTimeoutMillis(isServer ? options.handshakeTimeout : 0);
    ssl = s;
    HandshakeWatcher watcher = new HandshakeWatcher(h.loop(), this::onHandshake);
    if (isServer) {
      firstBytes = new FirstBytes();
      return new ChannelHandler[] {firstBytes, s, watcher};
    }
    return new ChannelHandler[] {s, watcher};
  }

  /** end(): close_notify after everything written, then the handle's FIN. */
  private ChannelFuture closeNotify(Channel ch) {
    SslHandler s = ssl;
    if (s != null && ch.pipeline().get(SslHandler.class) == s) {
      // The SslHandler drops what it has not wrapped once its engine is closed: so after the
      // handshake (writes wait for it), flush the writes, then send close_notify.
      io.netty.channel.ChannelPromise done = ch.newPromise();
      s.handshakeFuture().addListener(hs -> {
        if (!hs.isSuccess()) {
          done.setFailure(hs.cause());
          return;
        }
        ch.flush();
        s.closeOutbound().addListener(new io.netty.channel.ChannelPromiseNotifier(done));
      });
      return done;
    }
    return ch.writeAndFlush(Unpooled.EMPTY_BUFFER);
  }

  /** The SNI name a client sends: the servername option, or none. */
  private String sniHost() {
    return options.servername != null && !options.servername.isEmpty() ? options.servername : null;
  }

  private void onHandshake(Throwable cause) {
    if (destroyed()) {
      return;
    }
    if (cause != null) {
      NodeError err = TlsErrors.handshake(cause, isServer);
      String plain = firstBytes == null ? null : firstBytes.reason();
      if (plain != null) {
        // OpenSSL names these bytes before anything else it could say about them.
        err = new NodeError("ERR_SSL_" + plain,
            "SSL routines::" + plain.toLowerCase(java.util.Locale.ROOT).replace('_', ' '), cause);
      }
      if (isServer) {
        // Node: the server reports it; the socket goes without an 'error' of its own.
        destroy();
        server.emit(Server.TLS_CLIENT_ERROR, err, this);
      } else {
        destroy(err);
      }
      return;
    }
    SslHandler s = ssl;
    SSLSession session = s.engine().getSession();
    protocol = session.getProtocol();
    cipher = cipherInfo(session.getCipherSuite());
    alpnProtocol = s.applicationProtocol();
    servername = isServer ? requestedName(session) : sniHost();
    X509Certificate[] chain = peerChain(session);
    peerCertificate = chain == null ? null : Certificates.toNode(chain[0]);
    secure = true;
    if (isServer) {
      if (options.requestCert) {
        NodeError err = chain == null ? Verifier.error("UNABLE_TO_GET_ISSUER_CERT")
            : Verifier.verify(chain, trusted, new Date());
        if (err != null) {
          authorizationError = err.code();
          if (options.rejectUnauthorized) {
            destroy();
            return;
          }
        } else {
          authorized = true;
        }
      }
      server.emit(Server.SECURE_CONNECTION, this);
      return;
    }
    NodeError err = chain == null ? Verifier.error("UNABLE_TO_GET_ISSUER_CERT")
        : Verifier.verify(chain, trusted, new Date());
    if (err == null) {
      String hostname = options.servername != null && !options.servername.isEmpty()
          ? options.servername : options.host != null && !options.host.isEmpty() ? options.host : "localhost";
      err = Identity.check(hostname, peerCertificate);
    }
    if (err != null) {
      authorizationError = err.code();
      if (options.rejectUnauthorized) {
        destroy(err);
        return;
      }
    } else {
      authorized = true;
    }
    emit(SECURE_CONNECT);
  }

  private static X509Certificate[] peerChain(SSLSession session) {
    try {
      Certificate[] certs = session.getPeerCertificates();
      X509Certificate[] out = new X509Certificate[certs.length];
      for (int i = 0; i < certs.length; i++) {
        out[i] = (X509Certificate) certs[i];
      }
      return out.length == 0 ? null : out;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  private static String requestedName(SSLSession session) {
    if (session instanceof ExtendedSSLSession e) {
      for (SNIServerName n : e.getRequestedServerNames()) {
        if (n instanceof SNIHostName h) {
          return h.getAsciiName();
        }
      }
    }
    return null;
  }

  static CipherInfo cipherInfo(String standardName) {
    if (standardName == null) {
      return null;
    }
    String name = standardName.startsWith("TLS_AES_") || standardName.startsWith("TLS_CHACHA20_")
        ? standardName : CipherSuiteConverter.toOpenSsl(standardName, false);
    String version = standardName.startsWith("TLS_AES_") || standardName.startsWith("TLS_CHACHA20_")
        ? "TLSv1.3"
        : standardName.contains("GCM") || standardName.contains("CHACHA20")
            || standardName.endsWith("SHA256") || standardName.endsWith("SHA384") ? "TLSv1.2" : "TLSv1.0";
    return new CipherInfo(name == null ? standardName : name, standardName, version);
  }

  // ---- Node's properties -------------------------------------------------------------------

  /**
   * Whether the peer's certificate verified. Node: {@code tlsSocket.authorized}. On a server it
   * is true only when it asked for certificates ({@code requestCert}) and the client's verified.
   *
   * @return whether the peer is authorized
   */
  public boolean authorized() {
    return authorized;
  }

  /**
   * Why the peer is not authorized: OpenSSL's code ({@code "DEPTH_ZERO_SELF_SIGNED_CERT"},
   * {@code "CERT_HAS_EXPIRED"}, {@code "ERR_TLS_CERT_ALTNAME_INVALID"}...), or null. Node:
   * {@code tlsSocket.authorizationError}.
   *
   * @return the code, or null
   */
  public String authorizationError() {
    return authorizationError;
  }

  /**
   * Always true: Node's {@code tlsSocket.encrypted}, which tells a TLSSocket from a net socket.
   *
   * @return true
   */
  public boolean encrypted() {
    return true;
  }

  /**
   * The negotiated protocol, {@code "TLSv1.3"} or {@code "TLSv1.2"}; null before the handshake.
   * Node: {@code tlsSocket.getProtocol()}.
   *
   * @return the protocol, or null
   */
  public String getProtocol() {
    return secure ? protocol : null;
  }

  /**
   * The negotiated cipher; null before the handshake. Node: {@code tlsSocket.getCipher()}.
   *
   * @return the cipher's names and version
   */
  public CipherInfo getCipher() {
    return secure ? cipher : null;
  }

  /**
   * The protocol ALPN chose, or null when none was (Node: {@code false}). Node:
   * {@code tlsSocket.alpnProtocol}.
   *
   * @return the protocol, or null
   */
  public String alpnProtocol() {
    return alpnProtocol;
  }

  /**
   * The SNI name: on a server the one the client asked for, on a client the one it sent; null
   * when none (Node: {@code false} or undefined). Node: {@code tlsSocket.servername}.
   *
   * @return the name, or null
   */
  public String servername() {
    return servername;
  }

  /**
   * The peer's certificate, or null when it sent none (Node: an empty object). Node:
   * {@code tlsSocket.getPeerCertificate()}.
   *
   * @return the certificate
   */
  public PeerCertificate getPeerCertificate() {
    return peerCertificate;
  }

  /**
   * Whether this is the server's side of the connection. Node: {@code tlsSocket._tlsOptions.isServer}.
   *
   * @return true for an accepted connection
   */
  public boolean isServer() {
    return isServer;
  }
}
