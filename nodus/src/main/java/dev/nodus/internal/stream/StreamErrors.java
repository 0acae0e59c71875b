package dev.nodus.internal.stream;

import dev.nodus.NodeError;
import dev.nodus.buffer.Buffer;

/**
 * The errors streams raise, with Node's codes and message texts (lib/internal/errors.js).
 * Each call makes a new error, as Node does ({@code new ERR_STREAM_DESTROYED('write')}).
 */
public final class StreamErrors {
  private StreamErrors() {}

  /**
   * ERR_INVALID_ARG_VALUE for an option or argument.
   *
   * @param name the argument, such as {@code options.highWaterMark}
   * @param value the rejected value
   * @return the error
   */
  public static NodeError invalidArgValue(String name, Object value) {
    String kind = name.contains(".") ? "property" : "argument";
    return NodeError.typeError("ERR_INVALID_ARG_VALUE",
        "The " + kind + " '" + name + "' is invalid. Received " + value);
  }

  /**
   * ERR_UNKNOWN_ENCODING.
   *
   * @param encoding the name
   * @return the error
   */
  public static NodeError unknownEncoding(String encoding) {
    return NodeError.typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + encoding);
  }

  /**
   * ERR_METHOD_NOT_IMPLEMENTED, for a hook neither overridden nor given as an option.
   *
   * @param method such as {@code _read()}
   * @return the error
   */
  public static NodeError methodNotImplemented(String method) {
    return new NodeError("ERR_METHOD_NOT_IMPLEMENTED",
        "The " + method + " method is not implemented");
  }

  /**
   * ERR_STREAM_WRITE_AFTER_END.
   *
   * @return the error
   */
  public static NodeError writeAfterEnd() {
    return new NodeError("ERR_STREAM_WRITE_AFTER_END", "write after end");
  }

  /**
   * ERR_STREAM_DESTROYED.
   *
   * @param method the call that was refused, such as {@code write}
   * @return the error
   */
  public static NodeError destroyed(String method) {
    return new NodeError("ERR_STREAM_DESTROYED",
        "Cannot call " + method + " after a stream was destroyed");
  }

  /**
   * ERR_STREAM_ALREADY_FINISHED.
   *
   * @param method the call that was refused, such as {@code end}
   * @return the error
   */
  public static NodeError alreadyFinished(String method) {
    return new NodeError("ERR_STREAM_ALREADY_FINISHED",
        "Cannot call " + method + " after a stream was finished");
  }

  /**
   * ERR_STREAM_NULL_VALUES (a TypeError in Node).
   *
   * @return the error
   */
  public static NodeError nullValues() {
    return NodeError.typeError("ERR_STREAM_NULL_VALUES", "May not write null values to stream");
  }

  /**
   * ERR_STREAM_PREMATURE_CLOSE.
   *
   * @return the error
   */
  public static NodeError prematureClose() {
    return new NodeError("ERR_STREAM_PREMATURE_CLOSE", "Premature close");
  }

  /**
   * ERR_STREAM_PUSH_AFTER_EOF.
   *
   * @return the error
   */
  public static NodeError pushAfterEof() {
    return new NodeError("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF");
  }

  /**
   * ERR_STREAM_UNSHIFT_AFTER_END_EVENT.
   *
   * @return the error
   */
  public static NodeError unshiftAfterEndEvent() {
    return new NodeError("ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event");
  }

  /**
   * ERR_MULTIPLE_CALLBACK.
   *
   * @return the error
   */
  public static NodeError multipleCallback() {
    return new NodeError("ERR_MULTIPLE_CALLBACK", "Callback called multiple times");
  }

  /**
   * ERR_MISSING_ARGS for pipeline's streams.
   *
   * @param name the missing argument
   * @return the error
   */
  public static NodeError missingArgs(String name) {
    return NodeError.typeError("ERR_MISSING_ARGS", "The \"" + name + "\" argument must be specified");
  }

  /**
   * ERR_OUT_OF_RANGE for read(n) above 1 GiB.
   *
   * @param n the requested size
   * @return the error
   */
  public static NodeError sizeOutOfRange(long n) {
    return NodeError.rangeError("ERR_OUT_OF_RANGE",
        "The value of \"size\" is out of range. It must be <= 1GiB. Received " + n);
  }

  /**
   * Node's AbortError ({@code code} ABORT_ERR), which pipeline uses to destroy stages that
   * had not finished.
   *
   * @return the error
   */
  public static NodeError abortError() {
    return new AbortError();
  }

  /**
   * ERR_INVALID_ARG_TYPE for a chunk that is not a string, Buffer or byte[].
   *
   * @param chunk the rejected chunk
   * @return the error
   */
  public static NodeError invalidChunk(Object chunk) {
    return NodeError.typeError("ERR_INVALID_ARG_TYPE",
        "The \"chunk\" argument must be of type string or an instance of Buffer, TypedArray, or "
            + "DataView. Received " + describe(chunk));
  }

  /**
   * ERR_INVALID_ARG_TYPE for an argument.
   *
   * @param name the argument
   * @param expected what was expected, in Node's words
   * @param value the rejected value
   * @return the error
   */
  public static NodeError invalidArgType(String name, String expected, Object value) {
    return NodeError.typeError("ERR_INVALID_ARG_TYPE",
        "The \"" + name + "\" argument must be " + expected + ". Received " + describe(value));
  }

  /** Node's describe-the-received-value tail of ERR_INVALID_ARG_TYPE. */
  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number || v instanceof Boolean) {
      return "type " + (v instanceof Boolean ? "boolean" : "number") + " (" + v + ")";
    }
    if (v instanceof Buffer) {
      return "an instance of Buffer";
    }
    return "an instance of " + v.getClass().getSimpleName();
  }

  /** Node's AbortError: name 'AbortError', code 'ABORT_ERR'. */
  static final class AbortError extends NodeError {
    private static final long serialVersionUID = 1L;

    AbortError() {
      super("ABORT_ERR", "The operation was aborted");
    }

    @Override
    public String name() {
      return "AbortError";
    }
  }
}
