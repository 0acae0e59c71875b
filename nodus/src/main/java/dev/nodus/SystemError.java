package dev.nodus;

/**
 * An error from the operating system or the resolver, with Node's fields: {@code code}
 * ({@code ECONNREFUSED}), {@code errno} (negative, as libuv's), {@code syscall}
 * ({@code connect}), and where Node has them {@code address}, {@code port}, {@code path},
 * {@code hostname}.
 *
 * <p>Node: the errors made by {@code uvException}/{@code exceptionWithHostPort} in
 * {@code lib/internal/errors.js}; the message reads as Node's, e.g.
 * {@code connect ECONNREFUSED 127.0.0.1:8124}.
 */
public class SystemError extends NodeError {
  private static final long serialVersionUID = 1L;

  /** libuv's negative errno. */
  private final int errno;
  /** The failed system call. */
  private final String syscall;
  /** The address involved, or null. */
  private final String address;
  /** The port involved, or null. */
  private final Integer port;
  /** The Unix-socket path involved, or null. */
  private final String path;
  /** The host name that failed to resolve, or null. */
  private final String hostname;

  /**
   * Creates a system error. Use the factories in Nodus's internals rather than this directly.
   *
   * @param code Node's code, such as {@code ECONNRESET}
   * @param errno libuv's negative errno
   * @param syscall the call that failed, such as {@code read}
   * @param message the message as Node words it
   * @param address the address involved, or null
   * @param port the port involved, or null
   * @param path the Unix-socket path involved, or null
   * @param hostname the host name that failed to resolve, or null
   * @param cause the underlying exception, or null
   */
  public SystemError(
      String code,
      int errno,
      String syscall,
      String message,
      String address,
      Integer port,
      String path,
      String hostname,
      Throwable cause) {
    super(code, message, cause);
    this.errno = errno;
    this.syscall = syscall;
    this.address = address;
    this.port = port;
    this.path = path;
    this.hostname = hostname;
  }

  /**
   * Returns libuv's error number, negative. Node: {@code err.errno}.
   *
   * @return the errno
   */
  public int errno() {
    return errno;
  }

  /**
   * Returns the system call that failed. Node: {@code err.syscall}.
   *
   * @return the syscall, such as {@code "connect"}
   */
  public String syscall() {
    return syscall;
  }

  /**
   * Returns the address involved. Node: {@code err.address}.
   *
   * @return the address, or null
   */
  public String address() {
    return address;
  }

  /**
   * Returns the port involved. Node: {@code err.port}.
   *
   * @return the port, or null
   */
  public Integer port() {
    return port;
  }

  /**
   * Returns the path involved, for Unix sockets. Node: {@code err.path}... (as {@code address}
   * in net errors).
   *
   * @return the path, or null
   */
  public String path() {
    return path;
  }

  /**
   * Returns the host name that could not be resolved. Node: {@code err.hostname}.
   *
   * @return the host name, or null
   */
  public String hostname() {
    return hostname;
  }

  @Override
  public String toString() {
    return "Error: " + getMessage();
  }
}
