package dev.nodus.stream;

import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.EventEmitter;
import dev.nodus.events.Listener;
import dev.nodus.internal.stream.StreamAccess;
import java.util.function.Consumer;

/**
 * Node's {@code stream.Readable}: a source of data that buffers what {@link #_read(int)} pushes
 * until it is consumed, in flowing mode ({@code 'data'} events) or paused mode
 * ({@link #read()}).
 *
 * <h2>Lifecycle and event order</h2>
 * A stream starts paused ({@link #readableFlowing()} is null). Adding a {@link #DATA} listener,
 * {@link #resume()} or {@link #pipe(WritableStream)} makes it flow; adding a {@link #READABLE}
 * listener makes {@code 'readable'} drive it instead. After {@code push(null)} and once every
 * buffered chunk is consumed, {@code 'end'} is emitted, then (with {@code autoDestroy})
 * {@code 'close'}. {@link #destroy(Throwable)} emits {@code 'error'} then {@code 'close'}.
 * Events never fire inside the call that caused them: they are deferred with the loop's
 * nextTick exactly where Node uses {@code process.nextTick}.
 *
 * <h2>Implementing</h2>
 * Subclass and override {@link #_read(int)} (and optionally {@link #_destroy} and
 * {@link #_construct}), or use {@link #create(ReadableOptions)} with hooks. {@code _read}
 * should {@link #push(Object)} data, now or later, and {@code push(null)} at the end.
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
public class Readable extends StreamBase {
  /**
   * Node's {@code 'data'} with the chunk as a Buffer. Emitted for each chunk in flowing mode.
   *
   * <p>Node has one {@code 'data'} event whose chunk is a Buffer, or a string once
   * {@link #setEncoding(String)} was called. Java listeners are typed, so the one event has three
   * keys, and each follows {@code setEncoding} as Node's chunk does: {@code DATA} always gives the
   * bytes (a string chunk turned back into bytes with the stream's encoding, so after
   * {@code setEncoding("hex")} a listener still gets the bytes the hex text stands for),
   * {@link #TEXT} always gives the text (the string chunk as Node emits it after
   * {@code setEncoding}; a Buffer chunk decoded as UTF-8 when no encoding is set), and
   * {@link #CHUNK} gives exactly what Node's listener gets.
   */
  public static final Event1<Buffer> DATA =
      Event1.of("data", (source, v) -> v instanceof String s
          ? Buffer.from(s, encodingOf(source)) : (Buffer) v);

  /**
   * Node's {@code 'data'} with the chunk as a String: after {@link #setEncoding(String)} the
   * string Node emits (hex text after {@code setEncoding("hex")}), without it the Buffer chunk
   * decoded as UTF-8 (a character split across two chunks is then not joined: set an encoding
   * for that). See {@link #DATA} for how the three keys relate.
   */
  public static final Event1<String> TEXT =
      Event1.of("data", v -> v instanceof Buffer b ? b.toString() : (String) v);

  static {
    StreamAccess.install(r -> r.rs == null ? null : r.rs.soleDirectPipe());
  }

  /**
   * Node's {@code 'data'} with the chunk as is: a Buffer, a String after
   * {@link #setEncoding(String)}, or any object in object mode.
   */
  public static final Event1<Object> CHUNK = Event1.of("data");

  private static String encodingOf(Object source) {
    String encoding = source instanceof Readable r && r.rs != null ? r.rs.encoding : null;
    return encoding == null ? "utf8" : encoding;
  }

  /**
   * Node's {@code 'end'}: no more data; emitted once all data was consumed after
   * {@code push(null)}. Precedes {@code 'close'}.
   */
  public static final Event0 END = Event0.of("end");

  /** Node's {@code 'readable'}: data can be {@link #read()}, or the end was reached. */
  public static final Event0 READABLE = Event0.of("readable");

  /** Node's {@code 'pause'}: {@link #pause()} stopped a flowing stream. */
  public static final Event0 PAUSE = Event0.of("pause");

  /** Node's {@code 'resume'}: the stream started flowing. */
  public static final Event0 RESUME = Event0.of("resume");

  /**
   * Node's {@code 'close'}: the stream and its resources are closed; no more events follow.
   * Emitted after {@code 'end'} or {@code 'error'} when {@code emitClose} is true.
   */
  public static final Event0 CLOSE = Event0.of("close");

  Consumer<Object> readHook;

  /** Creates a byte stream with Node's default options. Node: {@code new Readable()}. */
  protected Readable() {
    this(new ReadableOptions());
  }

  /**
   * Creates a stream. Node: {@code new Readable(options)}.
   *
   * @param options the options
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Readable(ReadableOptions options) {
    rs = new ReadableState(this, options.objectMode, options.highWaterMark, options.encoding,
        options.emitClose, options.autoDestroy);
    if (options.read != null) {
      readHook = size -> options.read.accept(this, (Integer) size);
    }
    destroyHook = (dev.nodus.events.TriConsumer) options.destroy;
    constructHook = (java.util.function.BiConsumer) options.construct;
    construct();
  }

  /** For Duplex: the readable side is set up by the subclass constructor. */
  Readable(boolean duplex) {}

  /**
   * Creates a stream from hooks, Node's simplified construction. Node:
   * {@code new Readable({read, destroy, construct})}.
   *
   * @param options the options and hooks
   * @return the stream
   */
  public static Readable create(ReadableOptions options) {
    return new Readable(options);
  }

  /**
   * Creates an object-mode stream that pushes the items of {@code items} one by one, then ends.
   * Node: {@code Readable.from(iterable)}.
   *
   * @param items the items; none may be null
   * @return the stream
   */
  public static Readable from(Iterable<?> items) {
    return from(items, new ReadableOptions().objectMode(true));
  }

  /**
   * Creates a stream that pushes the items of {@code items} with the given options. Node:
   * {@code Readable.from(iterable, options)}.
   *
   * @param items the items; none may be null
   * @param options the options (Node's default here is object mode)
   * @return the stream
   */
  public static Readable from(Iterable<?> items, ReadableOptions options) {
    return FromIterable.create(items, options);
  }

  @Override
  final boolean hasConstruct() {
    return constructHook != null || Hooks.overridesConstruct(getClass());
  }

  @Override
  void callDestroy(Throwable err) {
    destroy(err);
  }

  // ---- hooks -------------------------------------------------------------------------------

  /**
   * Asks the implementation for data: call {@link #push(Object)} (now or later) with up to
   * about {@code size} bytes, and {@code push(null)} at the end. Not called again until
   * something was pushed. Node: {@code readable._read(size)}.
   *
   * @param size a suggested amount
   */
  protected void _read(int size) {
    if (readHook != null) {
      readHook.accept(size);
      return;
    }
    throw dev.nodus.internal.stream.StreamErrors.methodNotImplemented("_read()");
  }

  // ---- pushing -----------------------------------------------------------------------------

  /**
   * Adds a chunk to the buffer (or emits it at once when flowing and empty); {@code null}
   * signals the end. Node: {@code readable.push(chunk)}.
   *
   * @param chunk a Buffer, String or byte[] (any object in object mode), or null for EOF
   * @return false when the buffer reached the high-water mark: stop pushing until the next
   *     {@code _read}
   */
  public boolean push(Object chunk) {
    if (offLoop()) {
      return rs.pushOffLoop(chunk, () -> push(chunk));
    }
    return rs.push(chunk, null);
  }

  /**
   * Adds a string chunk given in {@code encoding}. Node: {@code readable.push(chunk, encoding)}.
   *
   * @param chunk the string
   * @param encoding its encoding, such as {@code "hex"}
   * @return false when the buffer reached the high-water mark
   */
  public boolean push(String chunk, String encoding) {
    if (offLoop()) {
      return rs.pushOffLoop(chunk, () -> push(chunk, encoding));
    }
    return rs.push(chunk, encoding);
  }

  /**
   * Puts a chunk back at the front of the buffer. Node: {@code readable.unshift(chunk)}.
   *
   * @param chunk the chunk
   * @return false when the buffer reached the high-water mark
   */
  public boolean unshift(Object chunk) {
    if (offLoop()) {
      return rs.pushOffLoop(chunk, () -> unshift(chunk));
    }
    return rs.unshift(chunk, null);
  }

  /**
   * Puts a string chunk given in {@code encoding} back at the front of the buffer. Node:
   * {@code readable.unshift(chunk, encoding)}.
   *
   * @param chunk the string
   * @param encoding its encoding
   * @return false when the buffer reached the high-water mark
   */
  public boolean unshift(String chunk, String encoding) {
    if (offLoop()) {
      return rs.pushOffLoop(chunk, () -> unshift(chunk, encoding));
    }
    return rs.unshift(chunk, encoding);
  }

  // ---- consuming ---------------------------------------------------------------------------

  /**
   * Takes everything buffered (one object in object mode). Node: {@code readable.read()}.
   *
   * @return a Buffer, String (with an encoding set) or object, or null when nothing is available
   * @emits {@link #DATA} with the returned chunk; {@link #END} later if it was the last
   */
  public Object read() {
    if (offLoop()) {
      handOver(this::read);
      return null;
    }
    return rs.read(ReadableState.NAN);
  }

  /**
   * Takes {@code n} bytes (characters with an encoding set), or null if fewer are buffered and
   * the stream has not ended. Node: {@code readable.read(n)}.
   *
   * @param n how much to take; 0 only triggers a refill
   * @return the data or null
   */
  public Object read(int n) {
    if (offLoop()) {
      handOver(() -> read(n));
      return null;
    }
    return rs.read(n == ReadableState.NAN ? -1 : n);
  }

  /**
   * Makes the stream produce strings decoded with {@code encoding}, keeping multi-byte
   * characters that span chunks intact. Node: {@code readable.setEncoding(encoding)}.
   *
   * @param encoding an encoding name such as {@code "utf8"}
   * @return this stream
   */
  public Readable setEncoding(String encoding) {
    if (offLoop()) {
      // Node's synchronous ERR_UNKNOWN_ENCODING reaches the caller.
      new dev.nodus.buffer.StringDecoder(encoding);
      handOver(() -> setEncoding(encoding));
      return this;
    }
    rs.setEncoding(encoding);
    return this;
  }

  /**
   * Stops a flowing stream; data stays buffered. Node: {@code readable.pause()}.
   *
   * @return this stream
   * @emits {@link #PAUSE} synchronously if it was flowing
   */
  public Readable pause() {
    if (offLoop()) {
      handOver(this::pause);
      return this;
    }
    rs.pause();
    return this;
  }

  /**
   * Makes the stream flow. Node: {@code readable.resume()}.
   *
   * @return this stream
   * @emits {@link #RESUME} on the next tick
   */
  public Readable resume() {
    if (offLoop()) {
      handOver(this::resume);
      return this;
    }
    rs.resume();
    return this;
  }

  /**
   * Returns whether the stream was explicitly paused. Node: {@code readable.isPaused()}.
   *
   * @return the flag
   */
  public boolean isPaused() {
    return rs.isPaused();
  }

  /**
   * Writes everything read into {@code dest}, with backpressure, and ends it at the end. Node:
   * {@code readable.pipe(dest)}.
   *
   * @param dest the destination
   * @param <W> its type
   * @return {@code dest}
   */
  public <W extends WritableStream> W pipe(W dest) {
    return pipe(dest, true);
  }

  /**
   * Writes everything read into {@code dest}, ending it at the end only if {@code end}. Node:
   * {@code readable.pipe(dest, {end})}.
   *
   * @param dest the destination
   * @param end whether to call {@code dest.end()} after {@code 'end'}
   * @param <W> its type
   * @return {@code dest}
   */
  public <W extends WritableStream> W pipe(W dest, boolean end) {
    if (offLoop()) {
      handOver(() -> pipe(dest, end));
      return dest;
    }
    Pipe.start(this, dest, end);
    return dest;
  }

  /**
   * Detaches every piped destination. Node: {@code readable.unpipe()}.
   *
   * @return this stream
   */
  public Readable unpipe() {
    return unpipe(null);
  }

  /**
   * Detaches {@code dest} (every destination if null). Node: {@code readable.unpipe(dest)}.
   *
   * @param dest the destination, or null
   * @return this stream
   */
  public Readable unpipe(WritableStream dest) {
    if (offLoop()) {
      handOver(() -> unpipe(dest));
      return this;
    }
    Pipe.unpipe(this, dest);
    return this;
  }

  /**
   * Destroys the stream: stops reading, releases resources through {@link #_destroy}. Node:
   * {@code readable.destroy()}.
   *
   * @return this stream
   * @emits {@link #CLOSE} on a later tick (when {@code emitClose})
   */
  public Readable destroy() {
    return destroy(null);
  }

  /**
   * Destroys the stream with an error. Node: {@code readable.destroy(err)}.
   *
   * @param err the error, or null
   * @return this stream
   * @emits {@code 'error'} with {@code err}, then {@link #CLOSE}, on later ticks
   */
  public Readable destroy(Throwable err) {
    if (offLoop()) {
      handOver(() -> destroy(err));
      return this;
    }
    destroyImpl(err, null);
    return this;
  }

  // ---- listeners (Node: Readable.prototype.on / removeListener) -----------------------------

  /**
   * Adds a listener; a {@link #READABLE} listener switches the stream to paused mode driven by
   * {@code 'readable'}. Node: {@code readable.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @return this stream
   */
  @Override
  public EventEmitter on(Event0 event, Runnable listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      handOver(() -> on(event, listener));
      return this;
    }
    super.on(event, listener);
    rs.onListenerAdded(event.name());
    return this;
  }

  /**
   * Adds a listener; a {@code 'data'} listener ({@link #DATA}, {@link #TEXT}, {@link #CHUNK})
   * makes the stream flow unless it was explicitly paused. Node: {@code readable.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return this stream
   */
  @Override
  public <A> EventEmitter on(Event1<A> event, Consumer<? super A> listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      handOver(() -> on(event, listener));
      return this;
    }
    super.on(event, listener);
    rs.onListenerAdded(event.name());
    return this;
  }

  /**
   * Adds a listener of a string-named event, with the same effects as the typed forms. Node:
   * {@code readable.on(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener
   * @return this stream
   */
  @Override
  public EventEmitter on(String event, Listener listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      handOver(() -> on(event, listener));
      return this;
    }
    super.on(event, listener);
    rs.onListenerAdded(event);
    return this;
  }

  /**
   * Adds a one-time listener, with the effects of {@link #on(Event0, Runnable)}. Node:
   * {@code readable.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @return this stream
   */
  @Override
  public EventEmitter once(Event0 event, Runnable listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      if (!onceDrainOffLoop(event.name(), listener, () -> once(event, listener))) {
        handOver(() -> once(event, listener));
      }
      return this;
    }
    super.once(event, listener);
    rs.onListenerAdded(event.name());
    return this;
  }

  /**
   * Adds a one-time listener, with the effects of {@link #on(Event1, Consumer)}. Node:
   * {@code readable.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return this stream
   */
  @Override
  public <A> EventEmitter once(Event1<A> event, Consumer<? super A> listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      handOver(() -> once(event, listener));
      return this;
    }
    super.once(event, listener);
    rs.onListenerAdded(event.name());
    return this;
  }

  /**
   * Adds a one-time listener of a string-named event. Node: {@code readable.once(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener
   * @return this stream
   */
  @Override
  public EventEmitter once(String event, Listener listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      handOver(() -> once(event, listener));
      return this;
    }
    super.once(event, listener);
    rs.onListenerAdded(event);
    return this;
  }

  /**
   * Removes a listener; removing the last {@code 'data'} listener stops counting it as a
   * consumer, removing a {@code 'readable'} listener re-evaluates the mode on the next tick.
   * Node: {@code readable.removeListener(name, fn)}.
   *
   * @param event the event name
   * @param listener the listener as added
   * @return this stream
   */
  @Override
  public EventEmitter off(String event, Object listener) {
    if (offLoop()) {
      java.util.Objects.requireNonNull(listener, "listener");
      handOver(() -> off(event, listener));
      return this;
    }
    super.off(event, listener);
    rs.onListenerRemoved(event);
    return this;
  }

  /**
   * Removes every listener of the event. Node: {@code readable.removeAllListeners(name)}.
   *
   * @param event the event name
   * @return this stream
   */
  @Override
  public EventEmitter removeAllListeners(String event) {
    if (offLoop()) {
      handOver(() -> removeAllListeners(event));
      return this;
    }
    super.removeAllListeners(event);
    if ("readable".equals(event)) {
      nextTick(rs::updateReadableListening);
    }
    return this;
  }

  /**
   * Removes every listener. Node: {@code readable.removeAllListeners()}.
   *
   * @return this stream
   */
  @Override
  public EventEmitter removeAllListeners() {
    if (offLoop()) {
      handOver(() -> removeAllListeners());
      return this;
    }
    super.removeAllListeners();
    nextTick(rs::updateReadableListening);
    return this;
  }

  // ---- state ---------------------------------------------------------------------------------

  /**
   * Returns whether {@code read()} may be called: not destroyed, errored or ended. Node:
   * {@code readable.readable}.
   *
   * @return the flag
   */
  public boolean readable() {
    return !rs.disabled && !rs.destroyed && !rs.errorEmitted && !rs.endEmitted;
  }

  /**
   * Returns the high-water mark. Node: {@code readable.readableHighWaterMark}.
   *
   * @return bytes, or objects in object mode
   */
  public int readableHighWaterMark() {
    return rs.highWaterMark;
  }

  /**
   * Returns how much is buffered. Node: {@code readable.readableLength}.
   *
   * @return bytes (characters once decoded), or objects in object mode
   */
  public int readableLength() {
    return rs.lengthSnapshot() + rs.offLoopPending();
  }

  /**
   * Returns whether {@code 'end'} was emitted. Node: {@code readable.readableEnded}.
   *
   * @return the flag
   */
  public boolean readableEnded() {
    return rs.endEmitted;
  }

  /**
   * Returns the flowing state: null before any consumer, true flowing, false paused. Node:
   * {@code readable.readableFlowing}.
   *
   * @return the state
   */
  public Boolean readableFlowing() {
    return rs.flowing;
  }

  /**
   * Sets the flowing state directly, without emitting anything or scheduling a read: net.Socket
   * uses {@code readableFlowing = false} for {@code pauseOnCreate}. Node: the
   * {@code readable.readableFlowing} setter.
   *
   * @param state null (no consumer yet), true or false
   */
  public void readableFlowing(Boolean state) {
    if (offLoop()) {
      handOver(() -> readableFlowing(state));
      return;
    }
    rs.hasFlowing = state != null;
    rs.flowing = Boolean.TRUE.equals(state);
  }

  /**
   * Returns whether the stream is in object mode. Node: {@code readable.readableObjectMode}.
   *
   * @return the flag
   */
  public boolean readableObjectMode() {
    return rs.objectMode;
  }

  /**
   * Returns the encoding set by {@link #setEncoding(String)}, or null. Node:
   * {@code readable.readableEncoding}.
   *
   * @return the encoding or null
   */
  public String readableEncoding() {
    return rs.encoding;
  }

  /**
   * Returns whether {@code 'data'} was ever emitted. Node: {@code readable.readableDidRead}.
   *
   * @return the flag
   */
  public boolean readableDidRead() {
    return rs.dataEmitted;
  }

  /**
   * Returns whether the stream was destroyed or errored before {@code 'end'}. Node:
   * {@code readable.readableAborted}.
   *
   * @return the flag
   */
  public boolean readableAborted() {
    return (rs.destroyed || rs.errored != null) && !rs.endEmitted;
  }

  /**
   * For subclasses: whether a {@code _read} was called and nothing was pushed since, i.e. the
   * stream is waiting for data. Node: {@code readable._readableState.reading}. Call it on the
   * stream's loop (from {@code _read} or a callback); it is not a snapshot for other threads.
   *
   * @return the flag
   */
  protected boolean readableReading() {
    return rs.reading;
  }

  /**
   * For subclasses: whether {@code push(null)} was called. Node:
   * {@code readable._readableState.ended}.
   *
   * @return the flag
   */
  protected boolean readableEndedPushed() {
    return rs.ended;
  }
}
