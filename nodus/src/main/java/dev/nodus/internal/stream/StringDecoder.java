package dev.nodus.internal.stream;

import dev.nodus.buffer.Buffer;
import dev.nodus.buffer.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Node's {@code StringDecoder}: turns a sequence of Buffers into strings without splitting a
 * multi-byte character (UTF-8), a UTF-16 code unit or surrogate pair (utf16le), or a 3-byte
 * group (base64) across chunks. Node: lib/string_decoder.js over src/string_decoder.cc, whose
 * {@code DecodeData}/{@code FlushData} this follows byte for byte, so replacement characters
 * appear exactly where Node puts them.
 */
public final class StringDecoder {
  private static final HexFormat HEX = HexFormat.of();

  private final Encoding encoding;
  /** The bytes of an incomplete character kept for the next write (at most 4). */
  private final byte[] incomplete = new byte[4];
  private int buffered;
  private int missing;

  /**
   * Creates a decoder. Node: {@code new StringDecoder(encoding)}.
   *
   * @param encoding an encoding name; null means utf8
   */
  public StringDecoder(String encoding) {
    this.encoding = Encoding.of(encoding == null ? "utf8" : encoding);
  }

  /**
   * Returns Node's canonical name of the encoding, as {@code decoder.encoding}.
   *
   * @return such as {@code "utf8"}
   */
  public String encoding() {
    return encoding.nodeName();
  }

  /**
   * Decodes {@code buf}, keeping an incomplete trailing character for later. Node:
   * {@code decoder.write(buf)}.
   *
   * @param buf the bytes
   * @return the decoded text, possibly empty
   */
  public String write(Buffer buf) {
    return decode(buf.buffer(), buf.byteOffset(), buf.length());
  }

  /**
   * Returns whatever is left (an incomplete character becomes U+FFFD). Node:
   * {@code decoder.end()}.
   *
   * @return the text, possibly empty
   */
  public String end() {
    return flush();
  }

  private boolean multiByte() {
    return encoding == Encoding.UTF8 || encoding == Encoding.UTF16LE
        || encoding == Encoding.BASE64 || encoding == Encoding.BASE64URL;
  }

  private String decode(byte[] data, int off, int nread) {
    if (!multiByte()) {
      return make(data, off, nread);
    }
    String prepend = null;
    if (missing > 0) {
      if (encoding == Encoding.UTF8) {
        // A non-continuation byte ends the incomplete character early; V8 then replaces it.
        for (int i = 0; i < nread && i < missing; i++) {
          if ((data[off + i] & 0xC0) != 0x80) {
            missing = 0;
            System.arraycopy(data, off, incomplete, buffered, i);
            buffered += i;
            off += i;
            nread -= i;
            break;
          }
        }
      }
      int found = Math.min(nread, missing);
      System.arraycopy(data, off, incomplete, buffered, found);
      off += found;
      nread -= found;
      missing -= found;
      buffered += found;
      if (missing == 0) {
        prepend = make(incomplete, 0, buffered);
        buffered = 0;
      }
    }
    String body;
    if (nread == 0) {
      body = prepend != null ? prepend : "";
      prepend = null;
    } else {
      if (encoding == Encoding.UTF8 && (data[off + nread - 1] & 0x80) != 0) {
        for (int i = nread - 1; ; i--) {
          buffered++;
          int b = data[off + i] & 0xFF;
          if ((b & 0xC0) == 0x80) {
            if (buffered >= 4 || i == 0) {
              buffered = 0;
              break;
            }
          } else {
            if ((b & 0xE0) == 0xC0) {
              missing = 2;
            } else if ((b & 0xF0) == 0xE0) {
              missing = 3;
            } else if ((b & 0xF8) == 0xF0) {
              missing = 4;
            } else {
              buffered = 0;
              break;
            }
            if (buffered >= missing) {
              missing = 0;
              buffered = 0;
            }
            missing -= buffered;
            break;
          }
        }
      } else if (encoding == Encoding.UTF16LE) {
        if ((nread % 2) == 1) {
          buffered = 1;
          missing = 1;
        } else if ((data[off + nread - 1] & 0xFC) == 0xD8) {
          buffered = 2;
          missing = 2;
        }
      } else if (encoding == Encoding.BASE64 || encoding == Encoding.BASE64URL) {
        buffered = nread % 3;
        if (buffered > 0) {
          missing = 3 - buffered;
        }
      }
      if (buffered > 0) {
        nread -= buffered;
        System.arraycopy(data, off + nread, incomplete, 0, buffered);
      }
      body = nread > 0 ? make(data, off, nread) : "";
    }
    return prepend == null ? body : prepend.concat(body);
  }

  private String flush() {
    if (encoding == Encoding.UTF16LE && buffered % 2 == 1) {
      // Ignore a single trailing byte, like the JS decoder does.
      missing--;
      buffered--;
    }
    if (buffered == 0) {
      return "";
    }
    String ret = make(incomplete, 0, buffered);
    missing = 0;
    buffered = 0;
    return ret;
  }

  private String make(byte[] data, int off, int len) {
    switch (encoding) {
      case UTF8:
        return new String(data, off, len, StandardCharsets.UTF_8);
      case UTF16LE: {
        // By hand: the JDK's UTF_16LE replaces lone surrogates, which Node keeps.
        char[] c = new char[len >> 1];
        for (int i = 0; i < c.length; i++) {
          c[i] = (char) ((data[off + 2 * i] & 0xFF) | (data[off + 2 * i + 1] & 0xFF) << 8);
        }
        return new String(c);
      }
      case LATIN1:
        return new String(data, off, len, StandardCharsets.ISO_8859_1);
      case ASCII: {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
          c[i] = (char) (data[off + i] & 0x7f);
        }
        return new String(c);
      }
      case HEX:
        return HEX.formatHex(data, off, off + len);
      case BASE64:
        return Base64.getEncoder().encodeToString(slice(data, off, len));
      case BASE64URL:
        return Base64.getUrlEncoder().withoutPadding().encodeToString(slice(data, off, len));
      default:
        throw new IllegalStateException(encoding.toString());
    }
  }

  private static byte[] slice(byte[] data, int off, int len) {
    if (off == 0 && len == data.length) {
      return data;
    }
    byte[] b = new byte[len];
    System.arraycopy(data, off, b, 0, len);
    return b;
  }
}
