package dev.nodus.buffer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Node's character encodings for Buffers and strings.
 * Node: the {@code encoding} argument of {@code Buffer.from}, {@code buf.toString} and streams.
 */
public enum Encoding {
  /** UTF-8, Node's default ({@code 'utf8'}, {@code 'utf-8'}). */
  UTF8("utf8"),
  /** UTF-16 little-endian ({@code 'utf16le'}, {@code 'ucs2'}). */
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
   * Returns Node's canonical name, such as {@code "utf8"}.
   *
   * @return the name
   */
  public String nodeName() {
    return nodeName;
  }

  /**
   * Looks up an encoding by any of Node's names, ignoring case.
   *
   * @param name the name, such as {@code "UTF-8"} or {@code "binary"}
   * @return the encoding
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING} for an unknown name
   */
  public static Encoding of(String name) {
    Encoding e = lookup(name);
    if (e == null) {
      throw new dev.nodus.NodeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + name);
    }
    return e;
  }

  /**
   * Returns whether {@code name} names an encoding. Node: {@code Buffer.isEncoding(name)}.
   *
   * @param name the name
   * @return true if known
   */
  public static boolean isEncoding(String name) {
    return lookup(name) != null;
  }

  private static Encoding lookup(String name) {
    if (name == null) {
      return UTF8;
    }
    switch (name.toLowerCase(Locale.ROOT)) {
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
   * Encodes {@code s} into new bytes, as Node's {@code Buffer.from(s, encoding)}.
   *
   * @param s the text
   * @return the bytes
   */
  public byte[] encode(String s) {
    switch (this) {
      case UTF8:
        return s.getBytes(StandardCharsets.UTF_8);
      case UTF16LE:
        return s.getBytes(StandardCharsets.UTF_16LE);
      case LATIN1:
      case ASCII: {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) s.charAt(i);
        }
        return b;
      }
      default:
        throw new UnsupportedOperationException("encoding " + nodeName + " not yet implemented");
    }
  }

  /**
   * Decodes {@code length} bytes of {@code array} from {@code offset}, as Node's
   * {@code buf.toString(encoding)}.
   *
   * @param array the bytes
   * @param offset where to start
   * @param length how many bytes
   * @return the text
   */
  public String decode(byte[] array, int offset, int length) {
    switch (this) {
      case UTF8:
        return new String(array, offset, length, StandardCharsets.UTF_8);
      case UTF16LE:
        return new String(array, offset, length & ~1, StandardCharsets.UTF_16LE);
      case LATIN1:
        return new String(array, offset, length, StandardCharsets.ISO_8859_1);
      case ASCII: {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
          c[i] = (char) (array[offset + i] & 0x7f);
        }
        return new String(c);
      }
      default:
        throw new UnsupportedOperationException("encoding " + nodeName + " not yet implemented");
    }
  }
}
