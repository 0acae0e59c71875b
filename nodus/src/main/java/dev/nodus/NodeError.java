package dev.nodus;

import dev.nodus.internal.errors.ErrorPrinter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * An error raised by Nodus with Node's error {@code code}, such as
 * {@code ERR_STREAM_WRITE_AFTER_END} or {@code ERR_SOCKET_BAD_PORT}.
 *
 * <p>Node: the errors of {@code lib/internal/errors.js}, whose {@code err.code} programs test.
 * The message follows Node's, so output compared with Node's reads the same.
 *
 * <p>{@link #printStackTrace()} prints the error as Node prints one: the message, the frames of
 * the program's own code and the error's properties ({@code code}, and {@code errno},
 * {@code syscall}, {@code address}, {@code port} for a {@link SystemError}), leaving out Netty's
 * and Nodus's internal frames and the Netty exception kept as {@link #getCause()}. Start the JVM
 * with {@code -Dnodus.fullStackTraces=true} for Java's full trace.
 */
public class NodeError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Node's error code. */
  private final String code;

  /** Node's error class name: {@code Error}, {@code RangeError} or {@code TypeError}. */
  private final String name;

  /**
   * Creates an error.
   *
   * @param code Node's error code
   * @param message the message, as Node words it
   */
  public NodeError(String code, String message) {
    this(code, message, null);
  }

  /**
   * Creates an error with a cause.
   *
   * @param code Node's error code
   * @param message the message, as Node words it
   * @param cause the underlying error, or null
   */
  public NodeError(String code, String message, Throwable cause) {
    this("Error", code, message, cause);
  }

  private NodeError(String name, String code, String message, Throwable cause) {
    super(message, cause);
    this.name = name;
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates an error that Node raises as a {@code RangeError}, such as {@code ERR_OUT_OF_RANGE}.
   *
   * @param code Node's error code
   * @param message the message, as Node words it
   * @return the error
   */
  public static NodeError rangeError(String code, String message) {
    return new NodeError("RangeError", code, message, null);
  }

  /**
   * Creates an error that Node raises as a {@code TypeError}, such as {@code ERR_INVALID_ARG_TYPE}.
   *
   * @param code Node's error code
   * @param message the message, as Node words it
   * @return the error
   */
  public static NodeError typeError(String code, String message) {
    return new NodeError("TypeError", code, message, null);
  }

  /**
   * Returns Node's error code. Node: {@code err.code}.
   *
   * @return the code, such as {@code "ERR_OUT_OF_RANGE"}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the Node error class name shown before the message, such as {@code RangeError}.
   * Node prints errors as {@code RangeError [ERR_OUT_OF_RANGE]: ...}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name() + " [" + code + "]: " + getMessage();
  }

  @Override
  public void printStackTrace(PrintStream s) {
    if (ErrorPrinter.full()) {
      super.printStackTrace(s);
    } else {
      s.print(ErrorPrinter.format(this));
    }
  }

  @Override
  public void printStackTrace(PrintWriter s) {
    if (ErrorPrinter.full()) {
      super.printStackTrace(s);
    } else {
      s.print(ErrorPrinter.format(this));
    }
  }
}
