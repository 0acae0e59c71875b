package dev.nodus.internal.tls;

import dev.nodus.NodeError;
import dev.nodus.internal.loop.Loop;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.function.Consumer;

/**
 * Sits between the SslHandler and the socket's handle: reports the end of the handshake to the
 * TLSSocket on its loop (null, or why it failed), and keeps the handshake's own exceptions from
 * the handle, which would report them as a plain socket error: the TLSSocket reports them as
 * Node does ('error' on a client, 'tlsClientError' on the server).
 */
public final class HandshakeWatcher extends ChannelInboundHandlerAdapter {
  private final Loop loop;
  private final Consumer<Throwable> done;
  private boolean finished;

  /**
   * Creates a watcher.
   *
   * @param loop the socket's loop
   * @param done called on the loop with null on success, or the failure
   */
  public HandshakeWatcher(Loop loop, Consumer<Throwable> done) {
    this.loop = loop;
    this.done = done;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent e && !finished) {
      finished = true;
      Throwable cause = e.isSuccess() ? null : e.cause();
      loop.runCallback(() -> done.accept(cause));
    }
    ctx.fireUserEventTriggered(evt);
    if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent && !finished) {
      // The peer sent FIN mid-handshake: the SslHandler would wait for a handshake message that
      // cannot come. Node fails the handshake at once (after 'end'), ECONNRESET on a client.
      finished = true;
      Throwable cause = new java.nio.channels.ClosedChannelException();
      loop.runCallback(() -> done.accept(cause));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (finished) {
      NodeError tls = TlsErrors.afterHandshake(cause);
      ctx.fireExceptionCaught(tls != null ? tls : cause);
    }
    // Before the handshake's end: the completion event carries the failure.
  }
}
