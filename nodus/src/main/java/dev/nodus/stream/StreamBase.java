package dev.nodus.stream;

import dev.nodus.events.EventEmitter;
import dev.nodus.events.TriConsumer;
import dev.nodus.internal.loop.Loop;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What Readable and Writable share: the loop, the two side states and Node's destroy.js
 * (destroy, construct, errorOrDestroy). Package-private: users see it through Readable,
 * Writable and Duplex, which are EventEmitters as in Node (where both inherit legacy Stream).
 */
abstract class StreamBase extends EventEmitter {
  /** The loop the stream was created on; its nextTick queue orders the stream's events. */
  final Loop loop;
  /** The readable side, or null for a Writable. */
  ReadableState rs;
  /** The writable side, or null for a plain Readable. */
  WritableState ws;

  TriConsumer<Object, Throwable, Consumer<Throwable>> destroyHook;
  BiConsumer<Object, Consumer<Throwable>> constructHook;

  StreamBase() {
    this.loop = Loop.require();
  }

  // ---- hooks ---------------------------------------------------------------------------------

  /**
   * Releases the stream's resources; called once by {@code destroy()}. Call {@code callback}
   * with the error to report (usually {@code err}) or null, synchronously or later. The default
   * calls {@code callback.accept(err)}. Node: {@code readable._destroy(err, callback)}.
   *
   * @param err the error destroy was called with, or null
   * @param callback to call when done
   */
  protected void _destroy(Throwable err, Consumer<Throwable> callback) {
    if (destroyHook != null) {
      destroyHook.accept(this, err, callback);
    } else {
      callback.accept(err);
    }
  }

  /**
   * Prepares the stream asynchronously before any {@code _read}, {@code _write},
   * {@code _final} or {@code _destroy} runs; only called when a subclass overrides it or a
   * {@code construct} option is given. Call {@code callback} with null when ready or with an
   * error. Node: {@code stream._construct(callback)}.
   *
   * @param callback to call when ready
   */
  protected void _construct(Consumer<Throwable> callback) {
    if (constructHook != null) {
      constructHook.accept(this, callback);
    } else {
      callback.accept(null);
    }
  }

  // ---- shared accessors ------------------------------------------------------------------------

  /**
   * Returns whether {@code destroy()} was called. Node: {@code stream.destroyed}.
   *
   * @return the flag
   */
  public boolean destroyed() {
    // Node: a Duplex counts as destroyed only when both sides are.
    if (rs != null && ws != null) {
      return rs.destroyed && ws.destroyed;
    }
    return rs != null ? rs.destroyed : ws.destroyed;
  }

  /**
   * Returns whether {@code 'close'} is due: the stream was destroyed and its {@code _destroy}
   * completed. Node: {@code stream.closed}.
   *
   * @return the flag
   */
  public boolean closed() {
    return rs != null ? rs.closed : ws.closed;
  }

  /**
   * Returns the error the stream was destroyed with, or null. Node: {@code stream.errored}.
   *
   * @return the error or null
   */
  public Throwable errored() {
    return rs != null ? rs.errored : ws.errored;
  }

  // ---- destroy.js ----------------------------------------------------------------------------

  final void destroyImpl(Throwable err, Consumer<Throwable> cb) {
    throw new UnsupportedOperationException("TODO");
  }
}
