package dev.nodus.internal.stream;

import dev.nodus.NodeError;

/** The stream errors with Node's codes and messages. Node: lib/internal/errors.js. */
public final class StreamErrors {
  private StreamErrors() {}

  /** ERR_INVALID_ARG_VALUE for an option. */
  public static NodeError invalidArgValue(String name, Object value) {
    String kind = name.contains(".") ? "property" : "argument";
    return new NodeError("ERR_INVALID_ARG_VALUE",
        "The " + kind + " '" + name + "' is invalid. Received " + value);
  }

  /** ERR_UNKNOWN_ENCODING. */
  public static NodeError unknownEncoding(String encoding) {
    return new NodeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + encoding);
  }

  /** ERR_METHOD_NOT_IMPLEMENTED. */
  public static NodeError methodNotImplemented(String method) {
    return new NodeError("ERR_METHOD_NOT_IMPLEMENTED",
        "The " + method + " method is not implemented");
  }
}
