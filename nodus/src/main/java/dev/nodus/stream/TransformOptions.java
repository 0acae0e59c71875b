package dev.nodus.stream;

import java.util.function.BiConsumer;

/**
 * Options of a {@link Transform}: a {@link DuplexOptions} plus the {@code transform} and
 * {@code flush} hooks. Node: the {@code options} argument of {@code new stream.Transform(options)}.
 */
public final class TransformOptions extends DuplexOptions {
  TransformFunction<Transform> transform;
  BiConsumer<Transform, BiConsumer<Throwable, Object>> flush;

  /** Creates options with Node's defaults. */
  public TransformOptions() {}

  /**
   * A {@code _transform} implementation given as an option. Node: {@code options.transform}.
   *
   * @param <S> the stream type
   */
  @FunctionalInterface
  public interface TransformFunction<S> {
    /**
     * Transforms one written chunk.
     *
     * @param stream the stream
     * @param chunk the written chunk (a Buffer unless in object mode or decodeStrings is false)
     * @param encoding {@code "buffer"} for Buffers, else the string's encoding
     * @param callback to call with an error (or null) and an optional chunk to push (or null)
     */
    void transform(S stream, Object chunk, String encoding, BiConsumer<Throwable, Object> callback);
  }

  /**
   * Sets the {@code _transform} implementation. Node: {@code transform}.
   *
   * @param transform the implementation
   * @return these options
   */
  public TransformOptions transform(TransformFunction<Transform> transform) {
    this.transform = transform;
    return this;
  }

  /**
   * Sets the {@code _flush} implementation, run after the last chunk is transformed and before
   * {@code 'finish'}. Node: {@code flush}.
   *
   * @param flush called with the stream and a callback taking an error and a last chunk
   * @return these options
   */
  public TransformOptions flush(BiConsumer<Transform, BiConsumer<Throwable, Object>> flush) {
    this.flush = flush;
    return this;
  }

  @Override
  public TransformOptions allowHalfOpen(boolean allowHalfOpen) {
    super.allowHalfOpen(allowHalfOpen);
    return this;
  }

  @Override
  public TransformOptions readable(boolean readable) {
    super.readable(readable);
    return this;
  }

  @Override
  public TransformOptions writable(boolean writable) {
    super.writable(writable);
    return this;
  }

  @Override
  public TransformOptions highWaterMark(int highWaterMark) {
    super.highWaterMark(highWaterMark);
    return this;
  }

  @Override
  public TransformOptions readableHighWaterMark(int readableHighWaterMark) {
    super.readableHighWaterMark(readableHighWaterMark);
    return this;
  }

  @Override
  public TransformOptions writableHighWaterMark(int writableHighWaterMark) {
    super.writableHighWaterMark(writableHighWaterMark);
    return this;
  }

  @Override
  public TransformOptions objectMode(boolean objectMode) {
    super.objectMode(objectMode);
    return this;
  }

  @Override
  public TransformOptions readableObjectMode(boolean readableObjectMode) {
    super.readableObjectMode(readableObjectMode);
    return this;
  }

  @Override
  public TransformOptions writableObjectMode(boolean writableObjectMode) {
    super.writableObjectMode(writableObjectMode);
    return this;
  }

  @Override
  public TransformOptions encoding(String encoding) {
    super.encoding(encoding);
    return this;
  }

  @Override
  public TransformOptions decodeStrings(boolean decodeStrings) {
    super.decodeStrings(decodeStrings);
    return this;
  }

  @Override
  public TransformOptions defaultEncoding(String defaultEncoding) {
    super.defaultEncoding(defaultEncoding);
    return this;
  }

  @Override
  public TransformOptions emitClose(boolean emitClose) {
    super.emitClose(emitClose);
    return this;
  }

  @Override
  public TransformOptions autoDestroy(boolean autoDestroy) {
    super.autoDestroy(autoDestroy);
    return this;
  }
}
