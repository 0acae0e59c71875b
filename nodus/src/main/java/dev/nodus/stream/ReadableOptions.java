package dev.nodus.stream;

import dev.nodus.events.TriConsumer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Options of a {@link Readable}, set fluently: {@code new ReadableOptions().highWaterMark(1024)
 * .objectMode(true)}. Node: the {@code options} argument of {@code new stream.Readable(options)}.
 *
 * <p>Defaults are Node v20's: {@code highWaterMark} 16384 bytes (16 objects in object mode),
 * {@code objectMode} false, no {@code encoding}, {@code emitClose} true, {@code autoDestroy} true.
 *
 * <p>The hooks ({@link #read(BiConsumer)}, {@link #destroy(TriConsumer)},
 * {@link #construct(BiConsumer)}) are Node's simplified construction: they replace the protected
 * methods {@code _read}, {@code _destroy} and {@code _construct}, and receive the stream as their
 * first argument (Node passes it as {@code this}).
 */
public final class ReadableOptions {
  int highWaterMark = -1;
  boolean objectMode;
  String encoding;
  boolean emitClose = true;
  boolean autoDestroy = true;
  BiConsumer<Readable, Integer> read;
  TriConsumer<Readable, Throwable, Consumer<Throwable>> destroy;
  BiConsumer<Readable, Consumer<Throwable>> construct;

  /** Creates options with Node's defaults. */
  public ReadableOptions() {}

  /**
   * Sets how many bytes (objects in object mode) the stream buffers before it stops calling
   * {@code _read}. Node: {@code highWaterMark}.
   *
   * @param highWaterMark the limit, 0 or more
   * @return these options
   */
  public ReadableOptions highWaterMark(int highWaterMark) {
    this.highWaterMark = Validation.highWaterMark("options.highWaterMark", highWaterMark);
    return this;
  }

  /**
   * Returns the high-water mark, or -1 for Node's default. Node: {@code highWaterMark}.
   *
   * @return the limit or -1
   */
  public int highWaterMark() {
    return highWaterMark;
  }

  /**
   * Sets whether the stream carries arbitrary objects instead of bytes. Node: {@code objectMode}.
   *
   * @param objectMode true for object mode
   * @return these options
   */
  public ReadableOptions objectMode(boolean objectMode) {
    this.objectMode = objectMode;
    return this;
  }

  /**
   * Returns whether the stream is in object mode. Node: {@code objectMode}.
   *
   * @return true for object mode
   */
  public boolean objectMode() {
    return objectMode;
  }

  /**
   * Sets the encoding that turns Buffers into strings, as {@link Readable#setEncoding(String)}.
   * Node: {@code encoding}.
   *
   * @param encoding an encoding name such as {@code "utf8"}, or null for Buffers
   * @return these options
   */
  public ReadableOptions encoding(String encoding) {
    this.encoding = encoding;
    return this;
  }

  /**
   * Returns the encoding, or null. Node: {@code encoding}.
   *
   * @return the encoding or null
   */
  public String encoding() {
    return encoding;
  }

  /**
   * Sets whether {@code 'close'} is emitted after the stream is destroyed. Node: {@code emitClose}.
   *
   * @param emitClose false to leave {@code 'close'} to the subclass
   * @return these options
   */
  public ReadableOptions emitClose(boolean emitClose) {
    this.emitClose = emitClose;
    return this;
  }

  /**
   * Returns whether {@code 'close'} is emitted on destroy. Node: {@code emitClose}.
   *
   * @return the flag
   */
  public boolean emitClose() {
    return emitClose;
  }

  /**
   * Sets whether the stream destroys itself after {@code 'end'}. Node: {@code autoDestroy}.
   *
   * @param autoDestroy the flag
   * @return these options
   */
  public ReadableOptions autoDestroy(boolean autoDestroy) {
    this.autoDestroy = autoDestroy;
    return this;
  }

  /**
   * Returns whether the stream destroys itself after {@code 'end'}. Node: {@code autoDestroy}.
   *
   * @return the flag
   */
  public boolean autoDestroy() {
    return autoDestroy;
  }

  /**
   * Sets the {@code _read(size)} implementation. Node: {@code read}.
   *
   * @param read called with the stream and the suggested size
   * @return these options
   */
  public ReadableOptions read(BiConsumer<Readable, Integer> read) {
    this.read = read;
    return this;
  }

  /**
   * Sets the {@code _destroy(err, callback)} implementation. Node: {@code destroy}.
   *
   * @param destroy called with the stream, the error (or null) and the callback to call when done
   * @return these options
   */
  public ReadableOptions destroy(TriConsumer<Readable, Throwable, Consumer<Throwable>> destroy) {
    this.destroy = destroy;
    return this;
  }

  /**
   * Sets the {@code _construct(callback)} implementation. Node: {@code construct}.
   *
   * @param construct called with the stream and the callback to call when ready
   * @return these options
   */
  public ReadableOptions construct(BiConsumer<Readable, Consumer<Throwable>> construct) {
    this.construct = construct;
    return this;
  }
}
