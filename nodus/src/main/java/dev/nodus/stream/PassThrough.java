package dev.nodus.stream;

import java.util.function.BiConsumer;

/**
 * Node's {@code stream.PassThrough}: a {@link Transform} that outputs its input unchanged.
 * Useful to join pipes, tap a stream, or as a test double.
 */
public class PassThrough extends Transform {
  /** Creates a byte pass-through. Node: {@code new PassThrough()}. */
  public PassThrough() {
    this(new TransformOptions());
  }

  /**
   * Creates a pass-through with options (object mode, high-water marks...). Node:
   * {@code new PassThrough(options)}.
   *
   * @param options the options; any transform hook is ignored
   */
  public PassThrough(DuplexOptions options) {
    super(options);
  }

  @Override
  protected void _transform(Object chunk, String encoding, BiConsumer<Throwable, Object> callback) {
    callback.accept(null, chunk);
  }
}
