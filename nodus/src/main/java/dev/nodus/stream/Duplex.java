package dev.nodus.stream;

import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import java.util.List;
import java.util.function.Consumer;

/**
 * Node's {@code stream.Duplex}: a {@link Readable} that is also writable, with an independent
 * buffer, high-water mark and object mode on each side. The writable side runs the same state
 * machine as {@link Writable} (shared, not copied).
 *
 * <h2>Half-open</h2>
 * With {@code allowHalfOpen} true (the default) each side ends on its own. With false, the
 * writable side is ended ({@code end()} on a later tick) once the readable side emitted
 * {@code 'end'}. Node: readable.js {@code endReadableNT}.
 *
 * <h2>Lifecycle</h2>
 * {@code 'close'} follows once both sides are done (readable {@code 'end'} and writable
 * {@code 'finish'}) when {@code autoDestroy}, or after {@link #destroy(Throwable)}.
 *
 * <h2>Contract for I/O subclasses (such as {@code net.Socket})</h2>
 * <ul>
 *   <li>From I/O callbacks on the loop, call {@link #push(Object)} with each received Buffer and
 *       {@code push(null)} at EOF. When {@code push} returns false, stop reading from the
 *       source; {@link #_read(int)} is called when the consumer wants more: (re)start reading
 *       there. {@link #readableReading()} says whether a read was requested and nothing pushed
 *       since; {@link #readableFlowing()} whether the consumer is flowing.</li>
 *   <li>{@link #_write}'s callback may be called synchronously when the bytes were accepted
 *       (the common case) or later; {@link #writableLength()} counts buffered bytes including
 *       the one in flight.</li>
 *   <li>{@link #_writev} (override it to receive batches) gets every chunk buffered while a
 *       write was pending or the stream was corked, in one call.</li>
 *   <li>{@link #_final} runs once after {@code end()} and all writes, before {@code 'finish'}:
 *       send the FIN there.</li>
 *   <li>To emit your own {@code 'close'} (for example {@code 'close'(hadError)}), construct with
 *       {@code emitClose(false)} and emit it from {@link #_destroy}'s completion path.</li>
 *   <li>{@code allowHalfOpen(false)}: after {@code 'end'} the stream calls {@code end()} on its
 *       writable side itself, on the next tick (Node: readable.js {@code endWritableNT}).</li>
 *   <li>Every {@code end(...)} overload, and the stream itself (half-close, pipe), goes through
 *       {@link #end(Object, String, Consumer)}: override that one to see all of them (Node's
 *       {@code Socket.prototype.end}). Likewise {@code destroy()} calls
 *       {@link #destroy(Throwable)}, and the readable machinery calls the public {@link #read()}
 *       / {@link #read(int)}, {@link #pause()} and {@link #resume()}, so overriding them works
 *       as overriding them in Node does.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * A stream made on a loop belongs to that loop: its events fire there and its state changes
 * only there. Every public method may be called from any thread and never blocks waiting for the
 * loop. Called off the loop, a method that acts on the stream ({@code write}, {@code end},
 * {@code cork}, {@code uncork}, {@code destroy}, {@code pause}, {@code resume},
 * {@code setEncoding}, {@code setDefaultEncoding}, {@code pipe}, {@code unpipe}, {@code read},
 * {@code push}, {@code unshift}, adding and removing listeners, {@code emit}) is handed to the loop
 * and runs there, in the order the calls were made; Node's synchronous argument errors (a null or
 * invalid chunk, an unknown encoding) are still thrown to the caller. {@code write()} off the loop
 * counts the chunk toward the high-water mark until the loop takes it ({@code writableLength}
 * includes it) and returns false once the buffered and handed-over bytes reach the mark; a
 * {@code 'drain'} then follows on the loop exactly as after a write made there that returned
 * false. {@code push()} and {@code unshift()} off the loop count the same way and return false
 * at the mark, so a producer thread that waits for the next {@code _read} stays bounded.
 * {@code read()} off the loop returns null: the chunk it takes reaches the {@code 'data'}
 * listeners on the loop. {@code once('drain', listener)} called off the loop after a
 * {@code write()} that returned false is safe: handed over behind that write, the listener runs
 * when the drain comes, or at once (on the loop) if the drain came before it arrived; an
 * {@code on('drain')} listener added off the loop hears only later drains.
 * Getters read fields that only the loop writes (volatile flags; the lengths through opaque
 * reads): each returns a value the loop stored, never a torn one; two getters called one after
 * the other may straddle a change. A stream made off any loop runs every call on the calling
 * thread and is not thread-safe.
 */
public class Duplex extends Readable implements WritableStream {
  /** Node's {@code 'drain'}: the write buffer emptied after a {@code write()} returned false. */
  public static final Event0 DRAIN = Writable.DRAIN;

  /** Node's {@code 'finish'}: the writable side ended and everything was written. */
  public static final Event0 FINISH = Writable.FINISH;

  /** Node's {@code 'prefinish'}: right before {@code 'finish'}. */
  public static final Event0 PREFINISH = Writable.PREFINISH;

  /** Node's {@code 'pipe'}: a Readable started piping into this stream. */
  public static final Event1<Readable> PIPE = Writable.PIPE;

  /** Node's {@code 'unpipe'}: a Readable stopped piping into this stream. */
  public static final Event1<Readable> UNPIPE = Writable.UNPIPE;

  volatile boolean allowHalfOpen = true;
  WritableOptions.WriteFunction<Object> writeHook;
  WritableOptions.WritevFunction<Object> writevHook;
  Consumer<Consumer<Throwable>> finalHook;

  /** Creates a byte stream with Node's default options. Node: {@code new Duplex()}. */
  protected Duplex() {
    this(new DuplexOptions());
  }

  /**
   * Creates a stream. Node: {@code new Duplex(options)}.
   *
   * @param options the options of both sides
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Duplex(DuplexOptions options) {
    super(true);
    // Node: new ReadableState(options, this, true) and new WritableState(options, this, true):
    // highWaterMark and objectMode win over the per-side settings.
    boolean rObject = options.objectMode || options.readableObjectMode;
    boolean wObject = options.objectMode || options.writableObjectMode;
    int rHwm = options.highWaterMark >= 0 ? options.highWaterMark : options.readableHighWaterMark;
    int wHwm = options.highWaterMark >= 0 ? options.highWaterMark : options.writableHighWaterMark;
    rs = new ReadableState(this, rObject, rHwm, options.encoding, options.emitClose,
        options.autoDestroy);
    ws = new WritableState(this, wObject, wHwm, options.decodeStrings, options.defaultEncoding,
        options.emitClose, options.autoDestroy);
    allowHalfOpen = options.allowHalfOpen;
    if (!options.readable) {
      rs.disabled = true;
      rs.ended = true;
      rs.endEmitted = true;
    }
    if (!options.writable) {
      ws.disabled = true;
      ws.ending = true;
      ws.ended = true;
      ws.finished = true;
    }
    if (options.read != null) {
      readHook = size -> options.read.accept(this, (Integer) size);
    }
    writeHook = (WritableOptions.WriteFunction) options.write;
    writevHook = (WritableOptions.WritevFunction) options.writev;
    if (options.finalHook != null) {
      finalHook = cb -> options.finalHook.accept(this, cb);
    }
    destroyHook = (dev.nodus.events.TriConsumer) options.destroy;
    constructHook = (java.util.function.BiConsumer) options.construct;
    ws.hasWritev = writevHook != null || Hooks.overridesWritev(getClass());
    ws.hasFinal = finalHook != null || Hooks.overridesFinal(getClass());
    construct();
  }

  @Override
  final void callWrite(Object chunk, String encoding, Consumer<Throwable> cb) {
    _write(chunk, encoding, cb);
  }

  @Override
  final void callWritev(List<Chunk> chunks, Consumer<Throwable> cb) {
    _writev(chunks, cb);
  }

  @Override
  final void callFinal(Consumer<Throwable> cb) {
    _final(cb);
  }

  /**
   * Creates a stream from hooks, Node's simplified construction. Node:
   * {@code new Duplex({read, write, final, ...})}.
   *
   * @param options the options and hooks
   * @return the stream
   */
  public static Duplex create(DuplexOptions options) {
    return new Duplex(options);
  }

  // ---- hooks -------------------------------------------------------------------------------

  /**
   * Writes one chunk; call {@code callback} (synchronously or later) when done. Node:
   * {@code duplex._write(chunk, encoding, callback)}.
   *
   * @param chunk a Buffer, a String when {@code decodeStrings} is false, or any object in
   *     object mode
   * @param encoding {@code "buffer"} for a Buffer, else the string's encoding
   * @param callback to call with null or the error
   */
  protected void _write(Object chunk, String encoding, Consumer<Throwable> callback) {
    WritableState.defaultWrite(this, writeHook, chunk, encoding, callback);
  }

  /**
   * Writes several buffered chunks at once; only called if a subclass overrides it (or a
   * {@code writev} option is given). Node: {@code duplex._writev(chunks, callback)}.
   *
   * @param chunks the chunks, in order
   * @param callback to call when all are done
   */
  protected void _writev(List<Chunk> chunks, Consumer<Throwable> callback) {
    WritableState.defaultWritev(this, writevHook, chunks, callback);
  }

  /**
   * Runs after {@code end()} once every chunk was written, before {@code 'finish'}. Node:
   * {@code duplex._final(callback)}.
   *
   * @param callback to call with null or an error
   */
  protected void _final(Consumer<Throwable> callback) {
    if (finalHook != null) {
      finalHook.accept(callback);
    } else {
      callback.accept(null);
    }
  }

  /**
   * Returns whether the writable side stays open after the readable side ended. Node:
   * {@code duplex.allowHalfOpen}.
   *
   * @return the flag
   */
  public boolean allowHalfOpen() {
    return allowHalfOpen;
  }

  /**
   * Sets whether the writable side stays open after the readable side ended. Node:
   * {@code duplex.allowHalfOpen = value}.
   *
   * @param allowHalfOpen the flag
   * @return this stream
   */
  public Duplex allowHalfOpen(boolean allowHalfOpen) {
    if (offLoop()) {
      handOver(() -> allowHalfOpen(allowHalfOpen));
      return this;
    }
    this.allowHalfOpen = allowHalfOpen;
    return this;
  }

  /**
   * Destroys both sides. Node: {@code duplex.destroy()}.
   *
   * @return this stream
   * @emits {@link #CLOSE} on a later tick (when {@code emitClose})
   */
  @Override
  public Duplex destroy() {
    return destroy(null);
  }

  /**
   * Destroys both sides with an error. Node: {@code duplex.destroy(err)}.
   *
   * @param err the error, or null
   * @return this stream
   * @emits {@code 'error'} with {@code err}, then {@link #CLOSE}, on later ticks
   */
  @Override
  public Duplex destroy(Throwable err) {
    if (offLoop()) {
      handOver(() -> destroy(err));
      return this;
    }
    ws.destroy(err);
    return this;
  }

  @Override
  public Duplex setEncoding(String encoding) {
    super.setEncoding(encoding);
    return this;
  }

  @Override
  public Duplex pause() {
    super.pause();
    return this;
  }

  @Override
  public Duplex resume() {
    super.resume();
    return this;
  }

  // ---- writing (Node: internal/streams/writable.js) ---------------------------------------

  /**
   * Writes a chunk. Node: {@code writable.write(chunk)}.
   *
   * @param chunk a Buffer, String (encoded with the default encoding) or byte[]; any object
   *     except null in object mode
   * @return false when the buffered length reached the high-water mark: wait for
   *     {@code 'drain'} before writing more
   * @throws dev.nodus.NodeError {@code ERR_STREAM_NULL_VALUES} for null,
   *     {@code ERR_INVALID_ARG_TYPE} for another type outside object mode
   * @emits {@link Duplex#DRAIN} later, once the buffer empties, if this returned false;
   *     {@code 'error'} ({@code ERR_STREAM_WRITE_AFTER_END}, {@code ERR_STREAM_DESTROYED})
   */
  @Override
  public boolean write(Object chunk) {
    if (offLoop()) {
      return ws.writeOffLoop(chunk, null, () -> write(chunk));
    }
    return ws.write(chunk, null, null);
  }

  /**
   * Writes a string in {@code encoding}. Node: {@code writable.write(chunk, encoding)}.
   *
   * @param chunk the string
   * @param encoding its encoding, such as {@code "hex"}
   * @return false when the buffer reached the high-water mark
   */
  public boolean write(String chunk, String encoding) {
    if (offLoop()) {
      return ws.writeOffLoop(chunk, encoding, () -> write(chunk, encoding));
    }
    return ws.write(chunk, encoding, null);
  }

  /**
   * Writes a chunk and calls {@code callback} once it was handled (with the error if it
   * failed). Node: {@code writable.write(chunk, callback)}.
   *
   * @param chunk the chunk
   * @param callback called with null or the error
   * @return false when the buffer reached the high-water mark
   */
  @Override
  public boolean write(Object chunk, Consumer<Throwable> callback) {
    if (offLoop()) {
      return ws.writeOffLoop(chunk, null, () -> write(chunk, callback));
    }
    return ws.write(chunk, null, callback);
  }

  /**
   * Writes a string in {@code encoding} and calls {@code callback} once handled. Node:
   * {@code writable.write(chunk, encoding, callback)}.
   *
   * @param chunk the string
   * @param encoding its encoding
   * @param callback called with null or the error
   * @return false when the buffer reached the high-water mark
   */
  public boolean write(String chunk, String encoding, Consumer<Throwable> callback) {
    if (offLoop()) {
      return ws.writeOffLoop(chunk, encoding, () -> write(chunk, encoding, callback));
    }
    return ws.write(chunk, encoding, callback);
  }

  /**
   * Signals that nothing more will be written; {@code _final} runs once the buffer is
   * written, then {@code 'finish'}. Node: {@code writable.end()}.
   *
   * @return this stream
   * @emits {@link Duplex#PREFINISH} and {@link Duplex#FINISH} once everything was written
   */
  @Override
  public Duplex end() {
    return end((Object) null, null, (Consumer<Throwable>) null);
  }

  /**
   * Signals the end and calls {@code onFinish} on {@code 'finish'}. Node:
   * {@code writable.end(callback)}. (Node also passes an error to the callback; use
   * {@link #end(Object, String, Consumer)} to receive it.)
   *
   * @param onFinish called once finished (not called on error)
   * @return this stream
   */
  @Override
  public Duplex end(Runnable onFinish) {
    return end((Object) null, null, WritableState.runOnSuccess(onFinish));
  }

  /**
   * Writes a last chunk and signals the end. Node: {@code writable.end(chunk)}.
   *
   * @param chunk the chunk, or null for none
   * @return this stream
   */
  @Override
  public Duplex end(Object chunk) {
    return end(chunk, null, (Consumer<Throwable>) null);
  }

  /**
   * Writes a last chunk, signals the end and calls {@code onFinish} on {@code 'finish'}.
   * Node: {@code writable.end(chunk, callback)}.
   *
   * @param chunk the chunk, or null for none
   * @param onFinish called once finished (not called on error)
   * @return this stream
   */
  public Duplex end(Object chunk, Runnable onFinish) {
    return end(chunk, null, WritableState.runOnSuccess(onFinish));
  }

  /**
   * Writes a last string in {@code encoding}, signals the end and calls {@code onFinish}.
   * Node: {@code writable.end(chunk, encoding, callback)}.
   *
   * @param chunk the string, or null for none
   * @param encoding its encoding
   * @param onFinish called once finished (not called on error), or null
   * @return this stream
   */
  public Duplex end(String chunk, String encoding, Runnable onFinish) {
    return end(chunk, encoding, WritableState.runOnSuccess(onFinish));
  }

  /**
   * Writes a last chunk, signals the end and calls {@code callback} with null once finished
   * or with the error ({@code ERR_STREAM_ALREADY_FINISHED} if ended before, or the stream's
   * error). Node: {@code writable.end(chunk, encoding, callback)}. Every other {@code end}
   * overload calls this one, so a subclass that needs to see {@code end()} overrides only it.
   *
   * @param chunk the chunk, or null for none
   * @param encoding the string's encoding, or null for the default
   * @param callback called once with null or the error
   * @return this stream
   */
  public Duplex end(Object chunk, String encoding, Consumer<Throwable> callback) {
    if (offLoop()) {
      ws.endOffLoop(chunk, encoding, () -> end(chunk, encoding, callback));
      return this;
    }
    ws.end(chunk, encoding, callback);
    return this;
  }

  /**
   * Buffers every write until {@link #uncork()} (calls nest), so they reach {@code _writev}
   * together. Node: {@code writable.cork()}.
   */
  @Override
  public void cork() {
    if (offLoop()) {
      handOver(this::cork);
      return;
    }
    ws.cork();
  }

  /**
   * Undoes one {@link #cork()}; the last one flushes the buffered writes. Node:
   * {@code writable.uncork()}.
   */
  @Override
  public void uncork() {
    if (offLoop()) {
      handOver(this::uncork);
      return;
    }
    ws.uncork();
  }

  /**
   * Sets the encoding of strings written without one. Node:
   * {@code writable.setDefaultEncoding(encoding)}.
   *
   * @param encoding an encoding name
   * @return this stream
   * @throws dev.nodus.NodeError {@code ERR_UNKNOWN_ENCODING}
   */
  public Duplex setDefaultEncoding(String encoding) {
    if (offLoop()) {
      WritableState.checkEncoding(encoding);
      handOver(() -> setDefaultEncoding(encoding));
      return this;
    }
    ws.setDefaultEncoding(encoding);
    return this;
  }

  /**
   * Returns whether {@code write()} may be called: not destroyed, errored, ending or ended.
   * Node: {@code writable.writable}.
   *
   * @return the flag
   */
  @Override
  public boolean writable() {
    return ws.isWritable();
  }

  /**
   * Returns the high-water mark. Node: {@code writable.writableHighWaterMark}.
   *
   * @return bytes, or objects in object mode
   */
  @Override
  public int writableHighWaterMark() {
    return ws.highWaterMark;
  }

  /**
   * Returns how much is waiting to be written. Node: {@code writable.writableLength}.
   *
   * @return bytes, or objects in object mode
   */
  @Override
  public int writableLength() {
    return ws.lengthSnapshot() + ws.offLoopPending();
  }

  /**
   * Returns whether {@code end()} was called. Node: {@code writable.writableEnded}.
   *
   * @return the flag
   */
  @Override
  public boolean writableEnded() {
    return ws.ending;
  }

  /**
   * Returns whether {@code 'finish'} was emitted or is being. Node:
   * {@code writable.writableFinished}.
   *
   * @return the flag
   */
  @Override
  public boolean writableFinished() {
    return ws.finished;
  }

  /**
   * Returns whether a write returned false and {@code 'drain'} has not followed. Node:
   * {@code writable.writableNeedDrain}.
   *
   * @return the flag
   */
  @Override
  public boolean writableNeedDrain() {
    return ws.needDrainPublic();
  }

  /**
   * Returns how many {@code cork()} calls are not yet undone. Node:
   * {@code writable.writableCorked}.
   *
   * @return the count
   */
  public int writableCorked() {
    return ws.corked;
  }

  /**
   * Returns whether the writable side is in object mode. Node:
   * {@code writable.writableObjectMode}.
   *
   * @return the flag
   */
  @Override
  public boolean writableObjectMode() {
    return ws.objectMode;
  }

  /**
   * Makes a destroyed stream usable again, both sides open (unless disabled), no error. Node:
   * {@code stream._undestroy()} (lib/internal/streams/destroy.js {@code undestroy}), with which
   * {@code net.Socket.connect()} reconnects a destroyed socket. Call it on the stream's loop.
   */
  protected void _undestroy() {
    ReadableState r = rs;
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.disabled;
    r.endEmitted = r.disabled;
    WritableState w = ws;
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.disabled;
    w.ending = w.disabled;
    w.finished = w.disabled;
  }
}
