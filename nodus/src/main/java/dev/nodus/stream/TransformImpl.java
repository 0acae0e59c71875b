package dev.nodus.stream;

import java.util.function.Consumer;

/** Node: internal/streams/transform.js. */
final class TransformImpl {
  private TransformImpl() {}

  static DuplexOptions adjust(DuplexOptions options) {
    return options;
  }

  static void init(Transform t) {}

  static void write(Transform t, Object chunk, String encoding, Consumer<Throwable> cb) {
    throw new UnsupportedOperationException("TODO");
  }

  static void finalCall(Transform t, Consumer<Throwable> cb) {
    throw new UnsupportedOperationException("TODO");
  }

  static void read(Transform t) {
    throw new UnsupportedOperationException("TODO");
  }
}
