package dev.nodus.internal.dgram;

import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.Transports;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPromise;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.unix.SegmentedDatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Coalesces the datagrams a socket sends to one peer during a loop turn into UDP GSO sends
 * ({@code UDP_SEGMENT}, Linux 4.18+): one trip through the kernel's stack for up to {@value
 * #MAX_SEGMENTS} datagrams, which the kernel cuts apart again before the receiver sees them,
 * so the peer receives exactly the datagrams that were sent, in order. On loopback the sender
 * pays for delivering every datagram, so this roughly halves a server's kernel time per
 * datagram.
 *
 * <p>A batch holds consecutive datagrams to the same address, all of the first one's size
 * except possibly the last, which may be shorter (the GSO rule), none larger than {@value
 * #MAX_SEGMENT} bytes (under any IPv6 path MTU, as GSO segments must fit the route's MTU).
 * If the kernel refuses a batch (no checksum offload, a smaller MTU…), its datagrams are
 * resent one by one and GSO stays off for that socket: behaviour never depends on it.
 */
final class GsoBatch {
  /** Whether this JVM's transport can send segmented datagrams. */
  static final boolean SUPPORTED = supported();

  static final int MAX_SEGMENT = 1232;
  static final int MAX_SEGMENTS = 64;
  static final int MAX_BYTES = 65000;
  private static final InetSocketAddress NO_ADDRESS = new InetSocketAddress(0);

  private final UdpHandle handle;
  private final Loop loop;
  private final List<ByteBuf> parts = new ArrayList<>();
  private final List<Consumer<Throwable>> callbacks = new ArrayList<>();
  private InetSocketAddress to;
  private int segment;
  private int bytes;
  private boolean closed;
  private boolean anyCallback;
  private boolean disabled;

  GsoBatch(UdpHandle handle, Loop loop) {
    this.handle = handle;
    this.loop = loop;
  }

  private static boolean supported() {
    try {
      return Transports.epoll() && EpollDatagramChannel.isSegmentedDatagramPacketSupported();
    } catch (Throwable t) {
      return false;
    }
  }

  /** Whether a datagram of {@code len} bytes may take part in batches at all. */
  boolean eligible(int len) {
    return !disabled && len > 0 && len <= MAX_SEGMENT;
  }

  /** Whether the datagram can join the current batch (else {@link #emit()} first). */
  boolean accepts(InetSocketAddress dest, int len) {
    if (parts.isEmpty()) {
      return true;
    }
    return !closed && len <= segment && parts.size() < MAX_SEGMENTS && bytes + len <= MAX_BYTES
        && (dest == to || Objects.equals(dest, to));
  }

  void add(ByteBuf content, InetSocketAddress dest, Consumer<Throwable> done) {
    int len = content.readableBytes();
    if (parts.isEmpty()) {
      to = dest;
      segment = len;
    } else if (len < segment) {
      closed = true; // a short datagram can only be a batch's last
    }
    parts.add(content);
    callbacks.add(done);
    anyCallback |= done != null;
    bytes += len;
  }

  /** Writes the batch to the channel (not flushed): one datagram plainly, several segmented. */
  void emit() {
    int n = parts.size();
    if (n == 0) {
      return;
    }
    InetSocketAddress dest = to;
    if (n == 1) {
      ByteBuf only = parts.get(0);
      Consumer<Throwable> cb = callbacks.get(0);
      reset();
      handle.writeOne(only, dest, cb);
      return;
    }
    ByteBuf[] ps = parts.toArray(new ByteBuf[0]);
    @SuppressWarnings("unchecked")
    Consumer<Throwable>[] cbs = anyCallback ? callbacks.toArray(new Consumer[0]) : null;
    int seg = segment;
    reset();
    CompositeByteBuf all = Unpooled.compositeBuffer(n);
    for (ByteBuf p : ps) {
      // Our own reference keeps each part for a resend should the kernel refuse the batch.
      all.addComponent(true, p.retain());
    }
    ChannelPromise promise = handle.channel().newPromise();
    promise.addListener(f -> {
      if (f.isSuccess()) {
        for (ByteBuf p : ps) {
          p.release();
        }
        if (cbs != null) {
          for (Consumer<Throwable> cb : cbs) {
            if (cb != null) {
              loop.runCallback(() -> cb.accept(null));
            }
          }
        }
        return;
      }
      disabled = true;
      for (int i = 0; i < ps.length; i++) {
        handle.writeOne(ps[i], dest, cbs == null ? null : cbs[i]);
      }
      handle.scheduleFlush();
    });
    // A connected socket sends without an address; Netty wants a sender then, which it ignores.
    handle.channel().write(new SegmentedDatagramPacket(all, seg, dest, dest == null ? NO_ADDRESS : null), promise);
  }

  private void reset() {
    parts.clear();
    callbacks.clear();
    to = null;
    bytes = 0;
    closed = false;
    anyCallback = false;
  }
}
