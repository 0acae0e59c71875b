package dev.nodus.stream;

import java.util.List;
import java.util.function.Consumer;

/** The writable side's state and algorithms. Node: WritableState in internal/streams/writable.js. */
final class WritableState extends CommonState {
  final StreamBase stream;
  int length;
  boolean ending;
  boolean ended;
  boolean finished;
  boolean needDrain;
  int corked;
  boolean writable = true;
  boolean decodeStrings;
  String defaultEncoding;

  WritableState(StreamBase stream, boolean objectMode, int hwm, boolean decodeStrings,
      String defaultEncoding, boolean emitClose, boolean autoDestroy) {
    this.stream = stream;
    this.objectMode = objectMode;
    this.highWaterMark = hwm >= 0 ? hwm : Validation.defaultHighWaterMark(objectMode);
    this.decodeStrings = decodeStrings;
    this.defaultEncoding = defaultEncoding;
    this.emitClose = emitClose;
    this.autoDestroy = autoDestroy;
  }

  boolean hasWritev;
  boolean hasFinal;

  boolean write(Object chunk, String encoding, Consumer<Throwable> cb) {
    throw new UnsupportedOperationException("TODO");
  }

  void end(Object chunk, String encoding, Consumer<Throwable> cb) {
    throw new UnsupportedOperationException("TODO");
  }

  void cork() {
    corked++;
  }

  void uncork() {
    throw new UnsupportedOperationException("TODO");
  }

  void setDefaultEncoding(String encoding) {
    defaultEncoding = Validation.encoding(encoding);
  }

  boolean isWritable() {
    return writable && !destroyed && errored == null && !ending && !ended;
  }

  boolean needDrainPublic() {
    return needDrain;
  }

  void destroy(Throwable err) {
    throw new UnsupportedOperationException("TODO");
  }

  static Consumer<Throwable> runOnSuccess(Runnable r) {
    return r == null ? null : err -> {
      if (err == null) {
        r.run();
      }
    };
  }

  static void defaultWrite(StreamBase s, WritableOptions.WriteFunction<Object> hook, Object chunk,
      String encoding, Consumer<Throwable> cb) {
    throw new UnsupportedOperationException("TODO");
  }

  static void defaultWritev(StreamBase s, WritableOptions.WritevFunction<Object> hook,
      List<Chunk> chunks, Consumer<Throwable> cb) {
    throw new UnsupportedOperationException("TODO");
  }
}
