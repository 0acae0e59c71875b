package dev.nodus.stream;

import dev.nodus.buffer.Buffer;
import dev.nodus.internal.stream.StreamErrors;
import dev.nodus.buffer.StringDecoder;
import dev.nodus.internal.loop.ThreadCheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The readable side's state machine. Node: ReadableState and the free functions of
 * lib/internal/streams/readable.js (readableAddChunk*, addChunk, read, howMuchToRead, fromList,
 * emitReadable, maybeReadMore, flow, resume, endReadable), followed step by step so that
 * 'data', 'readable', 'end' and 'close' fire in Node's order.
 *
 * <p>The nextTick tasks that flags make unique per stream (emitReadable_, maybeReadMore_,
 * resume_, endReadableNT) are preallocated, so a steady flow of chunks allocates nothing here
 * beyond the buffer's nodes.
 *
 * <p>Threading: everything here runs on the stream's loop, except {@link #pushOffLoop} and the
 * public getters, which read the volatile fields the loop maintains.
 */
final class ReadableState extends CommonState {
  /** Node's {@code read()} without argument: n is NaN. */
  static final int NAN = Integer.MIN_VALUE;
  /** Node: MAX_HWM, don't raise the high-water mark above 1 GiB. */
  private static final int MAX_HWM = 0x40000000;

  final Readable stream;
  /** Chunks waiting to be read; made by the first chunk that has to wait (a flowing socket may never need it). */
  private ArrayDeque<Object> buffer;
  /** Plain (changed per chunk on the loop); other threads read {@link #lengthSnapshot()}. */
  int length;
  final ArrayList<WritableStream> pipes = new ArrayList<>(0);
  /** The pipe to {@code pipes.get(0)} while it is the only one, for {@link #soleDirectPipe()}. */
  Pipe soloPipe;

  volatile boolean ended;
  volatile boolean endEmitted;
  /** Loop-only: changed per read cycle; {@code readableReading()} is for implementations. */
  boolean reading;
  boolean sync = true;
  boolean needReadable;
  boolean emittedReadable;
  boolean readableListening;
  boolean resumeScheduled;
  boolean multiAwaitDrain;
  boolean readingMore;
  volatile boolean dataEmitted;
  volatile boolean hasFlowing;
  volatile boolean flowing;
  boolean hasPaused;
  volatile boolean paused;
  boolean dataListening;
  /** Node: {@code readable === false} from Duplex's {@code readable: false} option. */
  boolean disabled;

  String defaultEncoding = "utf8";
  StringDecoder decoder;
  volatile String encoding;
  /** Node: awaitDrainWriters, null | one WritableStream | a Set of them (multiAwaitDrain). */
  Object awaitDrainWriters;

  // Each made on first use, then reused: an idle socket never needs most of them.
  private Runnable emitReadableTask;
  private Runnable maybeReadMoreTask;
  private Runnable resumeTask;
  private Runnable endReadableTask;

  /** Bytes (objects) pushed off the loop and not yet taken by it; they count toward the mark. */
  private volatile int offLoopPending;
  private static final AtomicIntegerFieldUpdater<ReadableState> PENDING =
      AtomicIntegerFieldUpdater.newUpdater(ReadableState.class, "offLoopPending");

  ReadableState(Readable stream, boolean objectMode, int hwm, String encoding, boolean emitClose,
      boolean autoDestroy) {
    this.stream = stream;
    this.objectMode = objectMode;
    this.highWaterMark = hwm >= 0 ? hwm : Validation.defaultHighWaterMark(objectMode);
    this.emitClose = emitClose;
    this.autoDestroy = autoDestroy;
    if (encoding != null && !encoding.isEmpty()) {
      this.decoder = new StringDecoder(encoding);
      this.encoding = encoding;
    }
  }

  /**
   * The destination of a byte chunk pushed now, when only one pipe's ondata would see it: the
   * chunk is emitted at once (Node's addChunk: flowing, nothing buffered, not inside _read), as
   * it is (no decoder), and the one 'data' listener is that pipe's. Null otherwise.
   */
  WritableStream soleDirectPipe() {
    Pipe p = soloPipe;
    if (p == null || !flowing || length != 0 || sync || decoder != null || objectMode
        || readableListening || pipes.size() != 1 || pipes.get(0) != p.dest()) {
      return null;
    }
    return stream.listenerCount(Readable.CHUNK) == 1 && stream.listenerCount(Readable.CHUNK, p.ondata()) == 1
        ? p.dest()
        : null;
  }

  private ArrayDeque<Object> buffer() {
    ArrayDeque<Object> b = buffer;
    if (b == null) {
      b = new ArrayDeque<>(4);
      buffer = b;
    }
    return b;
  }

  Boolean flowing() {
    return hasFlowing ? Boolean.valueOf(flowing) : null;
  }

  private int chunkLength(Object chunk) {
    if (objectMode) {
      return 1;
    }
    return chunk instanceof Buffer b ? b.length() : ((CharSequence) chunk).length();
  }

  // ---- push / unshift ----------------------------------------------------------------------

  /**
   * A {@code push()} or {@code unshift()} made off the stream's loop: counts the chunk as pending,
   * hands {@code call} (the public method, run again on the loop) over, and returns what Node's
   * push would if the loop had taken every pending chunk: false at the end, or once the buffer
   * plus the pending chunks reach the high-water mark. A producer thread that stops on false and
   * waits for the next {@code _read} keeps the buffer bounded, as on the loop. Invalid chunks
   * are reported on the loop, as Node's push reports them ({@code 'error'}, not a throw).
   */
  boolean pushOffLoop(Object chunk, Runnable call) {
    int len = chunk == null ? 0 : objectMode ? 1 : chunk instanceof Buffer b ? b.length()
        : chunk instanceof byte[] a ? a.length : chunk instanceof CharSequence c ? c.length() : 0;
    int total = lengthSnapshot() + PENDING.addAndGet(this, len);
    stream.handOver(() -> {
      try {
        call.run();
      } finally {
        PENDING.addAndGet(this, -len);
      }
    });
    return chunk != null && !ended && (total < highWaterMark || total == 0);
  }

  /** {@code length} read from any thread: an opaque read of the value the loop last stored. */
  int lengthSnapshot() {
    return (int) LENGTH.getOpaque(this);
  }

  private static final java.lang.invoke.VarHandle LENGTH;

  static {
    try {
      LENGTH = java.lang.invoke.MethodHandles.lookup()
          .findVarHandle(ReadableState.class, "length", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Chunks pushed off the loop and not yet taken, in bytes (objects in object mode). */
  int offLoopPending() {
    return offLoopPending;
  }

  /** Node: Readable.prototype.push. */
  boolean push(Object chunk, String encoding) {
    ThreadCheck.confined(stream.loop, "ReadableState.push");
    return objectMode ? pushObjectMode(chunk, encoding) : pushByteMode(chunk, encoding);
  }

  /** Node: Readable.prototype.unshift. */
  boolean unshift(Object chunk, String encoding) {
    ThreadCheck.confined(stream.loop, "ReadableState.unshift");
    return objectMode ? unshiftObjectMode(chunk) : unshiftByteMode(chunk, encoding);
  }

  private boolean unshiftByteMode(Object chunk, String enc) {
    if (chunk == null) {
      reading = false;
      onEofChunk();
      return false;
    }
    if (chunk instanceof String s) {
      enc = enc != null ? enc : defaultEncoding;
      if (!enc.equals(encoding)) {
        // When unshifting with an encoding set, the string is kept in the state's encoding.
        chunk = encoding != null ? Buffer.from(s, enc).toString(encoding) : Buffer.from(s, enc);
      }
    } else if (chunk instanceof byte[] b) {
      chunk = Buffer.wrap(b);
    } else if (!(chunk instanceof Buffer)) {
      stream.errorOrDestroy(StreamErrors.invalidChunk(chunk), false);
      return false;
    }
    if (chunkLength(chunk) <= 0) {
      return canPushMore();
    }
    return unshiftValue(chunk);
  }

  private boolean unshiftObjectMode(Object chunk) {
    if (chunk == null) {
      reading = false;
      onEofChunk();
      return false;
    }
    return unshiftValue(chunk);
  }

  private boolean unshiftValue(Object chunk) {
    if (endEmitted) {
      stream.errorOrDestroy(StreamErrors.unshiftAfterEndEvent(), false);
    } else if (destroyed || errored != null) {
      return false;
    } else {
      addChunk(chunk, true);
    }
    return canPushMore();
  }

  private boolean pushByteMode(Object chunk, String enc) {
    if (chunk == null) {
      reading = false;
      onEofChunk();
      return false;
    }
    if (chunk instanceof String s) {
      enc = enc != null ? enc : defaultEncoding;
      if (!enc.equals(encoding)) {
        chunk = Buffer.from(s, enc);
        enc = null;
      }
    } else if (chunk instanceof Buffer) {
      enc = null;
    } else if (chunk instanceof byte[] b) {
      chunk = Buffer.wrap(b);
      enc = null;
    } else {
      stream.errorOrDestroy(StreamErrors.invalidChunk(chunk), false);
      return false;
    }
    if (chunkLength(chunk) <= 0) {
      reading = false;
      maybeReadMore();
      return canPushMore();
    }
    if (ended) {
      stream.errorOrDestroy(StreamErrors.pushAfterEof(), false);
      return false;
    }
    if (destroyed || errored != null) {
      return false;
    }
    reading = false;
    if (decoder != null && enc == null) {
      String s = decoder.write((Buffer) chunk);
      if (s.isEmpty()) {
        maybeReadMore();
        return canPushMore();
      }
      chunk = s;
    }
    addChunk(chunk, false);
    return canPushMore();
  }

  private boolean pushObjectMode(Object chunk, String enc) {
    if (chunk == null) {
      reading = false;
      onEofChunk();
      return false;
    }
    if (ended) {
      stream.errorOrDestroy(StreamErrors.pushAfterEof(), false);
      return false;
    }
    if (destroyed || errored != null) {
      return false;
    }
    reading = false;
    if (decoder != null && enc == null && chunk instanceof Buffer b) {
      chunk = decoder.write(b);
    }
    addChunk(chunk, false);
    return canPushMore();
  }

  /** Node: canPushMore. Below the high-water mark, or empty (for hwm 0). */
  boolean canPushMore() {
    return !ended && (length < highWaterMark || length == 0);
  }

  /** Node: addChunk. Emits at once when flowing with an empty buffer, else buffers. */
  private void addChunk(Object chunk, boolean addToFront) {
    if (flowing && !sync && dataListening && length == 0) {
      clearAwaitDrain();
      if (!dataEmitted) {
        // A volatile store per chunk would cost a fence each; the flag changes once.
        dataEmitted = true;
      }
      stream.emit(Readable.CHUNK, chunk);
    } else {
      length += chunkLength(chunk);
      if (addToFront) {
        buffer().addFirst(chunk);
      } else {
        buffer().addLast(chunk);
      }
      if (needReadable) {
        emitReadable();
      }
    }
    maybeReadMore();
  }

  private void clearAwaitDrain() {
    if (multiAwaitDrain) {
      ((Set<?>) awaitDrainWriters).clear();
    } else {
      awaitDrainWriters = null;
    }
  }

  // ---- setEncoding / read ------------------------------------------------------------------

  /** Node: Readable.prototype.setEncoding. Re-decodes what is already buffered. */
  void setEncoding(String enc) {
    ThreadCheck.confined(stream.loop, "ReadableState.setEncoding");
    StringDecoder d = new StringDecoder(enc);
    decoder = d;
    encoding = d.encoding().nodeName();
    StringBuilder content = new StringBuilder();
    if (buffer != null) {
      for (Object data : buffer) {
        content.append(data instanceof Buffer b ? d.write(b) : data);
      }
      buffer.clear();
    }
    if (content.length() > 0) {
      buffer().add(content.toString());
    }
    length = content.length();
  }

  private static int computeNewHighWaterMark(int n) {
    if (n > MAX_HWM) {
      throw StreamErrors.sizeOutOfRange(n);
    }
    // The next power of 2, so the mark does not creep up in tiny steps.
    n--;
    n |= n >>> 1;
    n |= n >>> 2;
    n |= n >>> 4;
    n |= n >>> 8;
    n |= n >>> 16;
    n++;
    return n;
  }

  /** Node: howMuchToRead. */
  private int howMuchToRead(int n) {
    if ((n != NAN && n <= 0) || (length == 0 && ended)) {
      return 0;
    }
    if (objectMode) {
      return 1;
    }
    if (n == NAN) {
      // Only flow one buffer at a time.
      if (flowing && length > 0) {
        return chunkLength(buffer.peekFirst());
      }
      return length;
    }
    if (n <= length) {
      return n;
    }
    return ended ? length : 0;
  }

  /** Node: Readable.prototype.read(n), n == NAN for no argument. */
  Object read(int n) {
    ThreadCheck.confined(stream.loop, "ReadableState.read");
    int nOrig = n;
    // Asking for more than the high-water mark raises it.
    if (n != NAN && n > highWaterMark) {
      highWaterMark = computeNewHighWaterMark(n);
    }
    if (n != 0) {
      emittedReadable = false;
    }
    // read(0) with enough buffered only triggers 'readable'.
    if (n == 0 && needReadable
        && ((highWaterMark != 0 ? length >= highWaterMark : length > 0) || ended)) {
      if (length == 0 && ended) {
        endReadable();
      } else {
        emitReadable();
      }
      return null;
    }
    n = howMuchToRead(n);
    if (n == 0 && ended) {
      if (length == 0) {
        endReadable();
      }
      return null;
    }
    // Decide whether to call _read before taking data out: a synchronous _read (such as a
    // Transform's) may change what is available.
    boolean doRead = needReadable;
    if (length == 0 || length - n < highWaterMark) {
      doRead = true;
    }
    if (reading || ended || destroyed || errored != null || !constructed) {
      doRead = false;
    } else if (doRead) {
      reading = true;
      sync = true;
      if (length == 0) {
        needReadable = true;
      }
      try {
        stream._read(highWaterMark);
      } catch (RuntimeException e) {
        stream.errorOrDestroy(e, false);
      }
      sync = false;
      // If _read pushed synchronously, re-evaluate how much can be returned.
      if (!reading) {
        n = howMuchToRead(nOrig);
      }
    }
    Object ret = n > 0 ? fromList(n) : null;
    if (ret == null) {
      if (length <= highWaterMark) {
        needReadable = true;
      }
      n = 0;
    } else {
      length -= n;
      clearAwaitDrain();
    }
    if (length == 0) {
      // Empty: we want to know as soon as something arrives.
      if (!ended) {
        needReadable = true;
      }
      // Reading past the end emits 'end' on the next tick.
      if (nOrig != n && ended) {
        endReadable();
      }
    }
    if (ret != null && !errorEmitted && !closeEmitted) {
      if (!dataEmitted) {
        // A volatile store per chunk would cost a fence each; the flag changes once.
        dataEmitted = true;
      }
      stream.emit(Readable.CHUNK, ret);
    }
    return ret;
  }

  /** Node: fromList. Takes n bytes (chars with a decoder, one object in object mode). */
  private Object fromList(int n) {
    if (length == 0) {
      return null;
    }
    ArrayDeque<Object> buf = buffer;
    if (objectMode) {
      return buf.pollFirst();
    }
    if (n >= length) {
      // Take everything.
      if (decoder != null) {
        if (buf.size() == 1) {
          return String.valueOf(buf.pollFirst());
        }
        StringBuilder sb = new StringBuilder(length);
        while (!buf.isEmpty()) {
          sb.append(buf.pollFirst());
        }
        return sb.toString();
      }
      if (buf.isEmpty()) {
        return Buffer.alloc(0);
      }
      if (buf.size() == 1) {
        return buf.pollFirst();
      }
      byte[] out = new byte[length];
      int i = 0;
      while (!buf.isEmpty()) {
        Buffer b = (Buffer) buf.pollFirst();
        System.arraycopy(b.buffer(), b.byteOffset(), out, i, b.length());
        i += b.length();
      }
      return Buffer.wrap(out, 0, i);
    }
    Object first = buf.peekFirst();
    int firstLen = chunkLength(first);
    if (n < firstLen) {
      // Slicing shares memory for Buffers, as Node's does.
      buf.pollFirst();
      if (first instanceof Buffer b) {
        buf.addFirst(b.subarray(n));
        return b.subarray(0, n);
      }
      String s = first.toString();
      buf.addFirst(s.substring(n));
      return s.substring(0, n);
    }
    if (n == firstLen) {
      return buf.pollFirst();
    }
    if (decoder != null) {
      StringBuilder sb = new StringBuilder(n);
      while (!buf.isEmpty()) {
        String str = buf.peekFirst().toString();
        if (n > str.length()) {
          sb.append(str);
          n -= str.length();
          buf.pollFirst();
        } else {
          buf.pollFirst();
          if (n == str.length()) {
            sb.append(str);
          } else {
            sb.append(str, 0, n);
            buf.addFirst(str.substring(n));
          }
          break;
        }
      }
      return sb.toString();
    }
    byte[] out = new byte[n];
    int retLen = n;
    while (!buf.isEmpty()) {
      Buffer data = (Buffer) buf.peekFirst();
      if (n > data.length()) {
        System.arraycopy(data.buffer(), data.byteOffset(), out, retLen - n, data.length());
        n -= data.length();
        buf.pollFirst();
      } else {
        buf.pollFirst();
        System.arraycopy(data.buffer(), data.byteOffset(), out, retLen - n, n);
        if (n != data.length()) {
          buf.addFirst(data.subarray(n));
        }
        break;
      }
    }
    return Buffer.wrap(out);
  }

  // ---- EOF, 'readable', read-ahead ----------------------------------------------------------

  /** Node: onEofChunk. */
  private void onEofChunk() {
    if (ended) {
      return;
    }
    if (decoder != null) {
      String chunk = decoder.end();
      if (!chunk.isEmpty()) {
        buffer().addLast(chunk);
        length += objectMode ? 1 : chunk.length();
      }
    }
    ended = true;
    if (sync) {
      // Pushed from within read(): wait for the next tick to emit.
      emitReadable();
    } else {
      // Emit 'readable' now, as Node does (modules rely on it being synchronous at EOF).
      needReadable = false;
      emittedReadable = true;
      emitReadableNow();
    }
  }

  /** Node: emitReadable. Schedules 'readable' once. */
  void emitReadable() {
    needReadable = false;
    if (!emittedReadable) {
      emittedReadable = true;
      stream.nextTick(emitReadableTask != null ? emitReadableTask : (emitReadableTask = this::emitReadableNow));
    }
  }

  /** Node: emitReadable_. */
  private void emitReadableNow() {
    if (!destroyed && errored == null && (length > 0 || ended)) {
      stream.emit(Readable.READABLE);
      emittedReadable = false;
    }
    // Another 'readable' is needed if not flowing, not ended and below the high-water mark.
    if (!flowing && !ended && length <= highWaterMark) {
      needReadable = true;
    }
    flow();
  }

  /** Node: maybeReadMore. Schedules read-ahead up to the high-water mark. */
  void maybeReadMore() {
    if (!readingMore && constructed) {
      readingMore = true;
      stream.nextTick(maybeReadMoreTask != null ? maybeReadMoreTask : (maybeReadMoreTask = this::maybeReadMoreNow));
    }
  }

  /** Node: maybeReadMore_. */
  private void maybeReadMoreNow() {
    while (!reading && !ended && (length < highWaterMark || (flowing && length == 0))) {
      int len = length;
      stream.read(0);
      if (len == length) {
        // Didn't get any data, stop spinning.
        break;
      }
    }
    readingMore = false;
  }

  /** Node: flow. */
  void flow() {
    while (flowing && stream.read() != null) {
      // read() emits 'data'.
    }
  }

  // ---- pause / resume / listeners ------------------------------------------------------------

  /** Node: Readable.prototype.resume. */
  void resume() {
    ThreadCheck.confined(stream.loop, "ReadableState.resume");
    if (!flowing) {
      // With 'readable' listeners resume() only schedules, it does not flow.
      hasFlowing = true;
      flowing = !readableListening;
      if (!resumeScheduled) {
        resumeScheduled = true;
        stream.nextTick(resumeTask != null ? resumeTask : (resumeTask = this::resumeNow));
      }
    }
    hasPaused = true;
    paused = false;
  }

  /** Node: resume_. */
  private void resumeNow() {
    if (!reading) {
      stream.read(0);
    }
    resumeScheduled = false;
    stream.emit(Readable.RESUME);
    flow();
    if (flowing && !reading) {
      stream.read(0);
    }
  }

  /** Node: Readable.prototype.pause. */
  void pause() {
    ThreadCheck.confined(stream.loop, "ReadableState.pause");
    if (!hasFlowing || flowing) {
      hasFlowing = true;
      flowing = false;
      stream.emit(Readable.PAUSE);
    }
    hasPaused = true;
    paused = true;
  }

  boolean isPaused() {
    return paused || (hasFlowing && !flowing);
  }

  /** Node: the 'data' and 'readable' branches of Readable.prototype.on. */
  void onListenerAdded(String ev) {
    ThreadCheck.confined(stream.loop, "ReadableState.onListenerAdded");
    if ("data".equals(ev)) {
      dataListening = true;
      // So that resume() below is a no-op for once('readable') users.
      if (stream.listenerCount("readable") > 0) {
        readableListening = true;
      }
      // Start flowing on the next tick unless explicitly paused.
      if (!(hasFlowing && !flowing)) {
        stream.resume();
      }
    } else if ("readable".equals(ev)) {
      if (!endEmitted && !readableListening) {
        readableListening = true;
        needReadable = true;
        hasFlowing = true;
        flowing = false;
        emittedReadable = false;
        if (length > 0) {
          emitReadable();
        } else if (!reading) {
          stream.nextTick(() -> stream.read(0));
        }
      }
    }
  }

  /** Node: the 'data' and 'readable' branches of Readable.prototype.removeListener. */
  void onListenerRemoved(String ev) {
    ThreadCheck.confined(stream.loop, "ReadableState.onListenerRemoved");
    if ("readable".equals(ev)) {
      // After 'readable' was emitted but before I/O, to support once('readable') cycles.
      stream.nextTick(this::updateReadableListening);
    } else if ("data".equals(ev) && stream.listenerCount("data") == 0) {
      dataListening = false;
    }
  }

  /** Node: updateReadableListening. */
  void updateReadableListening() {
    readableListening = stream.listenerCount("readable") > 0;
    if (hasPaused && !paused && resumeScheduled) {
      // Flowing must be true now, or the upcoming resume will not flow.
      hasFlowing = true;
      flowing = true;
    } else if (dataListening) {
      stream.resume();
    } else if (!readableListening) {
      hasFlowing = false;
      flowing = false;
    }
  }

  // ---- end ----------------------------------------------------------------------------------

  /** Node: endReadable. */
  void endReadable() {
    if (!endEmitted) {
      ended = true;
      stream.nextTick(endReadableTask != null ? endReadableTask : (endReadableTask = this::endReadableNT));
    }
  }

  /** Node: endReadableNT. Emits 'end', then half-closes a Duplex or auto-destroys. */
  private void endReadableNT() {
    // Check that we didn't get one last unshift.
    if (errored == null && !closeEmitted && !endEmitted && length == 0) {
      endEmitted = true;
      stream.emit(Readable.END);
      if (stream instanceof Duplex d && d.writable() && !d.allowHalfOpen()) {
        stream.nextTick(() -> {
          if (d.writable() && !d.writableEnded() && !d.destroyed()) {
            d.end();
          }
        });
      } else if (autoDestroy) {
        // A Duplex auto-destroys once its writable side is done too.
        WritableState w = stream.ws;
        boolean autoDestroyNow = w == null || (w.autoDestroy && (w.finished || w.disabled));
        if (autoDestroyNow) {
          stream.callDestroy(null);
        }
      }
    }
  }

  /** Node: ReadableState.prototype[kOnConstructed]. */
  void onConstructed() {
    if (needReadable) {
      maybeReadMore();
    }
  }

  // ---- pipes ----------------------------------------------------------------------------------

  static Set<WritableStream> newWriterSet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  boolean pipesContain(WritableStream dest) {
    for (Iterator<WritableStream> it = pipes.iterator(); it.hasNext(); ) {
      if (it.next() == dest) {
        return true;
      }
    }
    return false;
  }
}
