package dev.nodus.stream;

/**
 * The flags both sides of a stream carry, which destroy.js reads on either side.
 * Node: the shared bits of ReadableState and WritableState ({@code kConstructed}, {@code kDestroyed},
 * {@code kClosed}, {@code kCloseEmitted}, {@code kErrorEmitted}, {@code kEmitClose},
 * {@code kAutoDestroy}, {@code errored}).
 */
abstract class CommonState {
  boolean objectMode;
  int highWaterMark;
  boolean constructed = true;
  boolean destroyed;
  boolean closed;
  boolean closeEmitted;
  boolean errorEmitted;
  boolean emitClose;
  boolean autoDestroy;
  Throwable errored;
}
