package dev.nodus.stream;

/**
 * The flags both sides of a stream carry, which destroy.js reads on either side.
 * Node: the shared bits of ReadableState and WritableState ({@code kConstructed}, {@code kDestroyed},
 * {@code kClosed}, {@code kCloseEmitted}, {@code kErrorEmitted}, {@code kEmitClose},
 * {@code kAutoDestroy}, {@code errored}).
 *
 * <p>The loop is the only writer. The flags the public getters read are volatile, so a getter
 * called on another thread reads the loop's latest value.
 */
abstract class CommonState {
  boolean objectMode;
  volatile int highWaterMark;
  boolean constructed = true;
  volatile boolean destroyed;
  volatile boolean closed;
  volatile boolean closeEmitted;
  volatile boolean errorEmitted;
  boolean emitClose;
  boolean autoDestroy;
  volatile Throwable errored;
}
