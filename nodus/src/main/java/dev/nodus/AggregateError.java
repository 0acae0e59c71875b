package dev.nodus;

import java.util.List;

/**
 * Several errors reported as one: Node's {@code AggregateError} as {@code lib/internal/errors.js}
 * makes it ({@code NodeAggregateError}): its {@code code} is the first error's, its message is
 * empty, and {@link #errors()} holds them all. Node raises it, for instance, when every address
 * a socket tried to connect to failed ({@code autoSelectFamily}).
 */
public class AggregateError extends NodeError {
  private static final long serialVersionUID = 1L;

  /** The errors, in the order they happened. */
  private final transient List<Throwable> errors;

  /**
   * Creates the error.
   *
   * @param errors the errors, at least one; the first gives the code
   */
  public AggregateError(List<Throwable> errors) {
    super(codeOf(errors.get(0)), "", errors.get(0));
    this.errors = List.copyOf(errors);
  }

  private static String codeOf(Throwable t) {
    return t instanceof NodeError n ? n.code() : "ERR_UNKNOWN";
  }

  /**
   * Returns the errors. Node: {@code err.errors}.
   *
   * @return the errors, in the order they happened
   */
  public List<Throwable> errors() {
    return errors;
  }

  /**
   * Returns {@code AggregateError}, Node's class name for it.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "AggregateError";
  }
}
