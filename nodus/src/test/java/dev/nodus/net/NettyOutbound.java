package dev.nodus.net;

/** Test access to what Netty holds for a socket: its ChannelOutboundBuffer's pending bytes. */
final class NettyOutbound {
  private NettyOutbound() {}

  /**
   * Bytes written to the socket's channel and not yet taken by the kernel (Netty's
   * {@code ChannelOutboundBuffer.totalPendingWriteBytes}, a volatile read, safe from any thread).
   *
   * @param s a socket
   * @return the bytes, 0 before the channel exists or after it closed
   */
  static long pending(Socket s) {
    try {
      java.lang.reflect.Field hf = Socket.class.getDeclaredField("handle");
      hf.setAccessible(true);
      Object handle = hf.get(s);
      if (handle == null) {
        return 0;
      }
      java.lang.reflect.Field cf = handle.getClass().getDeclaredField("channel");
      cf.setAccessible(true);
      io.netty.channel.Channel ch = (io.netty.channel.Channel) cf.get(handle);
      io.netty.channel.ChannelOutboundBuffer out = ch == null ? null : ch.unsafe().outboundBuffer();
      return out == null ? 0 : out.totalPendingWriteBytes();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
