package dev.nodus.stream;

import java.util.function.Consumer;

/**
 * One buffered write as {@code _writev} receives it: the chunk and its encoding.
 * Node: the {@code {chunk, encoding}} entries of {@code writable._writev(chunks, callback)}.
 */
public final class Chunk {
  final Object chunk;
  final String encoding;
  /** The write's callback; the buffered entry doubles as the chunk handed to _writev. */
  final Consumer<Throwable> callback;
  /** Bytes (or 1 in object mode) this entry counts toward writableLength. */
  final int length;

  Chunk(Object chunk, String encoding, Consumer<Throwable> callback, int length) {
    this.chunk = chunk;
    this.encoding = encoding;
    this.callback = callback;
    this.length = length;
  }

  /**
   * Returns the chunk: a Buffer, a String when {@code decodeStrings} is false, or any object in
   * object mode.
   *
   * @return the chunk
   */
  public Object chunk() {
    return chunk;
  }

  /**
   * Returns {@code "buffer"} for a Buffer, else the string's encoding.
   *
   * @return the encoding
   */
  public String encoding() {
    return encoding;
  }

  @Override
  public String toString() {
    return "Chunk{" + encoding + ", " + chunk + "}";
  }
}
