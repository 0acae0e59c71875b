package dev.nodus.stream;

/** Node: internal/streams/from.js for synchronous iterables. */
final class FromIterable {
  private FromIterable() {}

  static Readable create(Iterable<?> items, ReadableOptions options) {
    throw new UnsupportedOperationException("TODO");
  }
}
