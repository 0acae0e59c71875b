package dev.nodus.stream;

import java.util.function.Consumer;

/** Node: internal/streams/end-of-stream.js. */
final class EndOfStream {
  private EndOfStream() {}

  static Runnable finished(Object stream, boolean readable, boolean writable,
      Consumer<Throwable> callback) {
    throw new UnsupportedOperationException("TODO");
  }
}
