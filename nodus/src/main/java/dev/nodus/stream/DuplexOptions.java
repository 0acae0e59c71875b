package dev.nodus.stream;

import dev.nodus.events.TriConsumer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Options of a {@link Duplex}, set fluently: {@code new DuplexOptions().allowHalfOpen(false)}.
 * Node: the {@code options} argument of {@code new stream.Duplex(options)}, which carries both a
 * Readable's and a Writable's options.
 *
 * <p>Defaults are Node v20's: {@code allowHalfOpen} true; high-water marks 16384 bytes (16
 * objects in object mode) on each side; {@code highWaterMark} and {@code objectMode} apply to
 * both sides and win over the per-side {@code readable*}/{@code writable*} settings;
 * {@code decodeStrings} true; {@code defaultEncoding} utf8; {@code emitClose} and
 * {@code autoDestroy} true.
 *
 * <p>The hooks replace the protected methods of the same name ({@code _read}, {@code _write},
 * ...) and receive the stream as their first argument (Node passes it as {@code this}).
 */
public class DuplexOptions {
  boolean allowHalfOpen = true;
  boolean readable = true;
  boolean writable = true;
  int highWaterMark = -1;
  int readableHighWaterMark = -1;
  int writableHighWaterMark = -1;
  boolean objectMode = false;
  boolean readableObjectMode = false;
  boolean writableObjectMode = false;
  String encoding = null;
  boolean decodeStrings = true;
  String defaultEncoding = "utf8";
  boolean emitClose = true;
  boolean autoDestroy = true;
  BiConsumer<Duplex, Integer> read;
  WritableOptions.WriteFunction<Duplex> write;
  WritableOptions.WritevFunction<Duplex> writev;
  BiConsumer<Duplex, Consumer<Throwable>> finalHook;
  TriConsumer<Duplex, Throwable, Consumer<Throwable>> destroy;
  BiConsumer<Duplex, Consumer<Throwable>> construct;

  /** Creates options with Node's defaults. */
  public DuplexOptions() {}

  /**
   * Sets whether the writable side stays open after the readable side ends; when false, {@code end()} is called after {@code 'end'}. Node: {@code allowHalfOpen}.
   *
   * @param allowHalfOpen the value
   * @return these options
   */
  public DuplexOptions allowHalfOpen(boolean allowHalfOpen) {
    this.allowHalfOpen = allowHalfOpen;
    return this;
  }

  /**
   * Returns whether the writable side stays open after the readable side ends; when false, {@code end()} is called after {@code 'end'}. Node: {@code allowHalfOpen}.
   *
   * @return the value
   */
  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  /**
   * Sets whether the stream has a readable side; false makes it start ended. Node: {@code readable}.
   *
   * @param readable the value
   * @return these options
   */
  public DuplexOptions readable(boolean readable) {
    this.readable = readable;
    return this;
  }

  /**
   * Returns whether the stream has a readable side; false makes it start ended. Node: {@code readable}.
   *
   * @return the value
   */
  public boolean readable() {
    return readable;
  }

  /**
   * Sets whether the stream has a writable side; false makes it start finished. Node: {@code writable}.
   *
   * @param writable the value
   * @return these options
   */
  public DuplexOptions writable(boolean writable) {
    this.writable = writable;
    return this;
  }

  /**
   * Returns whether the stream has a writable side; false makes it start finished. Node: {@code writable}.
   *
   * @return the value
   */
  public boolean writable() {
    return writable;
  }

  /**
   * Sets the high-water mark of both sides (overrides the per-side ones); -1 for the default. Node: {@code highWaterMark}.
   *
   * @param highWaterMark the value
   * @return these options
   */
  public DuplexOptions highWaterMark(int highWaterMark) {
    this.highWaterMark = Validation.highWaterMark("options.highWaterMark", highWaterMark);
    return this;
  }

  /**
   * Returns the high-water mark of both sides (overrides the per-side ones); -1 for the default. Node: {@code highWaterMark}.
   *
   * @return the value
   */
  public int highWaterMark() {
    return highWaterMark;
  }

  /**
   * Sets the readable side's high-water mark; -1 for the default. Node: {@code readableHighWaterMark}.
   *
   * @param readableHighWaterMark the value
   * @return these options
   */
  public DuplexOptions readableHighWaterMark(int readableHighWaterMark) {
    this.readableHighWaterMark = Validation.highWaterMark("options.readableHighWaterMark", readableHighWaterMark);
    return this;
  }

  /**
   * Returns the readable side's high-water mark; -1 for the default. Node: {@code readableHighWaterMark}.
   *
   * @return the value
   */
  public int readableHighWaterMark() {
    return readableHighWaterMark;
  }

  /**
   * Sets the writable side's high-water mark; -1 for the default. Node: {@code writableHighWaterMark}.
   *
   * @param writableHighWaterMark the value
   * @return these options
   */
  public DuplexOptions writableHighWaterMark(int writableHighWaterMark) {
    this.writableHighWaterMark = Validation.highWaterMark("options.writableHighWaterMark", writableHighWaterMark);
    return this;
  }

  /**
   * Returns the writable side's high-water mark; -1 for the default. Node: {@code writableHighWaterMark}.
   *
   * @return the value
   */
  public int writableHighWaterMark() {
    return writableHighWaterMark;
  }

  /**
   * Sets whether both sides carry arbitrary objects. Node: {@code objectMode}.
   *
   * @param objectMode the value
   * @return these options
   */
  public DuplexOptions objectMode(boolean objectMode) {
    this.objectMode = objectMode;
    return this;
  }

  /**
   * Returns whether both sides carry arbitrary objects. Node: {@code objectMode}.
   *
   * @return the value
   */
  public boolean objectMode() {
    return objectMode;
  }

  /**
   * Sets whether the readable side carries arbitrary objects. Node: {@code readableObjectMode}.
   *
   * @param readableObjectMode the value
   * @return these options
   */
  public DuplexOptions readableObjectMode(boolean readableObjectMode) {
    this.readableObjectMode = readableObjectMode;
    return this;
  }

  /**
   * Returns whether the readable side carries arbitrary objects. Node: {@code readableObjectMode}.
   *
   * @return the value
   */
  public boolean readableObjectMode() {
    return readableObjectMode;
  }

  /**
   * Sets whether the writable side accepts arbitrary objects. Node: {@code writableObjectMode}.
   *
   * @param writableObjectMode the value
   * @return these options
   */
  public DuplexOptions writableObjectMode(boolean writableObjectMode) {
    this.writableObjectMode = writableObjectMode;
    return this;
  }

  /**
   * Returns whether the writable side accepts arbitrary objects. Node: {@code writableObjectMode}.
   *
   * @return the value
   */
  public boolean writableObjectMode() {
    return writableObjectMode;
  }

  /**
   * Sets the encoding that turns read Buffers into strings, or null. Node: {@code encoding}.
   *
   * @param encoding the value
   * @return these options
   */
  public DuplexOptions encoding(String encoding) {
    this.encoding = encoding;
    return this;
  }

  /**
   * Returns the encoding that turns read Buffers into strings, or null. Node: {@code encoding}.
   *
   * @return the value
   */
  public String encoding() {
    return encoding;
  }

  /**
   * Sets whether written strings are turned into Buffers before {@code _write}. Node: {@code decodeStrings}.
   *
   * @param decodeStrings the value
   * @return these options
   */
  public DuplexOptions decodeStrings(boolean decodeStrings) {
    this.decodeStrings = decodeStrings;
    return this;
  }

  /**
   * Returns whether written strings are turned into Buffers before {@code _write}. Node: {@code decodeStrings}.
   *
   * @return the value
   */
  public boolean decodeStrings() {
    return decodeStrings;
  }

  /**
   * Sets the encoding of strings written without one. Node: {@code defaultEncoding}.
   *
   * @param defaultEncoding the value
   * @return these options
   */
  public DuplexOptions defaultEncoding(String defaultEncoding) {
    this.defaultEncoding = Validation.encoding(defaultEncoding);
    return this;
  }

  /**
   * Returns the encoding of strings written without one. Node: {@code defaultEncoding}.
   *
   * @return the value
   */
  public String defaultEncoding() {
    return defaultEncoding;
  }

  /**
   * Sets whether {@code 'close'} is emitted after the stream is destroyed. Node: {@code emitClose}.
   *
   * @param emitClose the value
   * @return these options
   */
  public DuplexOptions emitClose(boolean emitClose) {
    this.emitClose = emitClose;
    return this;
  }

  /**
   * Returns whether {@code 'close'} is emitted after the stream is destroyed. Node: {@code emitClose}.
   *
   * @return the value
   */
  public boolean emitClose() {
    return emitClose;
  }

  /**
   * Sets whether the stream destroys itself once both sides are done. Node: {@code autoDestroy}.
   *
   * @param autoDestroy the value
   * @return these options
   */
  public DuplexOptions autoDestroy(boolean autoDestroy) {
    this.autoDestroy = autoDestroy;
    return this;
  }

  /**
   * Returns whether the stream destroys itself once both sides are done. Node: {@code autoDestroy}.
   *
   * @return the value
   */
  public boolean autoDestroy() {
    return autoDestroy;
  }

  /**
   * Sets the {@code _read(size)} implementation. Node: {@code read}.
   *
   * @param read the implementation
   * @return these options
   */
  public DuplexOptions read(BiConsumer<Duplex, Integer> read) {
    this.read = read;
    return this;
  }

  /**
   * Sets the {@code _write} implementation. Node: {@code write}.
   *
   * @param write the implementation
   * @return these options
   */
  public DuplexOptions write(WritableOptions.WriteFunction<Duplex> write) {
    this.write = write;
    return this;
  }

  /**
   * Sets the {@code _writev} implementation. Node: {@code writev}.
   *
   * @param writev the implementation
   * @return these options
   */
  public DuplexOptions writev(WritableOptions.WritevFunction<Duplex> writev) {
    this.writev = writev;
    return this;
  }

  /**
   * Sets the {@code _final} implementation, run before {@code 'finish'} (Node's option name is a Java keyword). Node: {@code final}.
   *
   * @param finalHook the implementation
   * @return these options
   */
  public DuplexOptions final_(BiConsumer<Duplex, Consumer<Throwable>> finalHook) {
    this.finalHook = finalHook;
    return this;
  }

  /**
   * Sets the {@code _destroy} implementation. Node: {@code destroy}.
   *
   * @param destroy the implementation
   * @return these options
   */
  public DuplexOptions destroy(TriConsumer<Duplex, Throwable, Consumer<Throwable>> destroy) {
    this.destroy = destroy;
    return this;
  }

  /**
   * Sets the {@code _construct} implementation. Node: {@code construct}.
   *
   * @param construct the implementation
   * @return these options
   */
  public DuplexOptions construct(BiConsumer<Duplex, Consumer<Throwable>> construct) {
    this.construct = construct;
    return this;
  }

  /** A copy, for constructors that adjust options without touching the caller's. */
  DuplexOptions copy() {
    DuplexOptions c = new DuplexOptions();
    c.allowHalfOpen = allowHalfOpen;
    c.readable = readable;
    c.writable = writable;
    c.highWaterMark = highWaterMark;
    c.readableHighWaterMark = readableHighWaterMark;
    c.writableHighWaterMark = writableHighWaterMark;
    c.objectMode = objectMode;
    c.readableObjectMode = readableObjectMode;
    c.writableObjectMode = writableObjectMode;
    c.encoding = encoding;
    c.decodeStrings = decodeStrings;
    c.defaultEncoding = defaultEncoding;
    c.emitClose = emitClose;
    c.autoDestroy = autoDestroy;
    c.read = read;
    c.write = write;
    c.writev = writev;
    c.finalHook = finalHook;
    c.destroy = destroy;
    c.construct = construct;
    return c;
  }
}
