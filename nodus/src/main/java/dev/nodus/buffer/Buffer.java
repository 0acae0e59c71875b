package dev.nodus.buffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Node's {@code Buffer}: a fixed-length view of bytes, owned by the garbage collector.
 *
 * <p>A Buffer is a window ({@link #byteOffset()}, {@link #length()}) on a {@code byte[]}
 * ({@link #buffer()}); {@link #subarray(int, int)} and {@link #slice(int, int)} share memory with
 * their parent, exactly as in Node. Users never release a Buffer.
 *
 * <p>Threading: a Buffer is not synchronized; hand it between threads as you would a byte array.
 */
public final class Buffer implements Comparable<Buffer> {
  private final byte[] array;
  private final int offset;
  private final int length;

  private Buffer(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  /**
   * Returns a zero-filled Buffer of {@code size} bytes. Node: {@code Buffer.alloc(size)}.
   *
   * @param size the length in bytes
   * @return the new Buffer
   */
  public static Buffer alloc(int size) {
    return new Buffer(new byte[size], 0, size);
  }

  /**
   * Returns a Buffer holding {@code string} encoded as UTF-8. Node: {@code Buffer.from(string)}.
   *
   * @param string the text
   * @return the new Buffer
   */
  public static Buffer from(String string) {
    byte[] b = string.getBytes(StandardCharsets.UTF_8);
    return new Buffer(b, 0, b.length);
  }

  /**
   * Returns a Buffer holding {@code string} in the named encoding.
   * Node: {@code Buffer.from(string, encoding)}.
   *
   * @param string the text
   * @param encoding one of Node's encodings, such as {@code "utf8"} or {@code "hex"}
   * @return the new Buffer
   */
  public static Buffer from(String string, String encoding) {
    byte[] b = Encoding.of(encoding).encode(string);
    return new Buffer(b, 0, b.length);
  }

  /**
   * Returns a Buffer holding a copy of {@code bytes}. Node: {@code Buffer.from(array)}.
   *
   * @param bytes the bytes to copy
   * @return the new Buffer
   */
  public static Buffer from(byte[] bytes) {
    return new Buffer(bytes.clone(), 0, bytes.length);
  }

  /**
   * Returns a Buffer that shares {@code array}'s memory, without copying.
   * Node: {@code Buffer.from(arrayBuffer, byteOffset, length)}.
   *
   * @param array the backing array
   * @param byteOffset where the view starts
   * @param length the view's length
   * @return the view
   */
  public static Buffer wrap(byte[] array, int byteOffset, int length) {
    Objects.checkFromIndexSize(byteOffset, length, array.length);
    return new Buffer(array, byteOffset, length);
  }

  /**
   * Returns a Buffer that shares all of {@code array}'s memory.
   * Node: {@code Buffer.from(arrayBuffer)}.
   *
   * @param array the backing array
   * @return the view
   */
  public static Buffer wrap(byte[] array) {
    return new Buffer(array, 0, array.length);
  }

  /**
   * Returns one Buffer holding the bytes of every Buffer in {@code list}, in order.
   * Node: {@code Buffer.concat(list)}.
   *
   * @param list the Buffers
   * @return the new Buffer
   */
  public static Buffer concat(List<Buffer> list) {
    int total = 0;
    for (Buffer b : list) {
      total += b.length;
    }
    byte[] out = new byte[total];
    int pos = 0;
    for (Buffer b : list) {
      System.arraycopy(b.array, b.offset, out, pos, b.length);
      pos += b.length;
    }
    return new Buffer(out, 0, total);
  }

  /**
   * Returns whether {@code o} is a Buffer. Node: {@code Buffer.isBuffer(obj)}.
   *
   * @param o any object
   * @return true for a Buffer
   */
  public static boolean isBuffer(Object o) {
    return o instanceof Buffer;
  }

  /**
   * Returns the number of bytes. Node: {@code buf.length}.
   *
   * @return the length
   */
  public int length() {
    return length;
  }

  /**
   * Returns the backing array, shared with this Buffer. Node: {@code buf.buffer}.
   *
   * @return the array
   */
  public byte[] buffer() {
    return array;
  }

  /**
   * Returns where this Buffer starts in {@link #buffer()}. Node: {@code buf.byteOffset}.
   *
   * @return the offset
   */
  public int byteOffset() {
    return offset;
  }

  /**
   * Returns the byte at {@code index} as 0 to 255. Node: {@code buf[index]}.
   *
   * @param index the position
   * @return the byte value
   */
  public int get(int index) {
    Objects.checkIndex(index, length);
    return array[offset + index] & 0xff;
  }

  /**
   * Sets the byte at {@code index} to the low 8 bits of {@code value}. Node: {@code buf[i] = v}.
   *
   * @param index the position
   * @param value the value
   */
  public void set(int index, int value) {
    Objects.checkIndex(index, length);
    array[offset + index] = (byte) value;
  }

  /**
   * Returns a view of bytes {@code start} to {@code end}, sharing memory with this Buffer.
   * Node: {@code buf.subarray(start, end)}; negative indexes count from the end.
   *
   * @param start the first byte
   * @param end one past the last byte
   * @return the view
   */
  public Buffer subarray(int start, int end) {
    int s = clampIndex(start);
    int e = clampIndex(end);
    if (e < s) {
      e = s;
    }
    return new Buffer(array, offset + s, e - s);
  }

  /**
   * Returns a view from {@code start} to the end. Node: {@code buf.subarray(start)}.
   *
   * @param start the first byte
   * @return the view
   */
  public Buffer subarray(int start) {
    return subarray(start, length);
  }

  /**
   * Same as {@link #subarray(int, int)}: shares memory. Node: {@code buf.slice(start, end)}.
   *
   * @param start the first byte
   * @param end one past the last byte
   * @return the view
   */
  public Buffer slice(int start, int end) {
    return subarray(start, end);
  }

  private int clampIndex(int i) {
    if (i < 0) {
      i += length;
      return Math.max(i, 0);
    }
    return Math.min(i, length);
  }

  /**
   * Decodes the bytes as UTF-8. Node: {@code buf.toString()}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return Encoding.UTF8.decode(array, offset, length);
  }

  /**
   * Decodes the bytes in the named encoding. Node: {@code buf.toString(encoding)}.
   *
   * @param encoding one of Node's encodings
   * @return the text
   */
  public String toString(String encoding) {
    return Encoding.of(encoding).decode(array, offset, length);
  }

  /**
   * Returns a new array holding a copy of the bytes.
   *
   * @return the bytes
   */
  public byte[] toByteArray() {
    byte[] out = new byte[length];
    System.arraycopy(array, offset, out, 0, length);
    return out;
  }

  /**
   * Returns whether both Buffers hold the same bytes. Node: {@code buf.equals(other)}.
   *
   * @param o the other object
   * @return true for a Buffer with equal bytes
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Buffer b
        && java.util.Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + array[i];
    }
    return h;
  }

  /**
   * Compares bytes lexicographically, as unsigned values. Node: {@code buf.compare(other)}.
   *
   * @param o the other Buffer
   * @return -1, 0 or 1
   */
  @Override
  public int compareTo(Buffer o) {
    int c = java.util.Arrays.compareUnsigned(array, offset, offset + length, o.array, o.offset, o.offset + o.length);
    return Integer.signum(c);
  }
}
