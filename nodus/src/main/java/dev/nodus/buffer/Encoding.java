package dev.nodus.buffer;

import dev.nodus.internal.buffer.Base64Codec;
import dev.nodus.internal.buffer.Hex;
import dev.nodus.internal.buffer.OneByte;
import dev.nodus.internal.buffer.Ucs2;
import dev.nodus.internal.buffer.Utf8;
import java.util.Locale;

/**
 * Node's character encodings for Buffers and strings, byte for byte as Node v20 converts them.
 * Node: the {@code encoding} argument of {@code Buffer.from}, {@code buf.toString} and streams.
 *
 * <ul>
 *   <li>{@link #UTF8}: invalid input decodes to U+FFFD per maximal invalid subpart (WHATWG);
 *       a lone surrogate encodes as U+FFFD.
 *   <li>{@link #UTF16LE}: raw code units; lone surrogates survive; an odd final byte is ignored.
 *   <li>{@link #LATIN1}: one char per byte; encoding keeps each char's low 8 bits.
 *   <li>{@link #ASCII}: as latin1, but decoding clears each byte's high bit.
 *   <li>{@link #BASE64}, {@link #BASE64URL}: decoding accepts both alphabets, skips other
 *       characters and stops at the first {@code '='}; base64url output has no padding.
 *   <li>{@link #HEX}: lower-case output; decoding stops at the first pair that is not hex.
 * </ul>
 *
 * <p>Threading: immutable, safe for concurrent use.
 */
public enum Encoding {
  /** UTF-8, Node's default ({@code 'utf8'}, {@code 'utf-8'}). */
  UTF8("utf8"),
  /** UTF-16 little-endian ({@code 'utf16le'}, {@code 'utf-16le'}, {@code 'ucs2'}, {@code 'ucs-2'}). */
  UTF16LE("utf16le"),
  /** One byte per char, the low 8 bits ({@code 'latin1'}, {@code 'binary'}). */
  LATIN1("latin1"),
  /** 7-bit ASCII ({@code 'ascii'}). */
  ASCII("ascii"),
  /** Base64 ({@code 'base64'}). */
  BASE64("base64"),
  /** URL-safe Base64 without padding ({@code 'base64url'}). */
  BASE64URL("base64url"),
  /** Two hex digits per byte ({@code 'hex'}). */
  HEX("hex");

  private final String nodeName;

  Encoding(String nodeName) {
    this.nodeName = nodeName;
  }

  /**
   * Returns Node's canonical name, such as {@code "utf8"}: the value of a StringDecoder's
   * {@code encoding} property. Node: {@code normalizeEncoding()}.
   *
   * @return the name
   */
  public String nodeName() {
    return nodeName;
  }

  /**
   * Looks up an encoding by any of Node's names, ignoring case; null and {@code ""} mean UTF-8,
   * as in Node's {@code normalizeEncoding()} (used by {@code buf.fill}, {@code Buffer.from},
   * {@code buf.write} and {@code StringDecoder}).
   *
   * @param name the name, such as {@code "UTF-8"} or {@code "binary"}, or null
   * @return the encoding
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING} (a TypeError) for an unknown name
   */
  public static Encoding of(String name) {
    if (name == null || name.isEmpty()) {
      return UTF8;
    }
    Encoding e = lookup(name);
    if (e == null) {
      throw BufferErrors.unknownEncoding(name);
    }
    return e;
  }

  /**
   * Node's {@code getEncodingOps()} as {@code buf.toString()} and {@code buf.indexOf()} use it:
   * null (undefined) is UTF-8 but {@code ""} is unknown.
   */
  static Encoding ops(String name) {
    Encoding e = lookup(name);
    if (e == null) {
      throw BufferErrors.unknownEncoding(name);
    }
    return e;
  }

  /**
   * Returns whether {@code name} names an encoding. Node: {@code Buffer.isEncoding(name)}.
   *
   * @param name the name
   * @return true if known; false for null and {@code ""}
   */
  public static boolean isEncoding(String name) {
    return name != null && lookup(name) != null;
  }

  /** Node's {@code getEncodingOps()}/{@code normalizeEncoding()}: null is UTF-8, unknown is null. */
  static Encoding lookup(String name) {
    if (name == null) {
      return UTF8;
    }
    switch (name.length() > 9 ? "" : name.toLowerCase(Locale.ROOT)) {
      case "utf8":
      case "utf-8":
        return UTF8;
      case "utf16le":
      case "utf-16le":
      case "ucs2":
      case "ucs-2":
        return UTF16LE;
      case "latin1":
      case "binary":
        return LATIN1;
      case "ascii":
        return ASCII;
      case "base64":
        return BASE64;
      case "base64url":
        return BASE64URL;
      case "hex":
        return HEX;
      default:
        return null;
    }
  }

  /**
   * Encodes {@code s} into new bytes, exactly as Node's {@code Buffer.from(s, encoding)}.
   *
   * @param s the text
   * @return the bytes
   */
  public byte[] encode(String s) {
    switch (this) {
      case UTF8:
        return Utf8.encode(s);
      case UTF16LE:
        return Ucs2.encode(s);
      case LATIN1:
      case ASCII:
        return OneByte.encode(s);
      case BASE64:
      case BASE64URL:
        return Base64Codec.decode(s);
      case HEX:
        return Hex.decode(s);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Returns how many bytes Node reserves for {@code s}: exact for utf8, utf16le, latin1 and
   * ascii; for base64 an upper bound computed from the length and padding only; for hex half the
   * length. Node: {@code Buffer.byteLength(s, encoding)}.
   *
   * @param s the text
   * @return the number of bytes
   */
  public int byteLength(String s) {
    switch (this) {
      case UTF8:
        return Utf8.byteLength(s);
      case UTF16LE:
        return s.length() * 2;
      case LATIN1:
      case ASCII:
        return s.length();
      case BASE64:
      case BASE64URL:
        return Base64Codec.byteLength(s);
      case HEX:
        return s.length() >>> 1;
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Encodes {@code s} into {@code dst}, writing at most {@code maxLength} bytes and, for utf8,
   * never part of a character. Node: {@code buf.write(s, offset, length, encoding)}.
   *
   * @param s the text
   * @param dst the destination array
   * @param offset where to start writing in {@code dst}
   * @param maxLength how many bytes may be written
   * @return the number of bytes written
   */
  public int write(String s, byte[] dst, int offset, int maxLength) {
    java.util.Objects.checkFromIndexSize(offset, maxLength, dst.length);
    switch (this) {
      case UTF8:
        return Utf8.write(s, dst, offset, maxLength);
      case UTF16LE:
        return Ucs2.write(s, dst, offset, maxLength);
      case LATIN1:
      case ASCII:
        return OneByte.write(s, dst, offset, maxLength);
      case BASE64:
      case BASE64URL:
        return Base64Codec.decode(s, dst, offset, maxLength);
      case HEX:
        return Hex.decode(s, dst, offset, maxLength);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Decodes {@code length} bytes of {@code array} from {@code offset}, exactly as Node's
   * {@code buf.toString(encoding)}.
   *
   * @param array the bytes
   * @param offset where to start
   * @param length how many bytes
   * @return the text
   */
  public String decode(byte[] array, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, array.length);
    switch (this) {
      case UTF8:
        return Utf8.decode(array, offset, length);
      case UTF16LE:
        return Ucs2.decode(array, offset, length);
      case LATIN1:
        return OneByte.latin1(array, offset, length);
      case ASCII:
        return OneByte.ascii(array, offset, length);
      case BASE64:
        return Base64Codec.encode(array, offset, length, false);
      case BASE64URL:
        return Base64Codec.encode(array, offset, length, true);
      case HEX:
        return Hex.encode(array, offset, length);
      default:
        throw new AssertionError(this);
    }
  }
}
