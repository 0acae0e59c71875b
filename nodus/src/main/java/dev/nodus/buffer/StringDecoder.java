package dev.nodus.buffer;

import java.util.Objects;

/**
 * Decodes a stream of Buffers into strings without splitting characters across chunks.
 * Node: {@code new StringDecoder(encoding)} from {@code string_decoder}.
 *
 * <p>For utf8, utf16le, base64 and base64url, bytes that end a chunk in the middle of a
 * character (or of a 3-byte base64 group) are held back and completed by the next
 * {@link #write(Buffer)}; {@link #end()} flushes what is left, as Node does (an incomplete UTF-8
 * sequence becomes U+FFFD, a final odd utf16le byte is dropped, base64 gets its padding).
 * latin1, ascii and hex are decoded chunk by chunk. The output matches Node's
 * {@code src/string_decoder.cc} chunk for chunk, invalid input included.
 *
 * <p>Lifecycle: after {@link #end()} the decoder is empty and can be reused, as in Node.
 * Threading: not synchronized; use it from one thread (the loop) at a time.
 */
public final class StringDecoder {
  private final Encoding encoding;
  /** Node's kIncompleteCharactersStart..End: at most 4 bytes of an unfinished character. */
  private final byte[] incomplete = new byte[4];
  /** Node's kMissingBytes: how many more bytes the unfinished character needs. */
  private int missing;
  /** Node's kBufferedBytes: how many bytes of it are held in {@link #incomplete}. */
  private int buffered;

  /** Creates a UTF-8 decoder. Node: {@code new StringDecoder()}. */
  public StringDecoder() {
    this(Encoding.UTF8);
  }

  /**
   * Creates a decoder for the named encoding. Node: {@code new StringDecoder(encoding)}.
   *
   * @param encoding one of Node's encodings, or null for UTF-8
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING} for an unknown name
   */
  public StringDecoder(String encoding) {
    this(Encoding.of(encoding));
  }

  /**
   * Creates a decoder for {@code encoding}.
   *
   * @param encoding the encoding
   */
  public StringDecoder(Encoding encoding) {
    this.encoding = Objects.requireNonNull(encoding, "encoding");
  }

  /**
   * Returns the encoding. Node: {@code decoder.encoding} (whose value is
   * {@link Encoding#nodeName()}).
   *
   * @return the encoding
   */
  public Encoding encoding() {
    return encoding;
  }

  /**
   * Decodes {@code buf}, holding back a character cut at its end. Node: {@code decoder.write(buf)}.
   *
   * @param buf the next chunk
   * @return the text decoded so far; may be {@code ""}
   */
  public String write(Buffer buf) {
    byte[] data = buf.buffer();
    int p = buf.byteOffset();
    int nread = buf.length();
    if (encoding != Encoding.UTF8 && encoding != Encoding.UTF16LE
        && encoding != Encoding.BASE64 && encoding != Encoding.BASE64URL) {
      return encoding.decode(data, p, nread);
    }
    // Node: StringDecoder::DecodeData in src/string_decoder.cc, step by step.
    String prepend = null;
    if (missing > 0) {
      if (encoding == Encoding.UTF8) {
        // A byte that is not a continuation ends the unfinished character early; it is decoded
        // (to U+FFFD) on its own and the byte starts the body, as V8 would see it.
        for (int i = 0; i < nread && i < missing; i++) {
          if ((data[p + i] & 0xC0) != 0x80) {
            missing = 0;
            System.arraycopy(data, p, incomplete, buffered, i);
            buffered += i;
            p += i;
            nread -= i;
            break;
          }
        }
      }
      int found = Math.min(nread, missing);
      System.arraycopy(data, p, incomplete, buffered, found);
      p += found;
      nread -= found;
      missing -= found;
      buffered += found;
      if (missing == 0) {
        prepend = encoding.decode(incomplete, 0, buffered);
        buffered = 0;
      }
    }
    String body;
    if (nread == 0) {
      body = prepend != null ? prepend : "";
      prepend = null;
    } else {
      if (encoding == Encoding.UTF8) {
        if ((data[p + nread - 1] & 0x80) != 0) {
          holdBackUtf8(data, p, nread);
        }
      } else if (encoding == Encoding.UTF16LE) {
        if (nread % 2 == 1) {
          buffered = 1; // half a code unit
          missing = 1;
        } else if ((data[p + nread - 1] & 0xFC) == 0xD8) {
          buffered = 2; // a high surrogate: wait for its pair
          missing = 2;
        }
      } else {
        buffered = nread % 3; // base64 encodes whole 3-byte groups
        if (buffered > 0) {
          missing = 3 - buffered;
        }
      }
      if (buffered > 0) {
        nread -= buffered;
        System.arraycopy(data, p + nread, incomplete, 0, buffered);
      }
      body = nread > 0 ? encoding.decode(data, p, nread) : "";
    }
    return prepend == null ? body : prepend.concat(body);
  }

  /** Node: finds where the UTF-8 character that ends the chunk starts, and if it is cut. */
  private void holdBackUtf8(byte[] data, int p, int nread) {
    for (int i = nread - 1; ; i--) {
      buffered++;
      int b = data[p + i];
      if ((b & 0xC0) == 0x80) {
        // A continuation byte: keep looking for the lead byte, unless this can't be valid.
        if (buffered >= 4 || i == 0) {
          buffered = 0;
          return;
        }
      } else {
        if ((b & 0xE0) == 0xC0) {
          missing = 2;
        } else if ((b & 0xF0) == 0xE0) {
          missing = 3;
        } else if ((b & 0xF8) == 0xF0) {
          missing = 4;
        } else {
          buffered = 0; // not a lead byte of anything representable
          return;
        }
        if (buffered >= missing) {
          // Complete (or too long, hence invalid anyway): nothing to hold back.
          missing = 0;
          buffered = 0;
        }
        missing -= buffered;
        return;
      }
    }
  }

  /**
   * Returns what is left of an unfinished character, and resets. Node: {@code decoder.end()}.
   *
   * @return the rest; {@code ""} if nothing was held back
   */
  public String end() {
    if (buffered == 0) {
      return "";
    }
    // Node: StringDecoder::FlushData.
    if (encoding == Encoding.UTF16LE && buffered % 2 == 1) {
      missing--; // a lone trailing byte is dropped, as Node's JS decoder did
      buffered--;
    }
    if (buffered == 0) {
      return "";
    }
    String ret = encoding.decode(incomplete, 0, buffered);
    missing = 0;
    buffered = 0;
    return ret;
  }

  /**
   * Decodes a last chunk and flushes. Node: {@code decoder.end(buf)}.
   *
   * @param buf the last chunk
   * @return the text of the chunk and what was held back
   */
  public String end(Buffer buf) {
    String ret = write(buf);
    String rest = end();
    return rest.isEmpty() ? ret : ret.concat(rest);
  }
}
