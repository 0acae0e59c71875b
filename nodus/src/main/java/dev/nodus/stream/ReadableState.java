package dev.nodus.stream;

/** The readable side's state and algorithms. Node: ReadableState in internal/streams/readable.js. */
final class ReadableState extends CommonState {
  final Readable stream;
  int length;
  Boolean flowing;
  boolean ended;
  boolean endEmitted;
  boolean reading;
  boolean dataEmitted;
  String encoding;

  ReadableState(Readable stream, boolean objectMode, int hwm, String encoding, boolean emitClose,
      boolean autoDestroy) {
    this.stream = stream;
    this.objectMode = objectMode;
    this.highWaterMark = hwm >= 0 ? hwm : Validation.defaultHighWaterMark(objectMode);
    this.encoding = encoding;
    this.emitClose = emitClose;
    this.autoDestroy = autoDestroy;
  }
}
