package dev.nodus.stream;

import dev.nodus.buffer.Buffer;
import dev.nodus.buffer.Encoding;
import dev.nodus.internal.stream.StreamErrors;
import dev.nodus.internal.loop.ThreadCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;

/**
 * The writable side's state machine, shared by {@link Writable} and {@link Duplex}.
 * Node: WritableState and the free functions of lib/internal/streams/writable.js
 * (writeOrBuffer, onwrite, afterWrite, clearBuffer, end, finishMaybe, prefinish, finish),
 * which this follows step by step so that callbacks and events fire in Node's order.
 *
 * <p>Allocation: a write that goes straight to {@code _write} allocates nothing here; a write
 * buffered behind a pending one costs one {@link Chunk} (Node allocates {@code {chunk,
 * encoding, callback}}); the nextTick after synchronous writes without callback reuses one
 * preallocated task.
 *
 * <p>Threading: everything here runs on the stream's loop, except {@link #writeOffLoop}, the
 * public getters' reads of the volatile fields ({@code corked}, the flags the getters combine)
 * and of {@code length} ({@link #lengthSnapshot()}), and the two off-loop counters. The loop is
 * the only writer of every other field.
 */
final class WritableState extends CommonState implements Consumer<Throwable> {
  /** Node's {@code nop}: the callback of writes made without one. */
  static final Consumer<Throwable> NOP = err -> {};

  final StreamBase stream;

  boolean decodeStrings;
  volatile String defaultEncoding;
  /** Node: {@code writable === false} from Duplex's {@code writable: false} option. */
  boolean disabled;
  boolean hasWritev;
  boolean hasFinal;

  /**
   * Plain: changed twice per write on the loop, where a volatile store would cost a fence each.
   * Other threads read it with {@link #lengthSnapshot()}.
   */
  int length;
  volatile int corked;
  int writelen;
  int pendingcb;
  boolean finalCalled;
  volatile boolean needDrain;
  volatile boolean ending;
  volatile boolean ended;
  volatile boolean finished;
  boolean writing;
  boolean sync = true;
  boolean bufferProcessing;
  boolean prefinished;
  boolean allBuffers = true;
  boolean allNoop = true;
  boolean afterWritePending;
  boolean expectWriteCb;

  /** The callback of the write in flight, null for none (Node: writecb / nop). */
  private Consumer<Throwable> writecb;
  /** Writes waiting behind the one in flight, from bufferedIndex on. */
  private ArrayList<Chunk> buffered;
  private int bufferedIndex;
  private ArrayList<Consumer<Throwable>> onFinished;
  private AfterWriteTick afterWriteTickInfo;
  /** The error of the last rejected write, for end(chunk). */
  private Throwable lastWriteError;

  /** Node: state.onwrite, bound once per stream: the state itself, to spare an object per stream. */
  final Consumer<Throwable> onwrite = this;
  // Made on first use, then reused.
  private Runnable afterWriteNop;
  private Runnable errorBufferTask;

  /**
   * Bytes (objects in object mode) of writes made off the loop and not yet taken by it: they
   * count toward the high-water mark like {@code length}, so backpressure holds off the loop.
   */
  private volatile int offLoopPending;
  /** Off-loop writes that returned false and whose 'drain' the loop has not taken on yet. */
  private volatile int offLoopOwedDrains;
  /** Loop-only: the pending bytes of the off-loop write the loop is taking right now. */
  private int taking;
  private static final AtomicIntegerFieldUpdater<WritableState> PENDING =
      AtomicIntegerFieldUpdater.newUpdater(WritableState.class, "offLoopPending");
  private static final AtomicIntegerFieldUpdater<WritableState> OWED =
      AtomicIntegerFieldUpdater.newUpdater(WritableState.class, "offLoopOwedDrains");

  WritableState(StreamBase stream, boolean objectMode, int hwm, boolean decodeStrings,
      String defaultEncoding, boolean emitClose, boolean autoDestroy) {
    this.stream = stream;
    this.objectMode = objectMode;
    this.highWaterMark = hwm >= 0 ? hwm : Validation.defaultHighWaterMark(objectMode);
    this.decodeStrings = decodeStrings;
    this.defaultEncoding = defaultEncoding == null ? "utf8" : defaultEncoding;
    this.emitClose = emitClose;
    this.autoDestroy = autoDestroy;
  }

  private boolean hasBuffered() {
    return buffered != null && bufferedIndex < buffered.size();
  }

  /** Node: writable.writableBuffer's length (state.bufferedRequestCount). */
  int bufferedRequestCount() {
    return buffered == null ? 0 : buffered.size() - bufferedIndex;
  }

  // ---- write ---------------------------------------------------------------------------------

  /** Node: Writable.prototype.write. */
  boolean write(Object chunk, String encoding, Consumer<Throwable> cb) {
    return writeImpl(chunk, encoding, cb) > 0;
  }

  /**
   * A {@code write()} made off the stream's loop: validates the chunk here (Node's synchronous
   * errors are thrown to the caller), counts it as pending, and hands {@code call} (the public
   * write, run again on the loop) over. Returns what Node's write would if the loop had taken
   * every pending write: false once {@code length} plus the pending bytes reach the high-water
   * mark. Then the loop owes this writer a {@code 'drain'}: it sets {@code needDrain} before it
   * takes the write, exactly as a write made on the loop that returned false.
   */
  boolean writeOffLoop(Object chunk, String encoding, Runnable call) {
    int len = offLoopLength(chunk, encoding);
    int total = lengthSnapshot() + PENDING.addAndGet(this, len);
    boolean ret = (total < highWaterMark || total == 0) && !ending && !destroyed && errored == null;
    if (!ret) {
      OWED.incrementAndGet(this);
    }
    stream.handOver(() -> {
      if (!ret) {
        OWED.decrementAndGet(this);
        needDrain = true;
      }
      taking = len;
      try {
        call.run();
      } finally {
        taking = 0;
        // After the call, so other threads count the bytes in length before they leave the
        // pending sum (never in neither).
        PENDING.addAndGet(this, -len);
      }
    });
    return ret;
  }

  /**
   * An {@code end(chunk)} made off the loop: validates the chunk here, so that Node's synchronous
   * errors reach the caller, then hands {@code call} to the loop.
   */
  void endOffLoop(Object chunk, String encoding, Runnable call) {
    if (chunk != null) {
      offLoopLength(chunk, encoding);
    }
    stream.handOver(call);
  }

  /** writeImpl's synchronous checks, and the length the loop will count for the chunk. */
  private int offLoopLength(Object chunk, String encoding) {
    if (chunk == null) {
      throw StreamErrors.nullValues();
    }
    if (objectMode) {
      return 1;
    }
    if (encoding != null && !"buffer".equals(encoding) && !Encoding.isEncoding(encoding)) {
      throw StreamErrors.unknownEncoding(encoding);
    }
    if (chunk instanceof Buffer b) {
      return b.length();
    }
    if (chunk instanceof byte[] b) {
      return b.length;
    }
    if (chunk instanceof String str) {
      // The loop counts bytes once it encodes the string, characters if it keeps it.
      return decodeStrings
          ? Buffer.byteLength(str, encoding != null ? encoding : defaultEncoding) : str.length();
    }
    throw StreamErrors.invalidChunk(chunk);
  }

  /** Whether no off-loop write waits to be taken, besides the one being taken now. */
  private boolean noOffLoopBacklog() {
    return offLoopPending == taking;
  }

  /**
   * {@code length} read from any thread: an opaque read, never torn and never hoisted out of a
   * caller's loop, of the value the loop last stored.
   */
  int lengthSnapshot() {
    return (int) LENGTH.getOpaque(this);
  }

  private static final java.lang.invoke.VarHandle LENGTH;

  static {
    try {
      LENGTH = java.lang.invoke.MethodHandles.lookup()
          .findVarHandle(WritableState.class, "length", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * On the loop: whether a writer waiting for {@code 'drain'} has nothing to wait for: no drain
   * is due (none owed, none pending), and the stream can still be written.
   */
  boolean drainNotDue() {
    return !needDrain && offLoopOwedDrains == 0 && !destroyed && !ending && errored == null;
  }

  /** Off-loop writes not yet taken by the loop, in bytes (objects in object mode). */
  int offLoopPending() {
    return offLoopPending;
  }

  /** Node: _write(stream, chunk, encoding, cb); 1 = true, 0 = false, -1 = rejected. */
  private int writeImpl(Object chunk, String encoding, Consumer<Throwable> cb) {
    ThreadCheck.confined(stream.loop, "WritableState.write");
    if (cb == null) {
      cb = NOP;
    }
    if (chunk == null) {
      throw StreamErrors.nullValues();
    }
    if (!objectMode) {
      if (encoding == null) {
        encoding = defaultEncoding;
      } else if (!"buffer".equals(encoding) && !Encoding.isEncoding(encoding)) {
        throw StreamErrors.unknownEncoding(encoding);
      }
      if (chunk instanceof String s) {
        if (decodeStrings) {
          chunk = Buffer.from(s, encoding);
          encoding = "buffer";
        }
      } else if (chunk instanceof Buffer) {
        encoding = "buffer";
      } else if (chunk instanceof byte[] b) {
        // Node: _uint8ArrayToBuffer shares the memory.
        chunk = Buffer.wrap(b);
        encoding = "buffer";
      } else {
        throw StreamErrors.invalidChunk(chunk);
      }
    }
    Throwable err = null;
    if (ending) {
      err = StreamErrors.writeAfterEnd();
    } else if (destroyed) {
      err = StreamErrors.destroyed("write");
    }
    if (err != null) {
      Consumer<Throwable> callback = cb;
      Throwable e = err;
      stream.nextTick(() -> callback.accept(e));
      stream.errorOrDestroy(err, true);
      lastWriteError = err;
      return -1;
    }
    pendingcb++;
    return writeOrBuffer(chunk, encoding, cb) ? 1 : 0;
  }

  private static int chunkLength(Object chunk) {
    if (chunk instanceof Buffer b) {
      return b.length();
    }
    return ((String) chunk).length();
  }

  /** Node: writeOrBuffer. Writes now if nothing is in flight, else queues. */
  private boolean writeOrBuffer(Object chunk, String encoding, Consumer<Throwable> callback) {
    int len = objectMode ? 1 : chunkLength(chunk);
    length += len;
    if (writing || errored != null || corked > 0 || !constructed) {
      if (buffered == null) {
        buffered = new ArrayList<>();
      }
      buffered.add(new Chunk(chunk, encoding, callback, len));
      if (allBuffers && !"buffer".equals(encoding)) {
        allBuffers = false;
      }
      if (allNoop && callback != NOP) {
        allNoop = false;
      }
    } else {
      writelen = len;
      writecb = callback == NOP ? null : callback;
      writing = true;
      sync = true;
      expectWriteCb = true;
      stream.callWrite(chunk, encoding, onwrite);
      sync = false;
    }
    boolean ret = length < highWaterMark || length == 0;
    if (!ret) {
      needDrain = true;
    }
    // Return false if errored or destroyed, to break synchronous while (write()) loops.
    return ret && !destroyed && errored == null;
  }

  /** Node: doWrite. */
  private void doWrite(boolean writev, int len, Object chunk, String encoding,
      Consumer<Throwable> cb) {
    writelen = len;
    writecb = cb == NOP ? null : cb;
    writing = true;
    sync = true;
    expectWriteCb = true;
    if (destroyed) {
      onwrite(StreamErrors.destroyed("write"));
    } else if (writev) {
      @SuppressWarnings("unchecked")
      List<Chunk> chunks = (List<Chunk>) chunk;
      stream.callWritev(chunks, onwrite);
    } else {
      stream.callWrite(chunk, encoding, onwrite);
    }
    sync = false;
  }

  /** Node: onwriteError. */
  private void onwriteError(Throwable er, Consumer<Throwable> cb) {
    --pendingcb;
    cb.accept(er);
    // Buffered writes fail too even without autoDestroy; 'error' must follow the callback.
    errorBuffer();
    stream.errorOrDestroy(er, false);
  }

  /** The {@link #onwrite} callback. */
  @Override
  public void accept(Throwable er) {
    onwrite(er);
  }

  /** Node: onwrite(stream, er), the callback handed to _write and _writev. */
  private void onwrite(Throwable er) {
    ThreadCheck.confined(stream.loop, "WritableState.onwrite");
    if (!expectWriteCb) {
      stream.errorOrDestroy(StreamErrors.multipleCallback(), false);
      return;
    }
    boolean wasSync = sync;
    Consumer<Throwable> cb = writecb != null ? writecb : NOP;
    writecb = null;
    writing = false;
    expectWriteCb = false;
    length -= writelen;
    writelen = 0;
    if (er != null) {
      if (errored == null) {
        errored = er;
      }
      // A Duplex's readable side learns of the error too.
      ReadableState r = stream.rs;
      if (r != null && r.errored == null) {
        r.errored = er;
      }
      if (wasSync) {
        stream.nextTick(() -> onwriteError(er, cb));
      } else {
        onwriteError(er, cb);
      }
      return;
    }
    if (hasBuffered()) {
      clearBuffer();
    }
    if (wasSync) {
      boolean needDrainNow = needDrain && length == 0 && noOffLoopBacklog();
      // Node v20 writes `(state[kState] & kDestroyed !== 0)`, which operator precedence turns
      // into `state[kState] & 1`, the object-mode bit: object-mode writes always take the tick.
      boolean needTick = needDrainNow || objectMode || cb != NOP;
      // A stream written with the same callback (or none) again and again gets one tick for
      // the whole batch, with a counter, as in Node.
      if (cb == NOP) {
        if (!afterWritePending && needTick) {
          stream.nextTick(afterWriteNop != null ? afterWriteNop : (afterWriteNop = () -> afterWrite(1, NOP)));
          afterWritePending = true;
        } else {
          pendingcb--;
          if (ending) {
            finishMaybe(true);
          }
        }
      } else if (afterWriteTickInfo != null && afterWriteTickInfo.cb == cb) {
        afterWriteTickInfo.count++;
      } else if (needTick) {
        afterWriteTickInfo = new AfterWriteTick(cb);
        stream.nextTick(afterWriteTickInfo);
        afterWritePending = true;
      } else {
        pendingcb--;
        if (ending) {
          finishMaybe(true);
        }
      }
    } else {
      afterWrite(1, cb);
    }
  }

  /** Node: afterWriteTickInfo plus afterWriteTick. */
  private final class AfterWriteTick implements Runnable {
    final Consumer<Throwable> cb;
    int count = 1;

    AfterWriteTick(Consumer<Throwable> cb) {
      this.cb = cb;
    }

    @Override
    public void run() {
      afterWriteTickInfo = null;
      afterWrite(count, cb);
    }
  }

  /** Node: afterWrite. Emits 'drain', then calls the write callbacks. */
  private void afterWrite(int count, Consumer<Throwable> cb) {
    afterWritePending = false;
    // Writes handed over by other threads and not yet taken count as buffered: a 'drain' now
    // would tell every waiting writer thread to write again while the loop still has their
    // queued chunks, and the queue would grow with each drain. The last of them brings it.
    if (needDrain && !ending && !destroyed && length == 0 && noOffLoopBacklog()) {
      needDrain = false;
      stream.emit(Writable.DRAIN);
    }
    while (count-- > 0) {
      pendingcb--;
      cb.accept(null);
    }
    if (destroyed) {
      errorBuffer();
    }
    if (ending) {
      finishMaybe(true);
    }
  }

  /** Node: errorBuffer. Fails every queued write and end callback. */
  void errorBuffer() {
    if (writing) {
      return;
    }
    if (hasBuffered()) {
      ArrayList<Chunk> list = buffered;
      for (int n = bufferedIndex; n < list.size(); ++n) {
        Chunk c = list.get(n);
        length -= c.length;
        c.callback.accept(errored != null ? errored : StreamErrors.destroyed("write"));
      }
    }
    callFinishedCallbacks(errored != null ? errored : StreamErrors.destroyed("end"));
    resetBuffer(true);
  }

  private void resetBuffer(boolean handedOff) {
    if (handedOff || buffered == null) {
      buffered = null;
    } else {
      buffered.clear();
    }
    bufferedIndex = 0;
    allBuffers = true;
    allNoop = true;
  }

  /** Node: clearBuffer. Hands queued writes to _writev (all at once) or _write (in order). */
  void clearBuffer() {
    if (destroyed || bufferProcessing || corked > 0 || !hasBuffered() || !constructed) {
      return;
    }
    ArrayList<Chunk> list = buffered;
    int i = bufferedIndex;
    int bufferedLength = list.size() - i;
    bufferProcessing = true;
    if (bufferedLength > 1 && hasWritev) {
      pendingcb -= bufferedLength - 1;
      List<Chunk> chunks = allNoop && i == 0 ? list : new ArrayList<>(list.subList(i, list.size()));
      Consumer<Throwable> callback = allNoop ? NOP : err -> {
        for (int n = 0; n < chunks.size(); n++) {
          chunks.get(n).callback.accept(err);
        }
      };
      // The list now belongs to _writev: the next writes start a new one.
      resetBuffer(true);
      doWrite(true, length, chunks, "", callback);
    } else {
      do {
        Chunk c = list.get(i);
        list.set(i++, null);
        doWrite(false, c.length, c.chunk, c.encoding, c.callback);
      } while (i < list.size() && !writing);
      if (list != buffered) {
        // errorBuffer ran meanwhile and dropped the list.
      } else if (i == list.size()) {
        resetBuffer(false);
      } else if (i > 256) {
        list.subList(0, i).clear();
        bufferedIndex = 0;
      } else {
        bufferedIndex = i;
      }
    }
    bufferProcessing = false;
  }

  // ---- cork, end, finish --------------------------------------------------------------------

  void cork() {
    ThreadCheck.confined(stream.loop, "WritableState.cork");
    corked++;
  }

  /** Node: Writable.prototype.uncork. */
  void uncork() {
    ThreadCheck.confined(stream.loop, "WritableState.uncork");
    if (corked > 0) {
      corked--;
      if (!writing) {
        clearBuffer();
      }
    }
  }

  void setDefaultEncoding(String encoding) {
    defaultEncoding = checkEncoding(encoding);
  }

  /** setDefaultEncoding's validation, also run on the caller's thread off the loop. */
  static String checkEncoding(String encoding) {
    String e = encoding == null ? null : encoding.toLowerCase(java.util.Locale.ROOT);
    if (e == null || !Encoding.isEncoding(e)) {
      throw StreamErrors.unknownEncoding(encoding);
    }
    return e;
  }

  /** Node: Writable.prototype.end. */
  void end(Object chunk, String encoding, Consumer<Throwable> cb) {
    ThreadCheck.confined(stream.loop, "WritableState.end");
    Throwable err = null;
    if (chunk != null) {
      if (writeImpl(chunk, encoding, null) < 0) {
        err = lastWriteError;
        lastWriteError = null;
      }
    }
    // end() fully uncorks.
    if (corked > 0) {
      corked = 1;
      uncork();
    }
    if (err != null) {
      // Nothing more: the write already reported it.
    } else if (!ending && errored == null) {
      // Forgiving about repeated end() calls, as Node is.
      ending = true;
      finishMaybe(true);
      ended = true;
    } else if (finished) {
      err = StreamErrors.alreadyFinished("end");
    } else if (destroyed) {
      err = StreamErrors.destroyed("end");
    }
    if (cb != null) {
      if (err != null) {
        Throwable e = err;
        stream.nextTick(() -> cb.accept(e));
      } else if (errored != null) {
        Throwable e = errored;
        stream.nextTick(() -> cb.accept(e));
      } else if (finished) {
        stream.nextTick(() -> cb.accept(null));
      } else {
        if (onFinished == null) {
          onFinished = new ArrayList<>(2);
        }
        onFinished.add(cb);
      }
    }
  }

  /** Node: needFinish. */
  private boolean needFinish() {
    return ending && constructed && length == 0 && !destroyed && !finished && !writing
        && !errorEmitted && !closeEmitted && errored == null && !hasBuffered();
  }

  /** Node: onFinish, the callback handed to _final. */
  private void onFinish(Throwable err) {
    if (prefinished) {
      stream.errorOrDestroy(err != null ? err : StreamErrors.multipleCallback(), false);
      return;
    }
    pendingcb--;
    if (err != null) {
      callFinishedCallbacks(err);
      stream.errorOrDestroy(err, sync);
    } else if (needFinish()) {
      prefinished = true;
      stream.emit(Writable.PREFINISH);
      // Node keeps 'finish' asynchronous relative to the _final callback.
      pendingcb++;
      stream.nextTick(this::finish);
    }
  }

  /** Node: prefinish. Runs _final, or emits 'prefinish' when there is none. */
  private void prefinish() {
    if (prefinished || finalCalled) {
      return;
    }
    if (hasFinal && !destroyed) {
      finalCalled = true;
      sync = true;
      pendingcb++;
      try {
        stream.callFinal(this::onFinish);
      } catch (RuntimeException e) {
        onFinish(e);
      }
      sync = false;
    } else {
      finalCalled = true;
      prefinished = true;
      stream.emit(Writable.PREFINISH);
    }
  }

  /** Node: finishMaybe. */
  void finishMaybe(boolean isSync) {
    if (needFinish()) {
      prefinish();
      if (pendingcb == 0) {
        if (isSync) {
          pendingcb++;
          stream.nextTick(() -> {
            if (needFinish()) {
              finish();
            } else {
              pendingcb--;
            }
          });
        } else if (needFinish()) {
          pendingcb++;
          finish();
        }
      }
    }
  }

  /** Node: finish. Emits 'finish' and auto-destroys once the readable side (if any) ended. */
  private void finish() {
    pendingcb--;
    finished = true;
    callFinishedCallbacks(null);
    stream.emit(Writable.FINISH);
    if (autoDestroy) {
      ReadableState r = stream.rs;
      boolean autoDestroyNow = r == null || (r.autoDestroy && (r.endEmitted || r.disabled));
      if (autoDestroyNow) {
        stream.callDestroy(null);
      }
    }
  }

  private void callFinishedCallbacks(Throwable err) {
    ArrayList<Consumer<Throwable>> list = onFinished;
    if (list == null) {
      return;
    }
    onFinished = null;
    for (int i = 0; i < list.size(); i++) {
      list.get(i).accept(err);
    }
  }

  /** Node: WritableState.prototype[kOnConstructed]. */
  void onConstructed() {
    if (!writing) {
      clearBuffer();
    }
    if (ending) {
      finishMaybe(false);
    }
  }

  /** Node: Writable.prototype.destroy: fails pending callbacks on the next tick, then destroys. */
  void destroy(Throwable err) {
    ThreadCheck.confined(stream.loop, "WritableState.destroy");
    if ((hasBuffered() || onFinished != null) && !destroyed) {
      stream.nextTick(errorBufferTask != null ? errorBufferTask : (errorBufferTask = this::errorBuffer));
    }
    stream.destroyImpl(err, null);
  }

  // ---- accessors -----------------------------------------------------------------------------

  boolean isWritable() {
    return !disabled && !ending && !ended && !destroyed && errored == null;
  }

  boolean needDrainPublic() {
    return (needDrain || offLoopOwedDrains > 0) && !destroyed && !ending;
  }

  static Consumer<Throwable> runOnSuccess(Runnable r) {
    return r == null ? null : err -> {
      if (err == null) {
        r.run();
      }
    };
  }

  /** Node: Writable.prototype._write: falls back to _writev, else not implemented. */
  static void defaultWrite(StreamBase s, WritableOptions.WriteFunction<Object> hook, Object chunk,
      String encoding, Consumer<Throwable> cb) {
    if (hook != null) {
      hook.write(s, chunk, encoding, cb);
    } else if (s.ws.hasWritev) {
      List<Chunk> one = new ArrayList<>(1);
      one.add(new Chunk(chunk, encoding, null, 0));
      s.callWritev(one, cb);
    } else {
      throw StreamErrors.methodNotImplemented("_write()");
    }
  }

  static void defaultWritev(StreamBase s, WritableOptions.WritevFunction<Object> hook,
      List<Chunk> chunks, Consumer<Throwable> cb) {
    if (hook != null) {
      hook.writev(s, chunks, cb);
    } else {
      throw StreamErrors.methodNotImplemented("_writev()");
    }
  }
}
