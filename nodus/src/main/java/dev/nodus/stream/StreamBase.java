package dev.nodus.stream;

import dev.nodus.events.Event0;
import dev.nodus.events.EventEmitter;
import dev.nodus.events.TriConsumer;
import dev.nodus.internal.loop.EventEmitterLoops;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.ThreadCheck;
import dev.nodus.internal.stream.StreamErrors;
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
    // Node: streams are tied to the process's tick queue; ours to the loop that made them.
    this.loop = Loop.current();
    // The emitter side hands listener changes and emissions from other threads to that loop.
    EventEmitterLoops.bind(this, loop);
  }

  // ---- threading ---------------------------------------------------------------------------

  /**
   * Whether a public call must be handed to the loop: the stream was made on a loop and the
   * calling thread is not that loop. A stream made off any loop runs every call where it is made.
   */
  final boolean offLoop() {
    Loop l = loop;
    return l != null && !l.inLoop();
  }

  /** Hands a public call to the stream's loop; calls handed over run there in the order given. */
  final void handOver(Runnable call) {
    loop.executeLater(call);
  }

  /**
   * {@code once('drain', listener)} called off the loop: handed over like any listener, it lands
   * behind the writes the same thread made, and the drain the thread waits for (its write
   * returned false) may have been emitted before it arrives. So on the loop: if a drain is due,
   * the listener is added; if none is (it came already), the listener runs at once. Node has no
   * such race, as its listener is added in the same synchronous block as the write. Returns
   * false, doing nothing, for other events or a stream without a writable side.
   */
  final boolean onceDrainOffLoop(String event, Runnable listener, Runnable register) {
    if (ws == null || !"drain".equals(event)) {
      return false;
    }
    handOver(() -> {
      if (ws.drainNotDue()) {
        listener.run();
      } else {
        register.run();
      }
    });
    return true;
  }

  /**
   * Adds a one-time listener. Node: {@code emitter.once(name, fn)}. Called off the loop for
   * {@code 'drain'}: runs the listener at once if no drain is due when the call reaches the loop
   * (see the class's threading notes).
   *
   * @param event the event
   * @param listener the listener
   * @return this stream
   */
  @Override
  public EventEmitter once(Event0 event, Runnable listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      if (onceDrainOffLoop(event.name(), listener, () -> once(event, listener))) {
        return this;
      }
    }
    return super.once(event, listener);
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

  /** The loop's nextTick. Node: process.nextTick. */
  final void nextTick(Runnable r) {
    Loop l = loop;
    if (l == null) {
      l = Loop.require();
    }
    l.nextTick(r);
  }

  /** Calls the most derived public destroy(err), as Node's {@code stream.destroy(err)}. */
  abstract void callDestroy(Throwable err);

  /** Calls the writable side's {@code _write}; only Writable and Duplex have one. */
  void callWrite(Object chunk, String encoding, Consumer<Throwable> cb) {
    throw new IllegalStateException("not writable");
  }

  /** Calls the writable side's {@code _writev}. */
  void callWritev(java.util.List<Chunk> chunks, Consumer<Throwable> cb) {
    throw new IllegalStateException("not writable");
  }

  /** Calls the writable side's {@code _final}. */
  void callFinal(Consumer<Throwable> cb) {
    throw new IllegalStateException("not writable");
  }

  /** Whether a subclass or an option supplies {@code _construct}. */
  abstract boolean hasConstruct();

  /** The readable and writable sides' reactions to construction. Node: kOnConstructed. */
  void onConstructed() {
    if (rs != null) {
      rs.onConstructed();
    }
    if (ws != null) {
      ws.onConstructed();
    }
  }

  /** Set while destroy() waits for _construct to finish. Node: once(kDestroy). */
  private Consumer<Throwable> destroyAfterConstruct;

  /** Node: checkError. Records the first error on both sides. */
  final void checkError(Throwable err) {
    if (err != null) {
      if (ws != null && ws.errored == null) {
        ws.errored = err;
      }
      if (rs != null && rs.errored == null) {
        rs.errored = err;
      }
    }
  }

  /** Node: destroyImpl.destroy(err, cb). */
  final void destroyImpl(Throwable err, Consumer<Throwable> cb) {
    ThreadCheck.confined(loop, "StreamBase.destroy");
    ReadableState r = rs;
    WritableState w = ws;
    // With duplex streams we use the writable side for state.
    CommonState s = w != null ? w : r;
    if ((w != null && w.destroyed) || (r != null && r.destroyed)) {
      if (cb != null) {
        cb.accept(null);
      }
      return;
    }
    // Set destroyed before calling back, so that destroy() from a callback returns at once.
    checkError(err);
    if (w != null) {
      w.destroyed = true;
    }
    if (r != null) {
      r.destroyed = true;
    }
    if (!s.constructed) {
      destroyAfterConstruct = er -> runDestroy(aggregate(er, err), cb);
    } else {
      runDestroy(err, cb);
    }
  }

  /** Node's aggregateTwoErrors: the outer error, carrying a different inner one as suppressed. */
  static Throwable aggregate(Throwable inner, Throwable outer) {
    if (inner != null && outer != null && inner != outer) {
      outer.addSuppressed(inner);
      return outer;
    }
    return inner != null ? inner : outer;
  }

  /** Node: destroy.js _destroy(self, err, cb). */
  private void runDestroy(Throwable err, Consumer<Throwable> cb) {
    OnDestroy onDestroy = new OnDestroy(cb);
    try {
      _destroy(err, onDestroy);
    } catch (RuntimeException e) {
      onDestroy.accept(e);
    }
  }

  /** The callback handed to _destroy; only its first call counts. */
  private final class OnDestroy implements Consumer<Throwable> {
    private final Consumer<Throwable> cb;
    private boolean called;

    OnDestroy(Consumer<Throwable> cb) {
      this.cb = cb;
    }

    @Override
    public void accept(Throwable err) {
      if (called) {
        return;
      }
      called = true;
      checkError(err);
      if (ws != null) {
        ws.closed = true;
      }
      if (rs != null) {
        rs.closed = true;
      }
      if (cb != null) {
        cb.accept(err);
      }
      if (err != null) {
        nextTick(() -> {
          emitErrorNT(err);
          emitCloseNT();
        });
      } else {
        nextTick(StreamBase.this::emitCloseNT);
      }
    }
  }

  /** Node: emitCloseNT. */
  final void emitCloseNT() {
    if (ws != null) {
      ws.closeEmitted = true;
    }
    if (rs != null) {
      rs.closeEmitted = true;
    }
    if ((ws != null && ws.emitClose) || (rs != null && rs.emitClose)) {
      emit(Readable.CLOSE);
    }
  }

  /** Node: emitErrorNT. Emits 'error' once per stream. */
  final void emitErrorNT(Throwable err) {
    if ((ws != null && ws.errorEmitted) || (rs != null && rs.errorEmitted)) {
      return;
    }
    if (ws != null) {
      ws.errorEmitted = true;
    }
    if (rs != null) {
      rs.errorEmitted = true;
    }
    emit(ERROR, err);
  }

  /** Node: destroyImpl.errorOrDestroy(stream, err, sync). */
  final void errorOrDestroy(Throwable err, boolean sync) {
    ReadableState r = rs;
    WritableState w = ws;
    if ((w != null && w.destroyed) || (r != null && r.destroyed)) {
      return;
    }
    if ((r != null && r.autoDestroy) || (w != null && w.autoDestroy)) {
      callDestroy(err);
    } else if (err != null) {
      if (w != null && w.errored == null) {
        w.errored = err;
      }
      if (r != null && r.errored == null) {
        r.errored = err;
      }
      if (sync) {
        nextTick(() -> emitErrorNT(err));
      } else {
        emitErrorNT(err);
      }
    }
  }

  /** Node: destroyImpl.construct(stream, cb), called once from the most derived base class. */
  final void construct() {
    if (!hasConstruct()) {
      return;
    }
    if (rs != null) {
      rs.constructed = false;
    }
    if (ws != null) {
      ws.constructed = false;
    }
    nextTick(this::constructNT);
  }

  private void constructNT() {
    boolean[] called = new boolean[1];
    Consumer<Throwable> onConstruct = err -> {
      if (called[0]) {
        errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
        return;
      }
      called[0] = true;
      if (rs != null) {
        rs.constructed = true;
      }
      if (ws != null) {
        ws.constructed = true;
      }
      CommonState s = ws != null ? ws : rs;
      if (s.destroyed) {
        Consumer<Throwable> d = destroyAfterConstruct;
        destroyAfterConstruct = null;
        if (d != null) {
          d.accept(err);
        }
      } else if (err != null) {
        errorOrDestroy(err, true);
      } else {
        onConstructed();
      }
    };
    try {
      _construct(err -> nextTick(() -> onConstruct.accept(err)));
    } catch (RuntimeException e) {
      nextTick(() -> onConstruct.accept(e));
    }
  }
}
