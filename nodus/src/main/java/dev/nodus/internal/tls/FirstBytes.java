package dev.nodus.internal.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the first bytes a TLS server receives, as OpenSSL's record layer does, so that a
 * plain HTTP request sent to a TLS port fails as in Node: {@code ERR_SSL_HTTP_REQUEST} (or
 * {@code ERR_SSL_HTTPS_PROXY_REQUEST} for CONNECT) rather than a bare wrong version number. It
 * leaves the pipeline after the first read.
 */
public final class FirstBytes extends ChannelInboundHandlerAdapter {
  private String reason;

  /** OpenSSL's reason for the first bytes, or null when they may be TLS. */
  public String reason() {
    return reason;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b && b.readableBytes() >= 4) {
      String head = b.toString(b.readerIndex(), Math.min(5, b.readableBytes()), StandardCharsets.ISO_8859_1);
      // ssl3_get_record: the methods it names, when the bytes are no TLS record.
      if (head.startsWith("GET ") || head.startsWith("POST ") || head.startsWith("HEAD ")
          || head.startsWith("PUT ")) {
        reason = "HTTP_REQUEST";
      } else if (head.startsWith("CONNE")) {
        reason = "HTTPS_PROXY_REQUEST";
      }
    }
    ctx.pipeline().remove(this);
    ctx.fireChannelRead(msg);
  }
}
