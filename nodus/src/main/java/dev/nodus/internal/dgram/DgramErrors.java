package dev.nodus.internal.dgram;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.internal.errors.Errno;

/**
 * The errors {@code lib/dgram.js} raises, with Node v20's codes, classes and messages (from
 * {@code lib/internal/errors.js}), checked against node.
 */
public final class DgramErrors {
  private DgramErrors() {}

  /** {@code ERR_SOCKET_BAD_TYPE}. */
  public static NodeError badType() {
    return NodeError.typeError("ERR_SOCKET_BAD_TYPE", "Bad socket type specified. Valid types are: udp4, udp6");
  }

  /**
   * {@code ERR_SOCKET_BAD_PORT} as {@code validatePort(port, 'Port', allowZero)} words it;
   * {@code port} null prints as {@code undefined}.
   */
  public static NodeError badPort(Integer port, boolean allowZero) {
    String received = port == null ? "undefined" : "type number (" + port + ")";
    return NodeError.rangeError("ERR_SOCKET_BAD_PORT",
        "Port should be " + (allowZero ? ">=" : ">") + " 0 and < 65536. Received " + received + ".");
  }

  /** {@code ERR_SOCKET_ALREADY_BOUND}. */
  public static NodeError alreadyBound() {
    return new NodeError("ERR_SOCKET_ALREADY_BOUND", "Socket is already bound");
  }

  /** {@code ERR_SOCKET_DGRAM_IS_CONNECTED}. */
  public static NodeError isConnected() {
    return new NodeError("ERR_SOCKET_DGRAM_IS_CONNECTED", "Already connected");
  }

  /** {@code ERR_SOCKET_DGRAM_NOT_CONNECTED}. */
  public static NodeError notConnected() {
    return new NodeError("ERR_SOCKET_DGRAM_NOT_CONNECTED", "Not connected");
  }

  /** {@code ERR_SOCKET_DGRAM_NOT_RUNNING}. */
  public static NodeError notRunning() {
    return new NodeError("ERR_SOCKET_DGRAM_NOT_RUNNING", "Not running");
  }

  /** {@code ERR_SOCKET_BAD_BUFFER_SIZE}. */
  public static NodeError badBufferSize() {
    return NodeError.typeError("ERR_SOCKET_BAD_BUFFER_SIZE", "Buffer size must be a positive integer");
  }

  /**
   * {@code ERR_SOCKET_BUFFER_SIZE}, a SystemError: {@code "Could not get or set buffer size:
   * uv_recv_buffer_size returned EBADF (bad file descriptor)"}.
   */
  public static SystemError bufferSize(Errno.Code code, boolean recv, Throwable cause) {
    String syscall = recv ? "uv_recv_buffer_size" : "uv_send_buffer_size";
    String message = "Could not get or set buffer size: " + syscall + " returned " + code.code()
        + " (" + code.description() + ")";
    return new SystemError(
        "ERR_SOCKET_BUFFER_SIZE", code.errno(), syscall, message, null, null, null, null, cause) {
      private static final long serialVersionUID = 1L;

      @Override
      public String toString() {
        return "SystemError [ERR_SOCKET_BUFFER_SIZE]: " + getMessage();
      }
    };
  }

  /** {@code ERR_BUFFER_OUT_OF_BOUNDS} for the named argument. */
  public static NodeError outOfBounds(String name) {
    return NodeError.rangeError("ERR_BUFFER_OUT_OF_BOUNDS", "\"" + name + "\" is outside of buffer bounds");
  }

  /** {@code ERR_MISSING_ARGS} for one argument. */
  public static NodeError missingArgs(String name) {
    return NodeError.typeError("ERR_MISSING_ARGS", "The \"" + name + "\" argument must be specified");
  }

  /** {@code ERR_INVALID_ARG_TYPE} for a string argument that was null. */
  public static NodeError notAString(String name) {
    return NodeError.typeError("ERR_INVALID_ARG_TYPE",
        "The \"" + name + "\" argument must be of type string. Received null");
  }

  /** {@code ERR_OUT_OF_RANGE} from {@code validateUint32}. */
  public static NodeError notUint32(String name, long value) {
    return NodeError.rangeError("ERR_OUT_OF_RANGE",
        "The value of \"" + name + "\" is out of range. It must be >= 0 && <= 4294967295. Received "
            + value);
  }

  /**
   * Node's {@code ExceptionWithHostPort}: {@code "send EMSGSIZE 127.0.0.1:9"}. As in Node, a port
   * with a missing address prints {@code undefined:9}, and port 0 prints no port.
   */
  public static SystemError withHostPort(
      Errno.Code code, String syscall, String address, Integer port, Throwable cause) {
    String details = "";
    if (port != null && port > 0) {
      details = " " + (address == null ? "undefined" : address) + ":" + port;
    } else if (address != null && !address.isEmpty()) {
      details = " " + address;
    }
    return new SystemError(
        code.code(), code.errno(), syscall, syscall + " " + code.code() + details,
        address, port != null && port != 0 ? port : null, null, null, cause);
  }

  /** Node's {@code ErrnoException}: {@code "setTTL EINVAL"}. */
  public static SystemError errno(String code, String syscall) {
    return Errno.plain(Errno.of(code), syscall, null);
  }

  /** Classifies a Netty/JDK failure, defaulting to {@code fallback} for unknown ones. */
  public static Errno.Code classify(Throwable t, String fallback) {
    Errno.Code c = Errno.classify(t);
    return c != null ? c : Errno.of(fallback);
  }
}
