package dev.nodus.stream;

import dev.nodus.events.TriConsumer;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Options of a {@link Writable}, set fluently: {@code new WritableOptions().highWaterMark(1024)}.
 * Node: the {@code options} argument of {@code new stream.Writable(options)}.
 *
 * <p>Defaults are Node v20's: {@code highWaterMark} 16384 bytes (16 objects in object mode),
 * {@code objectMode} false, {@code decodeStrings} true, {@code defaultEncoding} utf8,
 * {@code emitClose} true, {@code autoDestroy} true.
 *
 * <p>The hooks replace the protected methods {@code _write}, {@code _writev}, {@code _final},
 * {@code _destroy} and {@code _construct}, and receive the stream as their first argument (Node
 * passes it as {@code this}).
 */
public final class WritableOptions {
  int highWaterMark = -1;
  boolean objectMode;
  boolean decodeStrings = true;
  String defaultEncoding = "utf8";
  boolean emitClose = true;
  boolean autoDestroy = true;
  WriteFunction<Writable> write;
  WritevFunction<Writable> writev;
  BiConsumer<Writable, Consumer<Throwable>> finalHook;
  TriConsumer<Writable, Throwable, Consumer<Throwable>> destroy;
  BiConsumer<Writable, Consumer<Throwable>> construct;

  /** Creates options with Node's defaults. */
  public WritableOptions() {}

  /**
   * A {@code _write} implementation given as an option. Node: {@code options.write}.
   *
   * @param <S> the stream type
   */
  @FunctionalInterface
  public interface WriteFunction<S> {
    /**
     * Writes one chunk.
     *
     * @param stream the stream
     * @param chunk a Buffer, or a String when {@code decodeStrings} is false, or any object in
     *     object mode
     * @param encoding {@code "buffer"} for Buffers, else the string's encoding
     * @param callback to call once the chunk is handled, with an error or null; may be called
     *     synchronously
     */
    void write(S stream, Object chunk, String encoding, Consumer<Throwable> callback);
  }

  /**
   * A {@code _writev} implementation given as an option. Node: {@code options.writev}.
   *
   * @param <S> the stream type
   */
  @FunctionalInterface
  public interface WritevFunction<S> {
    /**
     * Writes several buffered chunks at once.
     *
     * @param stream the stream
     * @param chunks the chunks, in order
     * @param callback to call once all are handled, with an error or null
     */
    void writev(S stream, List<Chunk> chunks, Consumer<Throwable> callback);
  }

  /**
   * Sets the buffer size above which {@code write()} returns false. Node: {@code highWaterMark}.
   *
   * @param highWaterMark bytes (objects in object mode), 0 or more
   * @return these options
   */
  public WritableOptions highWaterMark(int highWaterMark) {
    this.highWaterMark = Validation.highWaterMark("options.highWaterMark", highWaterMark);
    return this;
  }

  /**
   * Returns the high-water mark, or -1 for Node's default.
   *
   * @return the limit or -1
   */
  public int highWaterMark() {
    return highWaterMark;
  }

  /**
   * Sets whether the stream accepts arbitrary objects. Node: {@code objectMode}.
   *
   * @param objectMode true for object mode
   * @return these options
   */
  public WritableOptions objectMode(boolean objectMode) {
    this.objectMode = objectMode;
    return this;
  }

  /**
   * Returns whether the stream is in object mode.
   *
   * @return true for object mode
   */
  public boolean objectMode() {
    return objectMode;
  }

  /**
   * Sets whether written strings are turned into Buffers before {@code _write}. Node:
   * {@code decodeStrings}.
   *
   * @param decodeStrings false to pass strings through
   * @return these options
   */
  public WritableOptions decodeStrings(boolean decodeStrings) {
    this.decodeStrings = decodeStrings;
    return this;
  }

  /**
   * Returns whether strings are decoded into Buffers.
   *
   * @return the flag
   */
  public boolean decodeStrings() {
    return decodeStrings;
  }

  /**
   * Sets the encoding of strings written without one. Node: {@code defaultEncoding}.
   *
   * @param defaultEncoding an encoding name
   * @return these options
   */
  public WritableOptions defaultEncoding(String defaultEncoding) {
    this.defaultEncoding = Validation.encoding(defaultEncoding);
    return this;
  }

  /**
   * Returns the default encoding.
   *
   * @return the encoding name
   */
  public String defaultEncoding() {
    return defaultEncoding;
  }

  /**
   * Sets whether {@code 'close'} is emitted after the stream is destroyed. Node: {@code emitClose}.
   *
   * @param emitClose the flag
   * @return these options
   */
  public WritableOptions emitClose(boolean emitClose) {
    this.emitClose = emitClose;
    return this;
  }

  /**
   * Returns whether {@code 'close'} is emitted on destroy.
   *
   * @return the flag
   */
  public boolean emitClose() {
    return emitClose;
  }

  /**
   * Sets whether the stream destroys itself after {@code 'finish'}. Node: {@code autoDestroy}.
   *
   * @param autoDestroy the flag
   * @return these options
   */
  public WritableOptions autoDestroy(boolean autoDestroy) {
    this.autoDestroy = autoDestroy;
    return this;
  }

  /**
   * Returns whether the stream destroys itself after {@code 'finish'}.
   *
   * @return the flag
   */
  public boolean autoDestroy() {
    return autoDestroy;
  }

  /**
   * Sets the {@code _write} implementation. Node: {@code write}.
   *
   * @param write the implementation
   * @return these options
   */
  public WritableOptions write(WriteFunction<Writable> write) {
    this.write = write;
    return this;
  }

  /**
   * Sets the {@code _writev} implementation. Node: {@code writev}.
   *
   * @param writev the implementation
   * @return these options
   */
  public WritableOptions writev(WritevFunction<Writable> writev) {
    this.writev = writev;
    return this;
  }

  /**
   * Sets the {@code _final} implementation, run after {@code end()} and before {@code 'finish'}.
   * Node: {@code final} (a Java keyword, hence the underscore).
   *
   * @param finalHook called with the stream and the callback to call when done
   * @return these options
   */
  public WritableOptions final_(BiConsumer<Writable, Consumer<Throwable>> finalHook) {
    this.finalHook = finalHook;
    return this;
  }

  /**
   * Sets the {@code _destroy} implementation. Node: {@code destroy}.
   *
   * @param destroy called with the stream, the error (or null) and the callback
   * @return these options
   */
  public WritableOptions destroy(TriConsumer<Writable, Throwable, Consumer<Throwable>> destroy) {
    this.destroy = destroy;
    return this;
  }

  /**
   * Sets the {@code _construct} implementation. Node: {@code construct}.
   *
   * @param construct called with the stream and the callback to call when ready
   * @return these options
   */
  public WritableOptions construct(BiConsumer<Writable, Consumer<Throwable>> construct) {
    this.construct = construct;
    return this;
  }
}
