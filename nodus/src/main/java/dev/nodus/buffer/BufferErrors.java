package dev.nodus.buffer;

import dev.nodus.NodeError;
import dev.nodus.internal.errors.NodeErrors;
import java.math.BigInteger;

/**
 * The errors the buffer module throws, with Node's codes, classes and message text
 * ({@code lib/internal/errors.js}).
 */
final class BufferErrors {
  private BufferErrors() {}

  /** Node's kMaxLength on 64-bit v20, the upper bound in validateOffset() messages. */
  static final long K_MAX_LENGTH = 4294967296L;

  /** ERR_OUT_OF_RANGE: {@code The value of "name" is out of range. It must be range. Received x}. */
  static NodeError outOfRange(String name, String range, long received) {
    return outOfRange(name, range, received(received));
  }

  static NodeError outOfRange(String name, String range, String received) {
    return NodeErrors.outOfRange(name, range, received);
  }

  /** validateOffset() in lib/buffer.js: an integer in {@code [min, max]}. */
  static void validateOffset(long value, String name, long min, long max) {
    if (value < min || value > max) {
      throw outOfRange(name, ">= " + min + " && <= " + max, value);
    }
  }

  static void validateOffset(long value, String name) {
    validateOffset(value, name, 0, K_MAX_LENGTH);
  }

  /** ERR_BUFFER_OUT_OF_BOUNDS without a name. */
  static NodeError bufferOutOfBounds() {
    return NodeError.rangeError("ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
  }

  /** boundsError() in lib/internal/buffer.js, for an integer offset. */
  static NodeError boundsError(long offset, long max) {
    if (max < 0) {
      return bufferOutOfBounds();
    }
    return outOfRange("offset", ">= 0 and <= " + max, offset);
  }

  static NodeError unknownEncoding(String encoding) {
    return NodeError.typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + encoding);
  }

  /** ERR_INVALID_ARG_VALUE with Node's inspect() of the value, cut at 128 chars. */
  static NodeError invalidArgValue(String name, String inspected) {
    return NodeErrors.invalidArgValue(name, inspected);
  }

  static NodeError invalidBufferSize(String size) {
    return NodeError.rangeError("ERR_INVALID_BUFFER_SIZE", "Buffer size must be a multiple of " + size);
  }

  /** How ERR_OUT_OF_RANGE prints a number: with {@code _} separators above 2 ** 32. */
  static String received(long value) {
    return NodeErrors.received(value);
  }

  /** How ERR_OUT_OF_RANGE prints a bigint: separators above 2n ** 32n, then {@code n}. */
  static String received(BigInteger value) {
    String s = value.toString();
    if (value.abs().compareTo(BigInteger.ONE.shiftLeft(32)) > 0) {
      s = NodeErrors.addNumericalSeparator(s);
    }
    return s + "n";
  }
}
