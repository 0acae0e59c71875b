package dev.nodus.stream;

import java.util.List;
import java.util.function.Consumer;

/** Node: internal/streams/pipeline.js. */
final class Pipeline {
  private Pipeline() {}

  static <T> T run(List<?> streams, Consumer<Throwable> callback) {
    throw new UnsupportedOperationException("TODO");
  }
}
