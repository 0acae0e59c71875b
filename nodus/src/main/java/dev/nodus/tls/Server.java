package dev.nodus.tls;

import dev.nodus.events.Event1;
import dev.nodus.events.Event2;
import dev.nodus.internal.net.NetAccess;
import dev.nodus.net.ServerOptions;
import io.netty.handler.ssl.SslContext;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/**
 * A TLS server: Node's {@code tls.Server}, made by {@link Tls#createServer}. It is a net
 * {@link dev.nodus.net.Server} (listen, close, address, maxConnections, ref/unref work the same)
 * whose connections are {@link TLSSocket}s.
 *
 * <h2>Events</h2>
 * {@link dev.nodus.net.Server#CONNECTION} when a connection is accepted (before the handshake;
 * its socket is the TLSSocket, where Node passes the raw net socket), then
 * {@link #SECURE_CONNECTION} once the handshake is done (and, with {@code requestCert} and
 * {@code rejectUnauthorized}, the client's certificate verified: a client that fails is dropped
 * silently, as in Node), or {@link #TLS_CLIENT_ERROR} when the handshake fails (plain text sent
 * to the port, a handshake timeout): that connection is closed and the server goes on.
 */
public final class Server extends dev.nodus.net.Server {
  /** Node's {@code 'secureConnection'}: a client connected and the handshake is done. */
  public static final Event1<TLSSocket> SECURE_CONNECTION = Event1.of("secureConnection");

  /** Node's {@code 'tlsClientError'}: a connection failed before it was secure. */
  public static final Event2<Throwable, TLSSocket> TLS_CLIENT_ERROR = Event2.of("tlsClientError");

  private final TlsOptions options;
  private final SslContext context;
  private final List<X509Certificate> trusted;

  Server(TlsOptions options, Consumer<TLSSocket> secureConnectionListener) {
    super(new ServerOptions().allowHalfOpen(options.allowHalfOpen));
    this.options = options.copy();
    this.context = SecureContexts.server(this.options);
    this.trusted = this.options.requestCert ? SecureContexts.trusted(this.options) : List.of();
    NetAccess.socketFactory(this, (allowHalfOpen, highWaterMark) ->
        new TLSSocket(this, context, this.options, trusted, allowHalfOpen, highWaterMark));
    if (secureConnectionListener != null) {
      on(SECURE_CONNECTION, secureConnectionListener);
    }
  }
}
