package dev.nodus.internal.errors;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Errors;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Netty's and the JDK's I/O exceptions to Node's system errors: libuv's code, negative
 * errno and description (Linux numbering, as Node reports on Linux).
 */
public final class Errno {
  /** One libuv error: code, errno, and the strerror text the kernel and JDK use. */
  public record Code(String code, int errno, String description, String strerror) {}

  private static final Map<String, Code> BY_CODE = new HashMap<>();
  private static final Map<Integer, Code> BY_ERRNO = new HashMap<>();
  private static final Map<String, Code> BY_STRERROR = new HashMap<>();

  static {
    add("EPERM", -1, "operation not permitted", "Operation not permitted");
    add("ENOENT", -2, "no such file or directory", "No such file or directory");
    add("EBADF", -9, "bad file descriptor", "Bad file descriptor");
    add("ENODEV", -19, "no such device", "No such device");
    add("EAGAIN", -11, "resource temporarily unavailable", "Resource temporarily unavailable");
    add("EACCES", -13, "permission denied", "Permission denied");
    add("EINVAL", -22, "invalid argument", "Invalid argument");
    add("EMFILE", -24, "too many open files", "Too many open files");
    add("EPIPE", -32, "broken pipe", "Broken pipe");
    add("ENOTSOCK", -88, "socket operation on non-socket", "Socket operation on non-socket");
    add("EMSGSIZE", -90, "message too long", "Message too long");
    add("ENOPROTOOPT", -92, "protocol not available", "Protocol not available");
    add("EPROTONOSUPPORT", -93, "protocol not supported", "Protocol not supported");
    add("ENOTSUP", -95, "operation not supported on socket", "Operation not supported");
    add("EAFNOSUPPORT", -97, "address family not supported", "Address family not supported by protocol");
    add("EADDRINUSE", -98, "address already in use", "Address already in use");
    add("EADDRNOTAVAIL", -99, "address not available", "Cannot assign requested address");
    add("ENETDOWN", -100, "network is down", "Network is down");
    add("ENETUNREACH", -101, "network is unreachable", "Network is unreachable");
    add("ECONNABORTED", -103, "software caused connection abort", "Software caused connection abort");
    add("ECONNRESET", -104, "connection reset by peer", "Connection reset by peer");
    add("ENOBUFS", -105, "no buffer space available", "No buffer space available");
    add("EISCONN", -106, "socket is already connected", "Transport endpoint is already connected");
    add("ENOTCONN", -107, "socket is not connected", "Transport endpoint is not connected");
    add("ETIMEDOUT", -110, "connection timed out", "Connection timed out");
    add("ECONNREFUSED", -111, "connection refused", "Connection refused");
    add("EHOSTUNREACH", -113, "host is unreachable", "No route to host");
    add("EALREADY", -114, "connection already in progress", "Operation already in progress");
    add("ECANCELED", -125, "operation canceled", "Operation canceled");
    add("EOF", -4095, "end of file", "End of file");
    add("ENOTFOUND", -3008, "getaddrinfo ENOTFOUND", "Name or service not known");
    add("EAI_AGAIN", -3001, "temporary failure", "Temporary failure in name resolution");
  }

  private Errno() {}

  private static void add(String code, int errno, String description, String strerror) {
    Code c = new Code(code, errno, description, strerror);
    BY_CODE.put(code, c);
    BY_ERRNO.put(errno, c);
    BY_STRERROR.put(strerror.toLowerCase(Locale.ROOT), c);
  }

  /** The entry for a code such as {@code ECONNRESET}; unknown codes get errno 0. */
  public static Code of(String code) {
    Code c = BY_CODE.get(code);
    return c != null ? c : new Code(code, 0, code.toLowerCase(Locale.ROOT), code);
  }

  /**
   * Classifies an exception from Netty or the JDK, or returns null when it is no system error.
   */
  public static Code classify(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof Errors.NativeIoException ne) {
        Code code = BY_ERRNO.get(ne.expectedErr());
        if (code != null) {
          return code;
        }
      }
      if (c instanceof ConnectTimeoutException) {
        return BY_CODE.get("ETIMEDOUT");
      }
      if (c instanceof UnknownHostException) {
        return BY_CODE.get("ENOTFOUND");
      }
      Code byText = fromMessage(c.getMessage());
      if (byText != null) {
        return byText;
      }
      if (c instanceof PortUnreachableException) {
        return BY_CODE.get("ECONNREFUSED");
      }
      if (c instanceof NoRouteToHostException) {
        return BY_CODE.get("EHOSTUNREACH");
      }
      if (c instanceof BindException) {
        return BY_CODE.get("EADDRINUSE");
      }
      if (c instanceof ConnectException) {
        return BY_CODE.get("ECONNREFUSED");
      }
      if (c instanceof ClosedChannelException) {
        return BY_CODE.get("EPIPE");
      }
    }
    return null;
  }

  private static Code fromMessage(String message) {
    if (message == null) {
      return null;
    }
    String m = message.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Code> e : BY_STRERROR.entrySet()) {
      if (m.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Node's {@code exceptionWithHostPort}: {@code "connect ECONNREFUSED 127.0.0.1:80"}.
   * A Unix-socket path goes in {@code address} with a null port.
   */
  public static SystemError withHostPort(
      Code code, String syscall, String address, Integer port, Throwable cause) {
    String details = address == null ? "" : port == null || port <= 0 ? " " + address : " " + address + ":" + port;
    return new SystemError(
        code.code(), code.errno(), syscall, syscall + " " + code.code() + details,
        address, port, null, null, cause);
  }

  /**
   * Node's {@code uvExceptionWithHostPort}, used by listen:
   * {@code "listen EADDRINUSE: address already in use 127.0.0.1:80"}.
   */
  public static SystemError uvWithHostPort(
      Code code, String syscall, String address, Integer port, Throwable cause) {
    String where = address == null ? "" : port == null || port < 0 ? " " + address : " " + address + ":" + port;
    return new SystemError(
        code.code(), code.errno(), syscall,
        syscall + " " + code.code() + ": " + code.description() + where,
        address, port, null, null, cause);
  }

  /** Node's {@code errnoException}: {@code "read ECONNRESET"}. */
  public static SystemError plain(Code code, String syscall, Throwable cause) {
    return new SystemError(
        code.code(), code.errno(), syscall, syscall + " " + code.code(),
        null, null, null, null, cause);
  }

  /** Node's DNS error: {@code "getaddrinfo ENOTFOUND example.invalid"}. */
  public static SystemError lookup(Code code, String hostname, Throwable cause) {
    return new SystemError(
        code.code(), code.errno(), "getaddrinfo", "getaddrinfo " + code.code() + " " + hostname,
        null, null, null, hostname, cause);
  }

  /**
   * Turns any exception into the error users see: a classified system error, a NodeError as
   * it is, or else the exception wrapped with its message.
   */
  public static RuntimeException toNodeError(Throwable t, String syscall) {
    if (t instanceof NodeError ne) {
      return ne;
    }
    Code code = classify(t);
    if (code != null) {
      return plain(code, syscall, t);
    }
    return t instanceof RuntimeException re ? re : new NodeError("ERR_SYSTEM_ERROR", String.valueOf(t.getMessage()), t);
  }
}
