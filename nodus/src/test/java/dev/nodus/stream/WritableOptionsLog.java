package dev.nodus.stream;

import dev.nodus.buffer.Buffer;

/** A write hook that logs what it receives, as node's {@code typeof c, e, c.length}. */
final class WritableOptionsLog {
  private WritableOptionsLog() {}

  static WritableOptions.WriteFunction<Writable> of(Scenario.Log log, String name) {
    return (s, c, e, cb) -> {
      String type = c instanceof String ? "string" : "object";
      int len = c instanceof Buffer b ? b.length() : ((String) c).length();
      log.add(name + " " + type + " " + e + " " + len);
      cb.accept(null);
    };
  }
}
