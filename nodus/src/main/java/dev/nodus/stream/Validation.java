package dev.nodus.stream;

import dev.nodus.internal.stream.StreamErrors;

/** Argument checks shared by the option classes. Node: internal/streams/state.js. */
final class Validation {
  private Validation() {}

  /** Node's getHighWaterMark: an integer, 0 or more, else ERR_INVALID_ARG_VALUE. */
  static int highWaterMark(String name, int value) {
    if (value < 0) {
      throw StreamErrors.invalidArgValue(name, value);
    }
    return value;
  }

  /** Node's getDefaultHighWaterMark (v20: 16 KiB, 16 objects). */
  static int defaultHighWaterMark(boolean objectMode) {
    return objectMode ? 16 : 16 * 1024;
  }

  /** Node's Buffer.isEncoding check for stream encodings ('buffer' is allowed too). */
  static String encoding(String encoding) {
    if (encoding == null) {
      return "utf8";
    }
    if (!"buffer".equals(encoding) && !dev.nodus.buffer.Encoding.isEncoding(encoding)) {
      throw StreamErrors.unknownEncoding(encoding);
    }
    return encoding.toLowerCase(java.util.Locale.ROOT);
  }
}
