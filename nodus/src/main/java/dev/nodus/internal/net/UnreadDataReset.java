package dev.nodus.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import java.util.function.BooleanSupplier;

/**
 * Closes an accepted TCP connection with an RST when, under libuv, the data it holds would still
 * be unread in the kernel: Linux answers such a close with an RST, and the peer sees ECONNRESET.
 *
 * <p>Why: a paused socket (Node's {@code pauseOnConnect}, or {@code pause()} with a full buffer)
 * does not read, so what the peer sends stays in the kernel, and closing the socket then resets
 * the connection. Netty's epoll transport reads on EPOLLRDHUP even with auto-read off
 * (netty#3709), which takes that data out of the kernel, and the close would end with a FIN. So
 * this handler notes a read made while auto-read was off, and a close then resets the
 * connection if the socket still holds data its user has not consumed.
 */
final class UnreadDataReset extends ChannelDuplexHandler {
  private boolean readWhilePaused;
  private BooleanSupplier unconsumed = () -> false;

  /** Tells how to ask the socket whether it holds data its user has not read. */
  void unconsumed(BooleanSupplier s) {
    if (s != null) {
      unconsumed = s;
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!ctx.channel().config().isAutoRead() && msg instanceof ByteBuf b && b.isReadable()) {
      readWhilePaused = true;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (readWhilePaused && ctx.channel().isOpen() && unconsumed.getAsBoolean()) {
      ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    }
    ctx.close(promise);
  }
}
