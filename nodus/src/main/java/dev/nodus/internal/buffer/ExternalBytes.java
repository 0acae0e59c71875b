package dev.nodus.internal.buffer;

/**
 * Bytes that live outside the Java heap for a while (a Netty read buffer) behind a
 * {@link dev.nodus.buffer.Buffer} that user code may see. The first access to the bytes from
 * Java copies them into a heap array and releases the outside memory ({@link #bytes()}), so a
 * Buffer stays GC-owned memory for everything that reads it. Until then, a writer on the loop
 * may send the outside memory as it is ({@link #borrowed()}), which spares Netty's copy of a
 * heap array into direct memory.
 *
 * <p>The owner ends the loan with {@link #materialize()} (keep the bytes: someone may still
 * hold the Buffer) or {@link #drop()} (nobody else can reach the Buffer: free without copying).
 * State changes are synchronized because a Buffer may be handed to another thread.
 */
public abstract class ExternalBytes {
  private final int length;
  /** The heap copy, once made; volatile so that another thread sees its content. */
  private volatile byte[] copy;
  private boolean freed;

  /**
   * Creates a loan of {@code length} bytes.
   *
   * @param length how many bytes the outside memory holds
   */
  protected ExternalBytes(int length) {
    this.length = length;
  }

  /**
   * The number of bytes.
   *
   * @return the length
   */
  public final int length() {
    return length;
  }

  /**
   * The bytes on the heap, copied out on the first call.
   *
   * @return an array of exactly {@link #length()} bytes, shared by every view of these bytes
   * @throws IllegalStateException if the bytes were dropped (an internal error: a dropped
   *     Buffer must not be reachable)
   */
  public final byte[] bytes() {
    byte[] c = copy;
    return c != null ? c : materialize();
  }

  /**
   * Copies the bytes to the heap, if not done yet, and frees the outside memory.
   *
   * @return the heap copy
   */
  public final synchronized byte[] materialize() {
    byte[] c = copy;
    if (c == null) {
      if (freed) {
        throw new IllegalStateException("Buffer used after its read buffer was released");
      }
      c = new byte[length];
      copyTo(c);
      copy = c;
      freed = true;
      free();
    }
    return c;
  }

  /** Frees the outside memory without keeping the bytes: nothing may read them any more. */
  public final synchronized void drop() {
    if (!freed) {
      freed = true;
      free();
    }
  }

  /**
   * Whether the bytes are still outside the heap, so that a writer may send them from there.
   *
   * @return true before the first copy or drop
   */
  public final synchronized boolean borrowed() {
    return !freed;
  }

  /**
   * Copies all the bytes into {@code dst}.
   *
   * @param dst an array of {@link #length()} bytes
   */
  protected abstract void copyTo(byte[] dst);

  /** Releases the outside memory. Called once. */
  protected abstract void free();
}
