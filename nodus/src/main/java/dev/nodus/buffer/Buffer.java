package dev.nodus.buffer;

import dev.nodus.internal.buffer.BufferAccess;
import dev.nodus.internal.buffer.ByteSearch;
import dev.nodus.internal.buffer.ExternalBytes;
import dev.nodus.internal.buffer.OneByte;
import dev.nodus.internal.buffer.Ucs2;
import dev.nodus.internal.buffer.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Node's {@code Buffer}: a fixed-length view of bytes, owned by the garbage collector.
 *
 * <p>A Buffer is a window ({@link #byteOffset()}, {@link #length()}) on a {@code byte[]}
 * ({@link #buffer()}); {@link #subarray(int, int)} and {@link #slice(int, int)} share memory with
 * their parent, exactly as in Node. Users never release a Buffer. Every method behaves as Node
 * v20's, byte for byte, including the encodings (see {@link Encoding}) and the errors: range
 * errors throw a {@link dev.nodus.NodeError} with Node's {@code code()} ({@code ERR_OUT_OF_RANGE},
 * {@code ERR_BUFFER_OUT_OF_BOUNDS}, ...), {@code name()} ({@code RangeError}, {@code TypeError})
 * and message text.
 *
 * <p>Where Node takes optional arguments, Java has overloads in Node's order; an encoding given
 * as {@code null} means Node's {@code undefined} (UTF-8). Node's alias spellings
 * ({@code readUint8}, ...) are not repeated.
 *
 * <p>Threading: a Buffer is not synchronized; hand it between threads as you would a byte array.
 */
public final class Buffer implements Comparable<Buffer> {
  private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger U64_MAX = TWO_64.subtract(BigInteger.ONE);
  private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  static {
    BufferAccess.install(
        new BufferAccess.Bridge() {
          @Override
          public Buffer wrap(ExternalBytes bytes) {
            return new Buffer(null, bytes, 0, bytes.length());
          }

          @Override
          public ExternalBytes external(Buffer b) {
            return b.external;
          }
        });
  }

  /** The bytes, or null while they are on loan from outside the heap ({@link #external}). */
  private final byte[] heap;
  /** Bytes read from the network and not yet copied to the heap; null for heap Buffers. */
  private final ExternalBytes external;
  private final int offset;
  private final int length;

  private Buffer(byte[] array, int offset, int length) {
    this(array, null, offset, length);
  }

  private Buffer(byte[] heap, ExternalBytes external, int offset, int length) {
    this.heap = heap;
    this.external = external;
    this.offset = offset;
    this.length = length;
  }

  /**
   * The backing array. A Buffer over network bytes copies them to the heap here, on the first
   * access from Java, so that every reader sees GC-owned memory.
   */
  private byte[] bytes() {
    byte[] h = heap;
    return h != null ? h : external.bytes();
  }

  private static VarHandle view(Class<?> type, ByteOrder order) {
    return MethodHandles.byteArrayViewVarHandle(type, order);
  }

  // ---- creating ------------------------------------------------------------------------

  /**
   * Returns a zero-filled Buffer of {@code size} bytes. Node: {@code Buffer.alloc(size)}.
   *
   * @param size the length in bytes
   * @return the new Buffer
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} if {@code size} is negative
   */
  public static Buffer alloc(int size) {
    BufferErrors.validateOffset(size, "size");
    return new Buffer(new byte[size], 0, size);
  }

  /**
   * Returns a Buffer of {@code size} bytes, each set to the low 8 bits of {@code fill}.
   * Node: {@code Buffer.alloc(size, fill)}.
   *
   * @param size the length in bytes
   * @param fill the byte value
   * @return the new Buffer
   */
  public static Buffer alloc(int size, int fill) {
    Buffer b = alloc(size);
    return fill != 0 && size > 0 ? b.fill(fill) : b;
  }

  /**
   * Returns a Buffer of {@code size} bytes filled with repeats of {@code fill} as UTF-8.
   * Node: {@code Buffer.alloc(size, fill)}.
   *
   * @param size the length in bytes
   * @param fill the text to repeat; {@code ""} fills with zeros
   * @return the new Buffer
   */
  public static Buffer alloc(int size, String fill) {
    return alloc(size, fill, null);
  }

  /**
   * Returns a Buffer of {@code size} bytes filled with repeats of {@code fill} in
   * {@code encoding}. Node: {@code Buffer.alloc(size, fill, encoding)}.
   *
   * @param size the length in bytes
   * @param fill the text to repeat; {@code ""} fills with zeros
   * @param encoding the encoding of {@code fill}, or null for UTF-8
   * @return the new Buffer
   * @throws dev.nodus.NodeError {@code ERR_INVALID_ARG_VALUE} if {@code fill} encodes to no bytes
   *     (such as {@code "zz"} in hex); {@code ERR_UNKNOWN_ENCODING}
   */
  public static Buffer alloc(int size, String fill, String encoding) {
    Buffer b = alloc(size);
    return size > 0 ? b.fillString(fill, 0, size, encoding) : b;
  }

  /**
   * Returns a Buffer of {@code size} bytes filled with repeats of {@code fill}'s bytes.
   * Node: {@code Buffer.alloc(size, buffer)}.
   *
   * @param size the length in bytes
   * @param fill the bytes to repeat
   * @return the new Buffer
   * @throws dev.nodus.NodeError {@code ERR_INVALID_ARG_VALUE} if {@code fill} is empty
   */
  public static Buffer alloc(int size, Buffer fill) {
    Buffer b = alloc(size);
    return size > 0 ? b.fill(fill) : b;
  }

  /**
   * Returns a Buffer of {@code size} bytes. Node: {@code Buffer.allocUnsafe(size)}; in Java
   * the memory is always zeroed.
   *
   * @param size the length in bytes
   * @return the new Buffer
   */
  public static Buffer allocUnsafe(int size) {
    return alloc(size);
  }

  /**
   * Returns a Buffer of {@code size} bytes. Node: {@code Buffer.allocUnsafeSlow(size)}; in Java
   * the memory is always zeroed and never pooled.
   *
   * @param size the length in bytes
   * @return the new Buffer
   */
  public static Buffer allocUnsafeSlow(int size) {
    return alloc(size);
  }

  /**
   * Returns a Buffer holding {@code string} encoded as UTF-8. Node: {@code Buffer.from(string)}.
   *
   * @param string the text
   * @return the new Buffer
   */
  public static Buffer from(String string) {
    return wrap(Utf8.encode(string));
  }

  /**
   * Returns a Buffer holding {@code string} in the named encoding.
   * Node: {@code Buffer.from(string, encoding)}.
   *
   * @param string the text
   * @param encoding one of Node's encodings, such as {@code "utf8"} or {@code "hex"}; null or
   *     {@code ""} mean UTF-8
   * @return the new Buffer
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING}
   */
  public static Buffer from(String string, String encoding) {
    return wrap(Encoding.of(encoding).encode(string));
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
   * Returns a Buffer holding a copy of {@code buffer}'s bytes. Node: {@code Buffer.from(buffer)}.
   *
   * @param buffer the Buffer to copy
   * @return the new Buffer
   */
  public static Buffer from(Buffer buffer) {
    return wrap(buffer.toByteArray());
  }

  /**
   * Returns a Buffer holding the low 8 bits of each number. Node: {@code Buffer.from(array)},
   * where {@code Buffer.from([257, -1])} holds {@code 01 ff}.
   *
   * @param values the byte values
   * @return the new Buffer
   */
  public static Buffer from(int[] values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return wrap(b);
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
    long total = 0;
    for (Buffer b : list) {
      total += b.length;
    }
    return concat(list, Math.toIntExact(total));
  }

  /**
   * Returns a Buffer of {@code totalLength} bytes holding the Buffers in {@code list}, in
   * order, cut at {@code totalLength} or padded with zeros. Node: {@code Buffer.concat(list,
   * totalLength)}.
   *
   * @param list the Buffers
   * @param totalLength the length of the result
   * @return the new Buffer
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} if {@code totalLength} is negative
   */
  public static Buffer concat(List<Buffer> list, int totalLength) {
    if (list.isEmpty()) {
      return alloc(0); // before the length check, as Node
    }
    BufferErrors.validateOffset(totalLength, "length");
    byte[] out = new byte[totalLength];
    int pos = 0;
    for (Buffer b : list) {
      int n = Math.min(b.length, totalLength - pos);
      System.arraycopy(b.bytes(), b.offset, out, pos, n);
      pos += n;
    }
    return wrap(out);
  }

  /**
   * Returns the UTF-8 length of {@code string}. Node: {@code Buffer.byteLength(string)}.
   *
   * @param string the text
   * @return the number of bytes
   */
  public static int byteLength(String string) {
    return Utf8.byteLength(string);
  }

  /**
   * Returns the length of {@code string} in {@code encoding}; for base64 and hex an estimate
   * from the length, as Node's. Node: {@code Buffer.byteLength(string, encoding)}.
   *
   * @param string the text
   * @param encoding the encoding; null, {@code ""} and unknown names mean UTF-8, as in Node
   * @return the number of bytes
   */
  public static int byteLength(String string, String encoding) {
    if (string.isEmpty()) {
      return 0;
    }
    Encoding e = Encoding.lookup(encoding == null || encoding.isEmpty() ? null : encoding);
    return (e == null ? Encoding.UTF8 : e).byteLength(string);
  }

  /**
   * Compares two Buffers' bytes as unsigned values. Node: {@code Buffer.compare(buf1, buf2)}.
   *
   * @param buf1 a Buffer
   * @param buf2 a Buffer
   * @return -1, 0 or 1
   */
  public static int compare(Buffer buf1, Buffer buf2) {
    return buf1 == buf2 ? 0 : buf1.compareTo(buf2);
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
   * Returns whether {@code encoding} names one of Node's encodings, in any case.
   * Node: {@code Buffer.isEncoding(encoding)}.
   *
   * @param encoding the name
   * @return true if known
   */
  public static boolean isEncoding(String encoding) {
    return Encoding.isEncoding(encoding);
  }

  // ---- the view --------------------------------------------------------------------------

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
    return bytes();
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
    return bytes()[offset + index] & 0xff;
  }

  /**
   * Sets the byte at {@code index} to the low 8 bits of {@code value}. Node: {@code buf[i] = v}.
   *
   * @param index the position
   * @param value the value
   */
  public void set(int index, int value) {
    Objects.checkIndex(index, length);
    bytes()[offset + index] = (byte) value;
  }

  /**
   * Returns a view of bytes {@code start} to {@code end}, sharing memory with this Buffer.
   * Node: {@code buf.subarray(start, end)}; negative indexes count from the end, indexes out of
   * range are clamped.
   *
   * @param start the first byte
   * @param end one past the last byte
   * @return the view
   */
  public Buffer subarray(int start, int end) {
    int s = clampIndex(start);
    int e = clampIndex(end);
    return new Buffer(heap, external, offset + s, e > s ? e - s : 0);
  }

  /**
   * Returns a view from {@code start} to the end. Node: {@code buf.subarray(start)}.
   *
   * @param start the first byte; negative counts from the end
   * @return the view
   */
  public Buffer subarray(int start) {
    return subarray(start, length);
  }

  /**
   * Returns a view of the whole Buffer. Node: {@code buf.subarray()}.
   *
   * @return the view
   */
  public Buffer subarray() {
    return new Buffer(heap, external, offset, length);
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

  /**
   * Same as {@link #subarray(int)}: shares memory. Node: {@code buf.slice(start)}.
   *
   * @param start the first byte
   * @return the view
   */
  public Buffer slice(int start) {
    return subarray(start, length);
  }

  /**
   * Same as {@link #subarray()}: shares memory. Node: {@code buf.slice()}.
   *
   * @return the view
   */
  public Buffer slice() {
    return subarray();
  }

  /** Node: adjustOffset() in lib/buffer.js. */
  private int clampIndex(int i) {
    if (i < 0) {
      i += length;
      return Math.max(i, 0);
    }
    return Math.min(i, length);
  }

  // ---- strings ---------------------------------------------------------------------------

  /**
   * Decodes the bytes as UTF-8. Node: {@code buf.toString()}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return Utf8.decode(bytes(), offset, length);
  }

  /**
   * Decodes the bytes in the named encoding. Node: {@code buf.toString(encoding)}.
   *
   * @param encoding one of Node's encodings, or null for UTF-8
   * @return the text
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING} (not for an empty Buffer, as Node)
   */
  public String toString(String encoding) {
    return toString(encoding, 0, length);
  }

  /**
   * Decodes bytes from {@code start} to the end. Node: {@code buf.toString(encoding, start)}.
   *
   * @param encoding one of Node's encodings, or null for UTF-8
   * @param start the first byte; below 0 means 0
   * @return the text
   */
  public String toString(String encoding, int start) {
    return toString(encoding, start, length);
  }

  /**
   * Decodes bytes {@code start} to {@code end}, clamped to the Buffer (negative values are not
   * counted from the end). Node: {@code buf.toString(encoding, start, end)}.
   *
   * @param encoding one of Node's encodings, or null for UTF-8
   * @param start the first byte
   * @param end one past the last byte
   * @return the text; {@code ""} if the range is empty
   */
  public String toString(String encoding, int start, int end) {
    if (start <= 0) {
      start = 0;
    } else if (start >= length) {
      return "";
    }
    if (end > length) {
      end = length;
    }
    if (end <= start) {
      return "";
    }
    return Encoding.ops(encoding).decode(bytes(), offset + start, end - start);
  }

  /**
   * Writes {@code string} as UTF-8 from the start, as much as fits, never part of a character.
   * Node: {@code buf.write(string)}.
   *
   * @param string the text
   * @return the number of bytes written
   */
  public int write(String string) {
    return writeString(string, 0, length, Encoding.UTF8);
  }

  /**
   * Writes {@code string} in {@code encoding} from the start. Node: {@code buf.write(string,
   * encoding)}.
   *
   * @param string the text
   * @param encoding the encoding; null or {@code ""} mean UTF-8
   * @return the number of bytes written
   */
  public int write(String string, String encoding) {
    return writeString(string, 0, length, Encoding.of(encoding));
  }

  /**
   * Writes {@code string} as UTF-8 from {@code offset}. Node: {@code buf.write(string, offset)}.
   *
   * @param string the text
   * @param offset where to start writing
   * @return the number of bytes written
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} unless {@code 0 <= offset <= length()}
   */
  public int write(String string, int offset) {
    return write(string, offset, null);
  }

  /**
   * Writes {@code string} in {@code encoding} from {@code offset}.
   * Node: {@code buf.write(string, offset, encoding)}.
   *
   * @param string the text
   * @param offset where to start writing
   * @param encoding the encoding; null or {@code ""} mean UTF-8
   * @return the number of bytes written
   */
  public int write(String string, int offset, String encoding) {
    BufferErrors.validateOffset(offset, "offset", 0, length);
    return writeString(string, offset, length - offset, Encoding.of(encoding));
  }

  /**
   * Writes at most {@code length} bytes of {@code string} as UTF-8 from {@code offset}.
   * Node: {@code buf.write(string, offset, length)}.
   *
   * @param string the text
   * @param offset where to start writing
   * @param length the most bytes to write
   * @return the number of bytes written
   */
  public int write(String string, int offset, int length) {
    return write(string, offset, length, null);
  }

  /**
   * Writes at most {@code length} bytes of {@code string} in {@code encoding} from
   * {@code offset}; utf8 never writes part of a character. Node: {@code buf.write(string,
   * offset, length, encoding)}.
   *
   * @param string the text
   * @param offset where to start writing
   * @param length the most bytes to write
   * @param encoding the encoding; null or {@code ""} mean UTF-8
   * @return the number of bytes written
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} unless {@code 0 <= offset <= length()}
   *     and {@code 0 <= length <= length()}; {@code ERR_UNKNOWN_ENCODING}
   */
  public int write(String string, int offset, int length, String encoding) {
    BufferErrors.validateOffset(offset, "offset", 0, this.length);
    BufferErrors.validateOffset(length, "length", 0, this.length);
    return writeString(string, offset, Math.min(length, this.length - offset), Encoding.of(encoding));
  }

  private int writeString(String string, int at, int max, Encoding encoding) {
    Objects.requireNonNull(string, "string");
    if (max == 0) {
      return 0;
    }
    return encoding.write(string, bytes(), offset + at, max);
  }

  // ---- copy, fill, compare ---------------------------------------------------------------

  /**
   * Copies all bytes into {@code target} from its start, as many as fit.
   * Node: {@code buf.copy(target)}.
   *
   * @param target the destination, which may share memory with this Buffer
   * @return the number of bytes copied
   */
  public int copy(Buffer target) {
    return copy(target, 0, 0, length);
  }

  /**
   * Copies all bytes into {@code target} from {@code targetStart}.
   * Node: {@code buf.copy(target, targetStart)}.
   *
   * @param target the destination
   * @param targetStart where to write in {@code target}
   * @return the number of bytes copied
   */
  public int copy(Buffer target, int targetStart) {
    return copy(target, targetStart, 0, length);
  }

  /**
   * Copies bytes from {@code sourceStart} into {@code target} from {@code targetStart}.
   * Node: {@code buf.copy(target, targetStart, sourceStart)}.
   *
   * @param target the destination
   * @param targetStart where to write in {@code target}
   * @param sourceStart the first byte to copy
   * @return the number of bytes copied
   */
  public int copy(Buffer target, int targetStart, int sourceStart) {
    return copy(target, targetStart, sourceStart, length);
  }

  /**
   * Copies bytes {@code sourceStart} to {@code sourceEnd} into {@code target} from
   * {@code targetStart}, as many as fit; overlapping regions copy correctly.
   * Node: {@code buf.copy(target, targetStart, sourceStart, sourceEnd)}.
   *
   * @param target the destination
   * @param targetStart where to write in {@code target}
   * @param sourceStart the first byte to copy
   * @param sourceEnd one past the last byte to copy (clamped to the length)
   * @return the number of bytes copied
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} for a negative {@code targetStart} or
   *     {@code sourceEnd}, or a {@code sourceStart} outside {@code [0, length()]}
   */
  public int copy(Buffer target, int targetStart, int sourceStart, int sourceEnd) {
    // Node: _copy() and _copyActual() in lib/buffer.js.
    if (targetStart < 0) {
      throw BufferErrors.outOfRange("targetStart", ">= 0", targetStart);
    }
    if (sourceStart < 0 || sourceStart > length) {
      throw BufferErrors.outOfRange("sourceStart", ">= 0 && <= " + length, sourceStart);
    }
    if (sourceEnd < 0) {
      throw BufferErrors.outOfRange("sourceEnd", ">= 0", sourceEnd);
    }
    if (targetStart >= target.length || sourceStart >= sourceEnd) {
      return 0;
    }
    long end = sourceEnd;
    if (end - sourceStart > target.length - targetStart) {
      end = sourceStart + (long) target.length - targetStart;
    }
    int nb = (int) Math.min(end - sourceStart, length - sourceStart);
    System.arraycopy(bytes(), offset + sourceStart, target.bytes(), target.offset + targetStart, nb);
    return nb;
  }

  /**
   * Sets every byte to the low 8 bits of {@code value}. Node: {@code buf.fill(value)}.
   *
   * @param value the byte value
   * @return this Buffer
   */
  public Buffer fill(int value) {
    Arrays.fill(bytes(), offset, offset + length, (byte) value);
    return this;
  }

  /**
   * Sets bytes from {@code offset} to the end. Node: {@code buf.fill(value, offset)}.
   *
   * @param value the byte value
   * @param offset the first byte; past the end fills nothing
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} for a negative offset
   */
  public Buffer fill(int value, int offset) {
    return fill(value, offset, length);
  }

  /**
   * Sets bytes {@code offset} to {@code end}. Node: {@code buf.fill(value, offset, end)}.
   *
   * @param value the byte value
   * @param offset the first byte
   * @param end one past the last byte
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} for a negative offset or an end outside
   *     {@code [0, length()]}
   */
  public Buffer fill(int value, int offset, int end) {
    if (checkFillRange(offset, end)) {
      Arrays.fill(bytes(), this.offset + offset, this.offset + end, (byte) value);
    }
    return this;
  }

  /**
   * Fills with repeats of {@code value} as UTF-8. Node: {@code buf.fill(string)}.
   *
   * @param value the text; {@code ""} fills with zeros
   * @return this Buffer
   */
  public Buffer fill(String value) {
    return fillString(value, 0, length, null);
  }

  /**
   * Fills with repeats of {@code value} in {@code encoding}. Node: {@code buf.fill(string,
   * encoding)}.
   *
   * @param value the text; {@code ""} fills with zeros
   * @param encoding the encoding, or null for UTF-8
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING}; {@code ERR_INVALID_ARG_VALUE} if
   *     {@code value} encodes to no bytes
   */
  public Buffer fill(String value, String encoding) {
    return fillString(value, 0, length, encoding);
  }

  /**
   * Fills from {@code offset} with repeats of {@code value} as UTF-8.
   * Node: {@code buf.fill(string, offset)}.
   *
   * @param value the text
   * @param offset the first byte
   * @return this Buffer
   */
  public Buffer fill(String value, int offset) {
    return fillString(value, offset, length, null);
  }

  /**
   * Fills from {@code offset} with repeats of {@code value} in {@code encoding}.
   * Node: {@code buf.fill(string, offset, encoding)}.
   *
   * @param value the text
   * @param offset the first byte
   * @param encoding the encoding, or null for UTF-8
   * @return this Buffer
   */
  public Buffer fill(String value, int offset, String encoding) {
    return fillString(value, offset, length, encoding);
  }

  /**
   * Fills bytes {@code offset} to {@code end} with repeats of {@code value} as UTF-8.
   * Node: {@code buf.fill(string, offset, end)}.
   *
   * @param value the text
   * @param offset the first byte
   * @param end one past the last byte
   * @return this Buffer
   */
  public Buffer fill(String value, int offset, int end) {
    return fillString(value, offset, end, null);
  }

  /**
   * Fills bytes {@code offset} to {@code end} with repeats of {@code value} in
   * {@code encoding}; the last repeat may be cut in the middle of a character, as in Node.
   * Node: {@code buf.fill(string, offset, end, encoding)}.
   *
   * @param value the text; {@code ""} fills with zeros
   * @param offset the first byte
   * @param end one past the last byte
   * @param encoding the encoding, or null for UTF-8
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING}; {@code ERR_OUT_OF_RANGE};
   *     {@code ERR_INVALID_ARG_VALUE} if {@code value} encodes to no bytes
   */
  public Buffer fill(String value, int offset, int end, String encoding) {
    return fillString(value, offset, end, encoding);
  }

  /**
   * Fills with repeats of {@code value}'s bytes. Node: {@code buf.fill(buffer)}.
   *
   * @param value the bytes to repeat
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_INVALID_ARG_VALUE} if {@code value} is empty
   */
  public Buffer fill(Buffer value) {
    return fill(value, 0, length);
  }

  /**
   * Fills from {@code offset} with repeats of {@code value}'s bytes.
   * Node: {@code buf.fill(buffer, offset)}.
   *
   * @param value the bytes to repeat
   * @param offset the first byte
   * @return this Buffer
   */
  public Buffer fill(Buffer value, int offset) {
    return fill(value, offset, length);
  }

  /**
   * Fills bytes {@code offset} to {@code end} with repeats of {@code value}'s bytes.
   * Node: {@code buf.fill(buffer, offset, end)}.
   *
   * @param value the bytes to repeat
   * @param offset the first byte
   * @param end one past the last byte
   * @return this Buffer
   */
  public Buffer fill(Buffer value, int offset, int end) {
    if (checkFillRange(offset, end)) {
      int n = Math.min(value.length, end - offset);
      System.arraycopy(value.bytes(), value.offset, bytes(), this.offset + offset, n);
      repeat(offset, end, value.length, value);
    }
    return this;
  }

  /** Node: the range checks of _fill() in lib/buffer.js; false when there is nothing to fill. */
  private boolean checkFillRange(int offset, int end) {
    BufferErrors.validateOffset(offset, "offset");
    BufferErrors.validateOffset(end, "end", 0, length);
    return offset < end;
  }

  /** Node: _fill() for a string, then the binding's Fill() in src/node_buffer.cc. */
  private Buffer fillString(String value, int offset, int end, String encoding) {
    Encoding enc = Encoding.of(encoding);
    if (value.isEmpty()) {
      return fill(0, offset, end);
    }
    if (value.length() == 1) {
      char c = value.charAt(0);
      if ((enc == Encoding.UTF8 && c < 128) || enc == Encoding.LATIN1) {
        return fill(c, offset, end);
      }
    }
    if (!checkFillRange(offset, end)) {
      return this;
    }
    int fillLength = end - offset;
    int written;
    if (enc == Encoding.UTF8 || enc == Encoding.UTF16LE) {
      byte[] b = enc == Encoding.UTF8 ? Utf8.encode(value) : Ucs2.encode(value);
      System.arraycopy(b, 0, bytes(), this.offset + offset, Math.min(b.length, fillLength));
      written = b.length;
    } else {
      written = enc.write(value, bytes(), this.offset + offset, fillLength);
    }
    repeat(offset, end, written, Inspect.string(value));
    return this;
  }

  /** Repeats the first {@code n} bytes at {@code offset} up to {@code end}, doubling each time. */
  private void repeat(int offset, int end, int n, Object shown) {
    int fillLength = end - offset;
    if (n >= fillLength) {
      return;
    }
    if (n == 0) {
      // Node: the binding returns -1 and _fill() throws rather than fill nothing.
      throw BufferErrors.invalidArgValue("value",
          shown instanceof Buffer b ? Inspect.buffer(b) : (String) shown);
    }
    int start = this.offset + offset;
    int inThere = n;
    while (inThere < fillLength - inThere) {
      System.arraycopy(bytes(), start, bytes(), start + inThere, inThere);
      inThere *= 2;
    }
    System.arraycopy(bytes(), start, bytes(), start + inThere, fillLength - inThere);
  }

  /**
   * Returns a new array holding a copy of the bytes.
   *
   * @return the bytes
   */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(bytes(), offset, offset + length);
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
        && Arrays.equals(bytes(), offset, offset + length, b.bytes(), b.offset, b.offset + b.length);
  }

  /**
   * Returns a hash of the bytes, consistent with {@link #equals(Object)}.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    int h = 1;
    byte[] a = bytes();
    for (int i = offset, end = offset + length; i < end; i++) {
      h = 31 * h + a[i];
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
    return Integer.signum(Arrays.compareUnsigned(bytes(), offset, offset + length, o.bytes(), o.offset, o.offset + o.length));
  }

  /**
   * Compares with {@code target}, as {@link #compareTo(Buffer)}. Node: {@code buf.compare(target)}.
   *
   * @param target the other Buffer
   * @return -1, 0 or 1
   */
  public int compare(Buffer target) {
    return compareTo(target);
  }

  /**
   * Compares all bytes with {@code target}'s bytes {@code targetStart} to {@code targetEnd}.
   * Node: {@code buf.compare(target, targetStart, targetEnd)}.
   *
   * @param target the other Buffer
   * @param targetStart the first byte of {@code target}
   * @param targetEnd one past the last byte of {@code target}
   * @return -1, 0 or 1
   */
  public int compare(Buffer target, int targetStart, int targetEnd) {
    return compare(target, targetStart, targetEnd, 0, length);
  }

  /**
   * Compares bytes {@code sourceStart} to {@code sourceEnd} with {@code target}'s bytes
   * {@code targetStart} to {@code targetEnd}. Node: {@code buf.compare(target, targetStart,
   * targetEnd, sourceStart, sourceEnd)}.
   *
   * @param target the other Buffer
   * @param targetStart the first byte of {@code target}
   * @param targetEnd one past the last byte of {@code target}, at most its length
   * @param sourceStart the first byte of this Buffer
   * @param sourceEnd one past the last byte of this Buffer, at most its length
   * @return -1, 0 or 1
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} for a negative index or an end past
   *     its Buffer
   */
  public int compare(Buffer target, int targetStart, int targetEnd, int sourceStart, int sourceEnd) {
    BufferErrors.validateOffset(targetStart, "targetStart");
    BufferErrors.validateOffset(targetEnd, "targetEnd", 0, target.length);
    BufferErrors.validateOffset(sourceStart, "sourceStart");
    BufferErrors.validateOffset(sourceEnd, "sourceEnd", 0, length);
    if (sourceStart >= sourceEnd) {
      return targetStart >= targetEnd ? 0 : -1;
    }
    if (targetStart >= targetEnd) {
      return 1;
    }
    // Node: CompareOffset() in src/node_buffer.cc.
    int sourceLen = sourceEnd - sourceStart;
    int targetLen = targetEnd - targetStart;
    int n = Math.min(sourceLen, targetLen);
    int c = Arrays.compareUnsigned(bytes(), offset + sourceStart, offset + sourceStart + n,
        target.bytes(), target.offset + targetStart, target.offset + targetStart + n);
    return c != 0 ? Integer.signum(c) : Integer.compare(sourceLen, targetLen);
  }

  // ---- search ----------------------------------------------------------------------------

  /**
   * Returns the first index of {@code value} as UTF-8, or -1. Node: {@code buf.indexOf(string)}.
   *
   * @param value the text; {@code ""} matches at 0
   * @return the index, or -1
   */
  public int indexOf(String value) {
    return indexOfString(value, 0, null, true);
  }

  /**
   * Returns the first index of {@code value} at or after {@code byteOffset}, or -1.
   * Node: {@code buf.indexOf(string, byteOffset)}.
   *
   * @param value the text
   * @param byteOffset where to start; negative counts from the end
   * @return the index, or -1
   */
  public int indexOf(String value, int byteOffset) {
    return indexOfString(value, byteOffset, null, true);
  }

  /**
   * Returns the first index of {@code value} in {@code encoding}, or -1.
   * Node: {@code buf.indexOf(string, encoding)}.
   *
   * @param value the text
   * @param encoding the encoding of {@code value}, or null for UTF-8
   * @return the index, or -1
   */
  public int indexOf(String value, String encoding) {
    return indexOfString(value, 0, encoding, true);
  }

  /**
   * Returns the first index of {@code value} in {@code encoding} at or after
   * {@code byteOffset}, or -1; for utf16le only even indexes match, as in Node.
   * Node: {@code buf.indexOf(string, byteOffset, encoding)}.
   *
   * @param value the text
   * @param byteOffset where to start; negative counts from the end
   * @param encoding the encoding of {@code value}, or null for UTF-8
   * @return the index, or -1
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING}
   */
  public int indexOf(String value, int byteOffset, String encoding) {
    return indexOfString(value, byteOffset, encoding, true);
  }

  /**
   * Returns the first index of {@code value}'s bytes, or -1. Node: {@code buf.indexOf(buffer)}.
   *
   * @param value the bytes; an empty Buffer matches at 0
   * @return the index, or -1
   */
  public int indexOf(Buffer value) {
    return indexOfBuffer(value, 0, null, true);
  }

  /**
   * Returns the first index of {@code value}'s bytes at or after {@code byteOffset}, or -1.
   * Node: {@code buf.indexOf(buffer, byteOffset)}.
   *
   * @param value the bytes
   * @param byteOffset where to start; negative counts from the end
   * @return the index, or -1
   */
  public int indexOf(Buffer value, int byteOffset) {
    return indexOfBuffer(value, byteOffset, null, true);
  }

  /**
   * As {@link #indexOf(Buffer, int)}; with {@code utf16le} only even indexes match.
   * Node: {@code buf.indexOf(buffer, byteOffset, encoding)}.
   *
   * @param value the bytes
   * @param byteOffset where to start; negative counts from the end
   * @param encoding the encoding (only utf16le changes anything)
   * @return the index, or -1
   */
  public int indexOf(Buffer value, int byteOffset, String encoding) {
    return indexOfBuffer(value, byteOffset, encoding, true);
  }

  /**
   * Returns the first index of the byte {@code value & 0xff}, or -1. Node: {@code buf.indexOf(number)}.
   *
   * @param value the byte value
   * @return the index, or -1
   */
  public int indexOf(int value) {
    return ByteSearch.indexOf(bytes(), offset, length, value, 0, true);
  }

  /**
   * Returns the first index of the byte at or after {@code byteOffset}, or -1.
   * Node: {@code buf.indexOf(number, byteOffset)}.
   *
   * @param value the byte value
   * @param byteOffset where to start; negative counts from the end
   * @return the index, or -1
   */
  public int indexOf(int value, int byteOffset) {
    return ByteSearch.indexOf(bytes(), offset, length, value, byteOffset, true);
  }

  /**
   * Returns the last index of {@code value} as UTF-8, or -1. Node: {@code buf.lastIndexOf(string)}.
   *
   * @param value the text; {@code ""} matches at {@code length()}
   * @return the index, or -1
   */
  public int lastIndexOf(String value) {
    return indexOfString(value, length, null, false);
  }

  /**
   * Returns the last index of {@code value} at or before {@code byteOffset}, or -1.
   * Node: {@code buf.lastIndexOf(string, byteOffset)}.
   *
   * @param value the text
   * @param byteOffset where to start looking back; negative counts from the end
   * @return the index, or -1
   */
  public int lastIndexOf(String value, int byteOffset) {
    return indexOfString(value, byteOffset, null, false);
  }

  /**
   * Returns the last index of {@code value} in {@code encoding}, or -1.
   * Node: {@code buf.lastIndexOf(string, encoding)}.
   *
   * @param value the text
   * @param encoding the encoding of {@code value}, or null for UTF-8
   * @return the index, or -1
   */
  public int lastIndexOf(String value, String encoding) {
    return indexOfString(value, length, encoding, false);
  }

  /**
   * Returns the last index of {@code value} in {@code encoding} at or before
   * {@code byteOffset}, or -1. Node: {@code buf.lastIndexOf(string, byteOffset, encoding)}.
   *
   * @param value the text
   * @param byteOffset where to start looking back; negative counts from the end
   * @param encoding the encoding of {@code value}, or null for UTF-8
   * @return the index, or -1
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING}
   */
  public int lastIndexOf(String value, int byteOffset, String encoding) {
    return indexOfString(value, byteOffset, encoding, false);
  }

  /**
   * Returns the last index of {@code value}'s bytes, or -1. Node: {@code buf.lastIndexOf(buffer)}.
   *
   * @param value the bytes
   * @return the index, or -1
   */
  public int lastIndexOf(Buffer value) {
    return indexOfBuffer(value, length, null, false);
  }

  /**
   * Returns the last index of {@code value}'s bytes at or before {@code byteOffset}, or -1.
   * Node: {@code buf.lastIndexOf(buffer, byteOffset)}.
   *
   * @param value the bytes
   * @param byteOffset where to start looking back; negative counts from the end
   * @return the index, or -1
   */
  public int lastIndexOf(Buffer value, int byteOffset) {
    return indexOfBuffer(value, byteOffset, null, false);
  }

  /**
   * As {@link #lastIndexOf(Buffer, int)}; with {@code utf16le} only even indexes match.
   * Node: {@code buf.lastIndexOf(buffer, byteOffset, encoding)}.
   *
   * @param value the bytes
   * @param byteOffset where to start looking back
   * @param encoding the encoding (only utf16le changes anything)
   * @return the index, or -1
   */
  public int lastIndexOf(Buffer value, int byteOffset, String encoding) {
    return indexOfBuffer(value, byteOffset, encoding, false);
  }

  /**
   * Returns the last index of the byte {@code value & 0xff}, or -1.
   * Node: {@code buf.lastIndexOf(number)}.
   *
   * @param value the byte value
   * @return the index, or -1
   */
  public int lastIndexOf(int value) {
    return ByteSearch.indexOf(bytes(), offset, length, value, length, false);
  }

  /**
   * Returns the last index of the byte at or before {@code byteOffset}, or -1.
   * Node: {@code buf.lastIndexOf(number, byteOffset)}.
   *
   * @param value the byte value
   * @param byteOffset where to start looking back; negative counts from the end
   * @return the index, or -1
   */
  public int lastIndexOf(int value, int byteOffset) {
    return ByteSearch.indexOf(bytes(), offset, length, value, byteOffset, false);
  }

  /**
   * Returns whether {@code value} occurs as UTF-8. Node: {@code buf.includes(string)}.
   *
   * @param value the text
   * @return true if found
   */
  public boolean includes(String value) {
    return indexOf(value) != -1;
  }

  /**
   * Returns whether {@code value} occurs at or after {@code byteOffset}.
   * Node: {@code buf.includes(string, byteOffset)}.
   *
   * @param value the text
   * @param byteOffset where to start
   * @return true if found
   */
  public boolean includes(String value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /**
   * Returns whether {@code value} occurs in {@code encoding}. Node: {@code buf.includes(string, encoding)}.
   *
   * @param value the text
   * @param encoding the encoding of {@code value}, or null for UTF-8
   * @return true if found
   */
  public boolean includes(String value, String encoding) {
    return indexOf(value, encoding) != -1;
  }

  /**
   * Returns whether {@code value} occurs in {@code encoding} at or after {@code byteOffset}.
   * Node: {@code buf.includes(string, byteOffset, encoding)}.
   *
   * @param value the text
   * @param byteOffset where to start
   * @param encoding the encoding of {@code value}, or null for UTF-8
   * @return true if found
   */
  public boolean includes(String value, int byteOffset, String encoding) {
    return indexOf(value, byteOffset, encoding) != -1;
  }

  /**
   * Returns whether {@code value}'s bytes occur. Node: {@code buf.includes(buffer)}.
   *
   * @param value the bytes
   * @return true if found
   */
  public boolean includes(Buffer value) {
    return indexOf(value) != -1;
  }

  /**
   * Returns whether {@code value}'s bytes occur at or after {@code byteOffset}.
   * Node: {@code buf.includes(buffer, byteOffset)}.
   *
   * @param value the bytes
   * @param byteOffset where to start
   * @return true if found
   */
  public boolean includes(Buffer value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /**
   * As {@link #includes(Buffer, int)} with an encoding. Node: {@code buf.includes(buffer,
   * byteOffset, encoding)}.
   *
   * @param value the bytes
   * @param byteOffset where to start
   * @param encoding the encoding (only utf16le changes anything)
   * @return true if found
   */
  public boolean includes(Buffer value, int byteOffset, String encoding) {
    return indexOf(value, byteOffset, encoding) != -1;
  }

  /**
   * Returns whether the byte {@code value & 0xff} occurs. Node: {@code buf.includes(number)}.
   *
   * @param value the byte value
   * @return true if found
   */
  public boolean includes(int value) {
    return indexOf(value) != -1;
  }

  /**
   * Returns whether the byte occurs at or after {@code byteOffset}.
   * Node: {@code buf.includes(number, byteOffset)}.
   *
   * @param value the byte value
   * @param byteOffset where to start
   * @return true if found
   */
  public boolean includes(int value, int byteOffset) {
    return indexOf(value, byteOffset) != -1;
  }

  /** Node: bidirectionalIndexOf() with a string, then IndexOfString()/IndexOfBuffer(). */
  private int indexOfString(String value, int byteOffset, String encoding, boolean forward) {
    Encoding enc = Encoding.ops(encoding);
    byte[] needle;
    int hLen = length;
    boolean ucs2 = false;
    switch (enc) {
      case UTF8:
        needle = Utf8.encode(value);
        break;
      case UTF16LE:
        needle = Ucs2.encode(value);
        hLen &= ~1; // IndexOfString rounds the haystack down to whole units
        ucs2 = true;
        break;
      case LATIN1:
        needle = OneByte.encode(value);
        break;
      default: // ascii, base64, base64url, hex: Buffer.from(value, encoding), then IndexOfBuffer
        needle = enc.encode(value);
        break;
    }
    return ByteSearch.indexOf(bytes(), offset, hLen, needle, 0, needle.length, byteOffset, ucs2, forward);
  }

  private int indexOfBuffer(Buffer value, int byteOffset, String encoding, boolean forward) {
    // An unknown encoding is not an error with a Buffer needle: Node falls back to utf8.
    boolean ucs2 = Encoding.lookup(encoding) == Encoding.UTF16LE;
    return ByteSearch.indexOf(bytes(), offset, length, value.bytes(), value.offset, value.length,
        byteOffset, ucs2, forward);
  }

  // ---- byte order --------------------------------------------------------------------------

  /**
   * Swaps the byte order of each 16-bit unit in place. Node: {@code buf.swap16()}.
   *
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_INVALID_BUFFER_SIZE} unless the length is even
   */
  public Buffer swap16() {
    if (length % 2 != 0) {
      throw BufferErrors.invalidBufferSize("16-bits");
    }
    for (int i = offset, end = offset + length; i < end; i += 2) {
      SHORT_LE.set(bytes(), i, (short) SHORT_BE.get(bytes(), i));
    }
    return this;
  }

  /**
   * Swaps the byte order of each 32-bit unit in place. Node: {@code buf.swap32()}.
   *
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_INVALID_BUFFER_SIZE} unless the length is a multiple of 4
   */
  public Buffer swap32() {
    if (length % 4 != 0) {
      throw BufferErrors.invalidBufferSize("32-bits");
    }
    for (int i = offset, end = offset + length; i < end; i += 4) {
      INT_LE.set(bytes(), i, (int) INT_BE.get(bytes(), i));
    }
    return this;
  }

  /**
   * Swaps the byte order of each 64-bit unit in place. Node: {@code buf.swap64()}.
   *
   * @return this Buffer
   * @throws dev.nodus.NodeError {@code ERR_INVALID_BUFFER_SIZE} unless the length is a multiple of 8
   */
  public Buffer swap64() {
    if (length % 8 != 0) {
      throw BufferErrors.invalidBufferSize("64-bits");
    }
    for (int i = offset, end = offset + length; i < end; i += 8) {
      LONG_LE.set(bytes(), i, (long) LONG_BE.get(bytes(), i));
    }
    return this;
  }

  /**
   * Returns how Node's {@code util.inspect()} shows this Buffer: {@code <Buffer 68 69>}, at most
   * 50 bytes then {@code ... N more bytes}.
   *
   * @return the text
   */
  public String inspect() {
    return Inspect.buffer(this);
  }

  // ---- numbers: reads ----------------------------------------------------------------------

  /** Node: the bounds check of the read*() functions in lib/internal/buffer.js. */
  private int at(int offset, int size) {
    if (offset < 0 || offset > length - size) {
      throw BufferErrors.boundsError(offset, length - size);
    }
    return this.offset + offset;
  }

  /**
   * Reads an unsigned 8-bit integer. Node: {@code buf.readUInt8(offset)}.
   *
   * @param offset where to read; {@code 0 <= offset <= length() - 1}
   * @return 0 to 255
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} or {@code ERR_BUFFER_OUT_OF_BOUNDS}
   */
  public int readUInt8(int offset) {
    return bytes()[at(offset, 1)] & 0xff;
  }

  /**
   * Reads a signed 8-bit integer. Node: {@code buf.readInt8(offset)}.
   *
   * @param offset where to read
   * @return -128 to 127
   */
  public int readInt8(int offset) {
    return bytes()[at(offset, 1)];
  }

  /**
   * Reads an unsigned little-endian 16-bit integer. Node: {@code buf.readUInt16LE(offset)}.
   *
   * @param offset where to read; {@code 0 <= offset <= length() - 2}
   * @return 0 to 65535
   */
  public int readUInt16LE(int offset) {
    return (short) SHORT_LE.get(bytes(), at(offset, 2)) & 0xffff;
  }

  /**
   * Reads an unsigned big-endian 16-bit integer. Node: {@code buf.readUInt16BE(offset)}.
   *
   * @param offset where to read
   * @return 0 to 65535
   */
  public int readUInt16BE(int offset) {
    return (short) SHORT_BE.get(bytes(), at(offset, 2)) & 0xffff;
  }

  /**
   * Reads a signed little-endian 16-bit integer. Node: {@code buf.readInt16LE(offset)}.
   *
   * @param offset where to read
   * @return -32768 to 32767
   */
  public int readInt16LE(int offset) {
    return (short) SHORT_LE.get(bytes(), at(offset, 2));
  }

  /**
   * Reads a signed big-endian 16-bit integer. Node: {@code buf.readInt16BE(offset)}.
   *
   * @param offset where to read
   * @return -32768 to 32767
   */
  public int readInt16BE(int offset) {
    return (short) SHORT_BE.get(bytes(), at(offset, 2));
  }

  /**
   * Reads an unsigned little-endian 32-bit integer. Node: {@code buf.readUInt32LE(offset)}.
   *
   * @param offset where to read; {@code 0 <= offset <= length() - 4}
   * @return 0 to 4294967295
   */
  public long readUInt32LE(int offset) {
    return (int) INT_LE.get(bytes(), at(offset, 4)) & 0xffffffffL;
  }

  /**
   * Reads an unsigned big-endian 32-bit integer. Node: {@code buf.readUInt32BE(offset)}.
   *
   * @param offset where to read
   * @return 0 to 4294967295
   */
  public long readUInt32BE(int offset) {
    return (int) INT_BE.get(bytes(), at(offset, 4)) & 0xffffffffL;
  }

  /**
   * Reads a signed little-endian 32-bit integer. Node: {@code buf.readInt32LE(offset)}.
   *
   * @param offset where to read
   * @return the value
   */
  public int readInt32LE(int offset) {
    return (int) INT_LE.get(bytes(), at(offset, 4));
  }

  /**
   * Reads a signed big-endian 32-bit integer. Node: {@code buf.readInt32BE(offset)}.
   *
   * @param offset where to read
   * @return the value
   */
  public int readInt32BE(int offset) {
    return (int) INT_BE.get(bytes(), at(offset, 4));
  }

  /**
   * Reads a little-endian 32-bit float, widened to double as Node's Number.
   * Node: {@code buf.readFloatLE(offset)}.
   *
   * @param offset where to read
   * @return the value
   */
  public double readFloatLE(int offset) {
    return Float.intBitsToFloat((int) INT_LE.get(bytes(), at(offset, 4)));
  }

  /**
   * Reads a big-endian 32-bit float. Node: {@code buf.readFloatBE(offset)}.
   *
   * @param offset where to read
   * @return the value
   */
  public double readFloatBE(int offset) {
    return Float.intBitsToFloat((int) INT_BE.get(bytes(), at(offset, 4)));
  }

  /**
   * Reads a little-endian 64-bit double. Node: {@code buf.readDoubleLE(offset)}.
   *
   * @param offset where to read; {@code 0 <= offset <= length() - 8}
   * @return the value
   */
  public double readDoubleLE(int offset) {
    return Double.longBitsToDouble((long) LONG_LE.get(bytes(), at(offset, 8)));
  }

  /**
   * Reads a big-endian 64-bit double. Node: {@code buf.readDoubleBE(offset)}.
   *
   * @param offset where to read
   * @return the value
   */
  public double readDoubleBE(int offset) {
    return Double.longBitsToDouble((long) LONG_BE.get(bytes(), at(offset, 8)));
  }

  /**
   * Reads a signed little-endian 64-bit integer. Node: {@code buf.readBigInt64LE(offset)}.
   *
   * @param offset where to read
   * @return the value
   */
  public BigInteger readBigInt64LE(int offset) {
    return BigInteger.valueOf((long) LONG_LE.get(bytes(), at(offset, 8)));
  }

  /**
   * Reads a signed big-endian 64-bit integer. Node: {@code buf.readBigInt64BE(offset)}.
   *
   * @param offset where to read
   * @return the value
   */
  public BigInteger readBigInt64BE(int offset) {
    return BigInteger.valueOf((long) LONG_BE.get(bytes(), at(offset, 8)));
  }

  /**
   * Reads an unsigned little-endian 64-bit integer. Node: {@code buf.readBigUInt64LE(offset)}.
   *
   * @param offset where to read
   * @return 0 to 2^64 - 1
   */
  public BigInteger readBigUInt64LE(int offset) {
    return unsigned((long) LONG_LE.get(bytes(), at(offset, 8)));
  }

  /**
   * Reads an unsigned big-endian 64-bit integer. Node: {@code buf.readBigUInt64BE(offset)}.
   *
   * @param offset where to read
   * @return 0 to 2^64 - 1
   */
  public BigInteger readBigUInt64BE(int offset) {
    return unsigned((long) LONG_BE.get(bytes(), at(offset, 8)));
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v);
    return v < 0 ? b.add(TWO_64) : b;
  }

  /**
   * Reads an unsigned little-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.readUIntLE(offset, byteLength)}.
   *
   * @param offset where to read
   * @param byteLength 1 to 6
   * @return the value
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} for a bad {@code byteLength} or offset
   */
  public long readUIntLE(int offset, int byteLength) {
    int p = at(offset, checkByteLength(byteLength));
    long v = 0;
    for (int i = byteLength - 1; i >= 0; i--) {
      v = v << 8 | (bytes()[p + i] & 0xff);
    }
    return v;
  }

  /**
   * Reads an unsigned big-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.readUIntBE(offset, byteLength)}.
   *
   * @param offset where to read
   * @param byteLength 1 to 6
   * @return the value
   */
  public long readUIntBE(int offset, int byteLength) {
    int p = at(offset, checkByteLength(byteLength));
    long v = 0;
    for (int i = 0; i < byteLength; i++) {
      v = v << 8 | (bytes()[p + i] & 0xff);
    }
    return v;
  }

  /**
   * Reads a signed little-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.readIntLE(offset, byteLength)}.
   *
   * @param offset where to read
   * @param byteLength 1 to 6
   * @return the value
   */
  public long readIntLE(int offset, int byteLength) {
    int shift = 64 - 8 * byteLength;
    return readUIntLE(offset, byteLength) << shift >> shift;
  }

  /**
   * Reads a signed big-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.readIntBE(offset, byteLength)}.
   *
   * @param offset where to read
   * @param byteLength 1 to 6
   * @return the value
   */
  public long readIntBE(int offset, int byteLength) {
    int shift = 64 - 8 * byteLength;
    return readUIntBE(offset, byteLength) << shift >> shift;
  }

  /** Node: {@code boundsError(byteLength, 6, 'byteLength')}. */
  private static int checkByteLength(int byteLength) {
    if (byteLength < 1 || byteLength > 6) {
      throw BufferErrors.outOfRange("byteLength", ">= 1 and <= 6", byteLength);
    }
    return byteLength;
  }

  // ---- numbers: writes ---------------------------------------------------------------------

  /** Node: checkInt() in lib/internal/buffer.js: the value's range first, then the bounds. */
  private int checkInt(long value, long min, long max, int offset, int size) {
    if (value > max || value < min) {
      String range;
      if (size > 4) {
        int bits = size * 8;
        range = min == 0 ? ">= 0 and < 2 ** " + bits
            : ">= -(2 ** " + (bits - 1) + ") and < 2 ** " + (bits - 1);
      } else {
        range = ">= " + min + " and <= " + max;
      }
      throw BufferErrors.outOfRange("value", range, value);
    }
    return at(offset, size);
  }

  /**
   * Writes an unsigned 8-bit integer. Node: {@code buf.writeUInt8(value, offset)}.
   *
   * @param value 0 to 255
   * @param offset where to write
   * @return {@code offset + 1}
   * @throws dev.nodus.NodeError {@code ERR_OUT_OF_RANGE} for a value or offset out of range;
   *     {@code ERR_BUFFER_OUT_OF_BOUNDS}
   */
  public int writeUInt8(long value, int offset) {
    bytes()[checkInt(value, 0, 0xff, offset, 1)] = (byte) value;
    return offset + 1;
  }

  /**
   * Writes a signed 8-bit integer. Node: {@code buf.writeInt8(value, offset)}.
   *
   * @param value -128 to 127
   * @param offset where to write
   * @return {@code offset + 1}
   */
  public int writeInt8(long value, int offset) {
    bytes()[checkInt(value, -0x80, 0x7f, offset, 1)] = (byte) value;
    return offset + 1;
  }

  /**
   * Writes an unsigned little-endian 16-bit integer. Node: {@code buf.writeUInt16LE(value, offset)}.
   *
   * @param value 0 to 65535
   * @param offset where to write
   * @return {@code offset + 2}
   */
  public int writeUInt16LE(long value, int offset) {
    SHORT_LE.set(bytes(), checkInt(value, 0, 0xffff, offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Writes an unsigned big-endian 16-bit integer. Node: {@code buf.writeUInt16BE(value, offset)}.
   *
   * @param value 0 to 65535
   * @param offset where to write
   * @return {@code offset + 2}
   */
  public int writeUInt16BE(long value, int offset) {
    SHORT_BE.set(bytes(), checkInt(value, 0, 0xffff, offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Writes a signed little-endian 16-bit integer. Node: {@code buf.writeInt16LE(value, offset)}.
   *
   * @param value -32768 to 32767
   * @param offset where to write
   * @return {@code offset + 2}
   */
  public int writeInt16LE(long value, int offset) {
    SHORT_LE.set(bytes(), checkInt(value, -0x8000, 0x7fff, offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Writes a signed big-endian 16-bit integer. Node: {@code buf.writeInt16BE(value, offset)}.
   *
   * @param value -32768 to 32767
   * @param offset where to write
   * @return {@code offset + 2}
   */
  public int writeInt16BE(long value, int offset) {
    SHORT_BE.set(bytes(), checkInt(value, -0x8000, 0x7fff, offset, 2), (short) value);
    return offset + 2;
  }

  /**
   * Writes an unsigned little-endian 32-bit integer. Node: {@code buf.writeUInt32LE(value, offset)}.
   *
   * @param value 0 to 4294967295
   * @param offset where to write
   * @return {@code offset + 4}
   */
  public int writeUInt32LE(long value, int offset) {
    INT_LE.set(bytes(), checkInt(value, 0, 0xffffffffL, offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Writes an unsigned big-endian 32-bit integer. Node: {@code buf.writeUInt32BE(value, offset)}.
   *
   * @param value 0 to 4294967295
   * @param offset where to write
   * @return {@code offset + 4}
   */
  public int writeUInt32BE(long value, int offset) {
    INT_BE.set(bytes(), checkInt(value, 0, 0xffffffffL, offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Writes a signed little-endian 32-bit integer. Node: {@code buf.writeInt32LE(value, offset)}.
   *
   * @param value -2147483648 to 2147483647
   * @param offset where to write
   * @return {@code offset + 4}
   */
  public int writeInt32LE(long value, int offset) {
    INT_LE.set(bytes(), checkInt(value, Integer.MIN_VALUE, Integer.MAX_VALUE, offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Writes a signed big-endian 32-bit integer. Node: {@code buf.writeInt32BE(value, offset)}.
   *
   * @param value -2147483648 to 2147483647
   * @param offset where to write
   * @return {@code offset + 4}
   */
  public int writeInt32BE(long value, int offset) {
    INT_BE.set(bytes(), checkInt(value, Integer.MIN_VALUE, Integer.MAX_VALUE, offset, 4), (int) value);
    return offset + 4;
  }

  /**
   * Writes an unsigned little-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.writeUIntLE(value, offset, byteLength)}.
   *
   * @param value 0 to 2^(8 * byteLength) - 1
   * @param offset where to write
   * @param byteLength 1 to 6
   * @return {@code offset + byteLength}
   */
  public int writeUIntLE(long value, int offset, int byteLength) {
    int n = checkByteLength(byteLength);
    int p = checkInt(value, 0, (1L << (8 * n)) - 1, offset, n);
    for (int i = 0; i < n; i++) {
      bytes()[p + i] = (byte) (value >> (8 * i));
    }
    return offset + n;
  }

  /**
   * Writes an unsigned big-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.writeUIntBE(value, offset, byteLength)}.
   *
   * @param value 0 to 2^(8 * byteLength) - 1
   * @param offset where to write
   * @param byteLength 1 to 6
   * @return {@code offset + byteLength}
   */
  public int writeUIntBE(long value, int offset, int byteLength) {
    int n = checkByteLength(byteLength);
    int p = checkInt(value, 0, (1L << (8 * n)) - 1, offset, n);
    for (int i = 0; i < n; i++) {
      bytes()[p + n - 1 - i] = (byte) (value >> (8 * i));
    }
    return offset + n;
  }

  /**
   * Writes a signed little-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.writeIntLE(value, offset, byteLength)}.
   *
   * @param value -2^(8 * byteLength - 1) to 2^(8 * byteLength - 1) - 1
   * @param offset where to write
   * @param byteLength 1 to 6
   * @return {@code offset + byteLength}
   */
  public int writeIntLE(long value, int offset, int byteLength) {
    int n = checkByteLength(byteLength);
    long max = (1L << (8 * n - 1)) - 1;
    int p = checkInt(value, -max - 1, max, offset, n);
    for (int i = 0; i < n; i++) {
      bytes()[p + i] = (byte) (value >> (8 * i));
    }
    return offset + n;
  }

  /**
   * Writes a signed big-endian integer of {@code byteLength} bytes (1 to 6).
   * Node: {@code buf.writeIntBE(value, offset, byteLength)}.
   *
   * @param value -2^(8 * byteLength - 1) to 2^(8 * byteLength - 1) - 1
   * @param offset where to write
   * @param byteLength 1 to 6
   * @return {@code offset + byteLength}
   */
  public int writeIntBE(long value, int offset, int byteLength) {
    int n = checkByteLength(byteLength);
    long max = (1L << (8 * n - 1)) - 1;
    int p = checkInt(value, -max - 1, max, offset, n);
    for (int i = 0; i < n; i++) {
      bytes()[p + n - 1 - i] = (byte) (value >> (8 * i));
    }
    return offset + n;
  }

  /**
   * Writes a little-endian 32-bit float, rounding {@code value} to the nearest float.
   * Node: {@code buf.writeFloatLE(value, offset)}.
   *
   * @param value the value
   * @param offset where to write
   * @return {@code offset + 4}
   */
  public int writeFloatLE(double value, int offset) {
    INT_LE.set(bytes(), at(offset, 4), Float.floatToRawIntBits((float) value));
    return offset + 4;
  }

  /**
   * Writes a big-endian 32-bit float. Node: {@code buf.writeFloatBE(value, offset)}.
   *
   * @param value the value
   * @param offset where to write
   * @return {@code offset + 4}
   */
  public int writeFloatBE(double value, int offset) {
    INT_BE.set(bytes(), at(offset, 4), Float.floatToRawIntBits((float) value));
    return offset + 4;
  }

  /**
   * Writes a little-endian 64-bit double. Node: {@code buf.writeDoubleLE(value, offset)}.
   *
   * @param value the value
   * @param offset where to write
   * @return {@code offset + 8}
   */
  public int writeDoubleLE(double value, int offset) {
    LONG_LE.set(bytes(), at(offset, 8), Double.doubleToRawLongBits(value));
    return offset + 8;
  }

  /**
   * Writes a big-endian 64-bit double. Node: {@code buf.writeDoubleBE(value, offset)}.
   *
   * @param value the value
   * @param offset where to write
   * @return {@code offset + 8}
   */
  public int writeDoubleBE(double value, int offset) {
    LONG_BE.set(bytes(), at(offset, 8), Double.doubleToRawLongBits(value));
    return offset + 8;
  }

  /** Node: checkInt() with bigint bounds. */
  private int checkBigInt(BigInteger value, boolean signed, int offset) {
    if (value.compareTo(signed ? I64_MIN : BigInteger.ZERO) < 0
        || value.compareTo(signed ? I64_MAX : U64_MAX) > 0) {
      String range = signed ? ">= -(2n ** 63n) and < 2n ** 63n" : ">= 0n and < 2n ** 64n";
      throw BufferErrors.outOfRange("value", range, BufferErrors.received(value));
    }
    return at(offset, 8);
  }

  /**
   * Writes a signed little-endian 64-bit integer. Node: {@code buf.writeBigInt64LE(value, offset)}.
   *
   * @param value -2^63 to 2^63 - 1
   * @param offset where to write
   * @return {@code offset + 8}
   */
  public int writeBigInt64LE(BigInteger value, int offset) {
    LONG_LE.set(bytes(), checkBigInt(value, true, offset), value.longValue());
    return offset + 8;
  }

  /**
   * Writes a signed big-endian 64-bit integer. Node: {@code buf.writeBigInt64BE(value, offset)}.
   *
   * @param value -2^63 to 2^63 - 1
   * @param offset where to write
   * @return {@code offset + 8}
   */
  public int writeBigInt64BE(BigInteger value, int offset) {
    LONG_BE.set(bytes(), checkBigInt(value, true, offset), value.longValue());
    return offset + 8;
  }

  /**
   * Writes an unsigned little-endian 64-bit integer. Node: {@code buf.writeBigUInt64LE(value, offset)}.
   *
   * @param value 0 to 2^64 - 1
   * @param offset where to write
   * @return {@code offset + 8}
   */
  public int writeBigUInt64LE(BigInteger value, int offset) {
    LONG_LE.set(bytes(), checkBigInt(value, false, offset), value.longValue());
    return offset + 8;
  }

  /**
   * Writes an unsigned big-endian 64-bit integer. Node: {@code buf.writeBigUInt64BE(value, offset)}.
   *
   * @param value 0 to 2^64 - 1
   * @param offset where to write
   * @return {@code offset + 8}
   */
  public int writeBigUInt64BE(BigInteger value, int offset) {
    LONG_BE.set(bytes(), checkBigInt(value, false, offset), value.longValue());
    return offset + 8;
  }
}
