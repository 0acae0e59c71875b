package dev.nodus.internal.net;

import dev.nodus.internal.buffer.BufferAccess;
import dev.nodus.internal.buffer.ExternalBytes;
import io.netty.buffer.ByteBuf;

/**
 * One read from a socket, lent to user code as a {@code Buffer} for the callback that delivers
 * it. A write of that Buffer during the callback sends Netty's read buffer itself
 * ({@link #retainedSlice}); when the callback returns, {@link TcpHandle} copies the bytes to the
 * heap, unless only a pipe into a socket saw them, and then frees the read buffer unread.
 */
final class ReadChunk extends ExternalBytes implements Runnable {
  /** Netty's read buffer; null once freed (Netty recycles the object). */
  private ByteBuf buf;
  /** Set when a write took a slice of the read buffer. */
  private boolean sent;
  /** Who is told; dropped at {@link #end()}, so a kept Buffer pins no socket. */
  private TcpHandle.Owner owner;
  /** The owner's answer: nothing but a pipe into a socket was given the Buffer. */
  private boolean unseen;

  ReadChunk(ByteBuf buf, TcpHandle.Owner owner) {
    super(buf.readableBytes());
    this.buf = buf;
    this.owner = owner;
  }

  /** The delivery callback, run by the loop: the chunk itself, to spare a lambda per read. */
  @Override
  public void run() {
    unseen = owner.onRead(BufferAccess.wrap(this));
  }

  /**
   * A retained slice of the read buffer for a write, or null once the bytes were copied to the
   * heap (the caller then writes the heap copy).
   */
  synchronized ByteBuf retainedSlice(int offset, int length) {
    if (!borrowed()) {
      return null;
    }
    sent = true;
    return buf.retainedSlice(buf.readerIndex() + offset, length);
  }

  /**
   * Ends the loan when the callback that delivered the chunk has returned. If the Buffer was
   * {@link #unseen} and the pipe sent it, no one can read it again and the bytes need no heap
   * copy.
   */
  synchronized void end() {
    owner = null;
    if (unseen && sent) {
      drop();
    } else {
      materialize();
    }
  }

  @Override
  protected void copyTo(byte[] dst) {
    buf.getBytes(buf.readerIndex(), dst);
  }

  @Override
  protected void free() {
    buf.release();
    buf = null;
  }
}
