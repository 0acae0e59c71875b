package dev.nodus.stream;

import dev.nodus.events.EventEmitter;
import dev.nodus.internal.stream.StreamErrors;
import java.util.function.Consumer;

/**
 * Node: lib/internal/streams/end-of-stream.js ({@code eos}, i.e. {@code stream.finished}) and
 * the stream predicates of lib/internal/streams/utils.js it relies on.
 */
final class EndOfStream {
  private EndOfStream() {}

  // ---- utils.js predicates (Node returns null where these return false or null) -------------

  static boolean isReadableNodeStream(StreamBase s) {
    return s instanceof Readable && (s.ws == null || !s.rs.disabled);
  }

  static boolean isWritableNodeStream(StreamBase s) {
    return s.ws != null && (s.rs == null || !s.ws.disabled);
  }

  static boolean isDestroyed(StreamBase s) {
    CommonState state = s.ws != null ? s.ws : s.rs;
    return s.destroyed() || state.destroyed;
  }

  /** Node: isWritableFinished(stream, strict); null when not writable. */
  static Boolean isWritableFinished(StreamBase s, boolean strict) {
    if (!isWritableNodeStream(s)) {
      return null;
    }
    WritableState w = s.ws;
    if (w.finished) {
      return true;
    }
    if (w.errored != null) {
      return false;
    }
    return !strict && w.ended && w.length == 0;
  }

  /** Node: isReadableFinished(stream, strict); null when not readable. */
  static Boolean isReadableFinished(StreamBase s, boolean strict) {
    if (!isReadableNodeStream(s)) {
      return null;
    }
    ReadableState r = s.rs;
    if (r.errored != null) {
      return false;
    }
    return r.endEmitted || (!strict && r.ended && r.length == 0);
  }

  static boolean isWritableEnded(StreamBase s) {
    if (s.ws.ending) {
      return true;
    }
    if (s.ws.errored != null) {
      return false;
    }
    return s.ws.ended;
  }

  /** Node: isReadable(stream); null for a stream without a readable side. */
  static Boolean isReadable(StreamBase s) {
    if (!(s instanceof Readable r)) {
      return null;
    }
    if (isDestroyed(s)) {
      return false;
    }
    return isReadableNodeStream(s) && r.readable() && !Boolean.TRUE.equals(isReadableFinished(s, true));
  }

  /** Node: isWritable(stream); null for a stream without a writable side. */
  static Boolean isWritable(StreamBase s) {
    if (!(s instanceof WritableStream w)) {
      return null;
    }
    if (isDestroyed(s)) {
      return false;
    }
    return isWritableNodeStream(s) && w.writable() && !isWritableEnded(s);
  }

  /** Node: isFinished(stream). */
  static boolean isFinished(StreamBase s) {
    if (isDestroyed(s)) {
      return true;
    }
    if (Boolean.TRUE.equals(isReadable(s))) {
      return false;
    }
    return !Boolean.TRUE.equals(isWritable(s));
  }

  static Throwable erroredOf(StreamBase s) {
    if (s.ws != null && s.ws.errored != null) {
      return s.ws.errored;
    }
    return s.rs != null ? s.rs.errored : null;
  }

  /** Node: willEmitClose(stream). */
  static boolean willEmitClose(StreamBase s) {
    CommonState state = s.ws != null ? s.ws : s.rs;
    return state.autoDestroy && state.emitClose && !state.closed;
  }

  static StreamBase asStream(Object stream) {
    if (stream instanceof StreamBase s) {
      return s;
    }
    throw StreamErrors.invalidArgType("stream", "an instance of Stream", stream);
  }

  // ---- eos ----------------------------------------------------------------------------------

  /** Node: eos(stream, {readable, writable}, callback); null options mean Node's defaults. */
  static Runnable finished(Object stream, Boolean readableOpt, Boolean writableOpt,
      Consumer<Throwable> callback) {
    StreamBase s = asStream(stream);
    return new Eos(s, readableOpt, writableOpt, callback).start();
  }

  /** One eos() call's closure. */
  private static final class Eos {
    private final StreamBase stream;
    private final boolean readable;
    private final boolean writable;
    private Consumer<Throwable> callback;
    private boolean willEmitClose;
    private boolean writableFinished;
    private boolean readableFinished;

    private final Runnable onfinish = this::onfinish;
    private final Runnable onend = this::onend;
    private final Consumer<Throwable> onerror = this::onerror;
    private final Runnable onclose = this::onclose;

    Eos(StreamBase stream, Boolean readableOpt, Boolean writableOpt, Consumer<Throwable> cb) {
      this.stream = stream;
      this.readable = readableOpt != null ? readableOpt : isReadableNodeStream(stream);
      this.writable = writableOpt != null ? writableOpt : isWritableNodeStream(stream);
      this.callback = cb;
    }

    /** Node: callback = once(callback). */
    private void call(Throwable err) {
      Consumer<Throwable> cb = callback;
      if (cb != null) {
        callback = null;
        cb.accept(err);
      }
    }

    private void onfinish() {
      writableFinished = true;
      // Destroyed here means userland does something unusual: don't trust willEmitClose.
      if (stream.destroyed()) {
        willEmitClose = false;
      }
      if (willEmitClose && (!readableNow() || readable)) {
        return;
      }
      if (!readable || readableFinished) {
        call(null);
      }
    }

    private void onend() {
      readableFinished = true;
      if (stream.destroyed()) {
        willEmitClose = false;
      }
      if (willEmitClose && (!writableNow() || writable)) {
        return;
      }
      if (!writable || writableFinished) {
        call(null);
      }
    }

    private boolean readableNow() {
      return stream instanceof Readable r && r.readable();
    }

    private boolean writableNow() {
      return stream instanceof WritableStream w && w.writable();
    }

    private void onerror(Throwable err) {
      call(err);
    }

    private void onclose() {
      Throwable errored = erroredOf(stream);
      if (errored != null) {
        call(errored);
        return;
      }
      if (readable && !readableFinished && isReadableNodeStream(stream)) {
        if (!Boolean.TRUE.equals(isReadableFinished(stream, false))) {
          call(StreamErrors.prematureClose());
          return;
        }
      }
      if (writable && !writableFinished) {
        if (!Boolean.TRUE.equals(isWritableFinished(stream, false))) {
          call(StreamErrors.prematureClose());
          return;
        }
      }
      call(null);
    }

    private void onclosed() {
      Throwable errored = erroredOf(stream);
      call(errored);
    }

    Runnable start() {
      StreamBase s = stream;
      willEmitClose = willEmitClose(s)
          && isReadableNodeStream(s) == readable
          && isWritableNodeStream(s) == writable;
      writableFinished = Boolean.TRUE.equals(isWritableFinished(s, false));
      readableFinished = Boolean.TRUE.equals(isReadableFinished(s, false));
      boolean closed = s.closed();

      s.on(Readable.END, onend);
      s.on(Writable.FINISH, onfinish);
      s.on(EventEmitter.ERROR, onerror);
      s.on(Readable.CLOSE, onclose);

      CommonState ws = s.ws;
      CommonState rs = s.rs;
      if (closed) {
        s.nextTick(onclose);
      } else if ((ws != null && ws.errorEmitted) || (rs != null && rs.errorEmitted)) {
        if (!willEmitClose) {
          s.nextTick(this::onclosed);
        }
      } else if (!readable
          && (!willEmitClose || Boolean.TRUE.equals(isReadable(s)))
          && (writableFinished || Boolean.FALSE.equals(isWritable(s)))
          && (s.ws == null || s.ws.pendingcb == 0)) {
        s.nextTick(this::onclosed);
      } else if (!writable
          && (!willEmitClose || Boolean.TRUE.equals(isWritable(s)))
          && (readableFinished || Boolean.FALSE.equals(isReadable(s)))) {
        s.nextTick(this::onclosed);
      }
      return this::cleanup;
    }

    private void cleanup() {
      callback = null;
      stream.off(Writable.FINISH, onfinish);
      stream.off(Readable.END, onend);
      stream.off(EventEmitter.ERROR, onerror);
      stream.off(Readable.CLOSE, onclose);
    }
  }
}
