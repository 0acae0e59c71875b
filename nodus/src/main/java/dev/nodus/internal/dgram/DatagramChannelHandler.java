package dev.nodus.internal.dgram;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * The one Netty handler of a UDP channel: copies each datagram into a heap array once, releases
 * Netty's buffer, and forwards it to its {@link UdpHandle} (Node: {@code UDPWrap::OnRecv}
 * calling {@code handle.onmessage}). Read errors go to the handle as well.
 */
final class DatagramChannelHandler extends ChannelInboundHandlerAdapter {
  private final UdpHandle handle;

  DatagramChannelHandler(UdpHandle handle) {
    this.handle = handle;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] bytes;
    InetSocketAddress sender;
    if (msg instanceof DatagramPacket packet) {
      try {
        ByteBuf content = packet.content();
        bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        sender = packet.sender();
      } finally {
        packet.release();
      }
    } else {
      // Netty hands connected NIO channels plain ByteBufs; the peer is the connected address.
      ByteBuf content = (ByteBuf) msg;
      try {
        bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        sender = (InetSocketAddress) ctx.channel().remoteAddress();
      } finally {
        content.release();
      }
    }
    handle.onRead(bytes, sender);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    handle.onReadError(cause);
  }
}
