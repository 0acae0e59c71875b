package dev.nodus.stream;

import dev.nodus.NodeError;
import dev.nodus.events.EventEmitter;
import dev.nodus.internal.stream.StreamErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Node: lib/internal/streams/pipeline.js (pipelineImpl, pipe, destroyer) for Node streams.
 * Each stage is watched with eos; the first error (or a premature close) destroys every stage
 * that has not finished, and the callback runs once, on a later tick.
 */
final class Pipeline {
  private final Consumer<Throwable> callback;
  private final ArrayDeque<Consumer<Throwable>> destroys = new ArrayDeque<>();
  private final List<Runnable> lastStreamCleanup = new ArrayList<>();
  private Throwable error;
  private int finishCount;
  private boolean called;
  private StreamBase any;

  private Pipeline(Consumer<Throwable> callback) {
    this.callback = callback;
  }

  @SuppressWarnings("unchecked")
  static <T> T run(List<?> streams, Consumer<Throwable> callback) {
    if (streams.size() == 1 && streams.get(0) instanceof List<?> l) {
      streams = l;
    }
    if (streams.size() < 2) {
      throw StreamErrors.missingArgs("streams");
    }
    if (callback == null) {
      throw StreamErrors.invalidArgType("callback", "of type function", null);
    }
    return (T) new Pipeline(callback).build(streams);
  }

  private void finish(Throwable err) {
    finishImpl(err, --finishCount == 0);
  }

  private static boolean isPrematureClose(Throwable e) {
    return e instanceof NodeError ne && "ERR_STREAM_PREMATURE_CLOSE".equals(ne.code());
  }

  private static boolean isAbort(Throwable e) {
    return e instanceof NodeError ne && "AbortError".equals(ne.name());
  }

  private void finishImpl(Throwable err, boolean fin) {
    if (err != null && (error == null || isPrematureClose(error))) {
      error = err;
    }
    if (error == null && !fin) {
      return;
    }
    while (!destroys.isEmpty()) {
      destroys.pollFirst().accept(error);
    }
    if (fin) {
      if (error == null) {
        lastStreamCleanup.forEach(Runnable::run);
      }
      Throwable e = error;
      any.nextTick(() -> {
        // Node wraps the callback with once().
        if (!called) {
          called = true;
          callback.accept(e);
        }
      });
    }
  }

  private Object build(List<?> streams) {
    Object ret = null;
    int n = streams.size();
    for (int i = 0; i < n; i++) {
      Object item = streams.get(i);
      boolean reading = i < n - 1;
      boolean writing = i > 0;
      boolean isLastStream = i == n - 1;
      if (i == 0 && item instanceof Iterable<?> it && !(item instanceof StreamBase)) {
        // Node pumps an iterable source itself; here it becomes Readable.from(iterable).
        item = Readable.from(it);
      }
      StreamBase stream = EndOfStream.asStream(item);
      any = stream;
      // end is always true: the options form with {end: false} is not offered.
      Destroyer d = new Destroyer(stream, reading, writing);
      destroys.add(d::destroy);
      if (isLastStream && Boolean.TRUE.equals(EndOfStream.isReadable(stream))) {
        lastStreamCleanup.add(d.cleanup);
      }
      // Catch stream errors that occur after pipe/pump has completed.
      Consumer<Throwable> onError = err -> {
        if (err != null && !isAbort(err) && !isPrematureClose(err)) {
          finish(err);
        }
      };
      stream.on(EventEmitter.ERROR, onError);
      if (isLastStream && Boolean.TRUE.equals(EndOfStream.isReadable(stream))) {
        lastStreamCleanup.add(() -> stream.off(EventEmitter.ERROR, onError));
      }
      if (i == 0) {
        if (!EndOfStream.isReadableNodeStream(stream)) {
          throw StreamErrors.invalidArgType("val", "an instance of Readable", stream);
        }
        ret = stream;
      } else {
        StreamBase prev = (StreamBase) ret;
        if (!EndOfStream.isReadableNodeStream(prev) || !(stream instanceof WritableStream)) {
          throw StreamErrors.invalidArgType("val", "an instance of Readable", prev);
        }
        finishCount += 2;
        Runnable cleanup = pipe((Readable) prev, stream);
        if (isLastStream && Boolean.TRUE.equals(EndOfStream.isReadable(stream))) {
          lastStreamCleanup.add(cleanup);
        }
        ret = stream;
      }
    }
    return ret;
  }

  /** Node: destroyer(stream, reading, writing). */
  private static final class Destroyer {
    private final StreamBase stream;
    private boolean finished;
    final Runnable cleanup;

    Destroyer(StreamBase stream, boolean reading, boolean writing) {
      this.stream = stream;
      stream.on(Readable.CLOSE, () -> finished = true);
      cleanup = EndOfStream.finished(stream, reading, writing, err -> finished = err == null);
    }

    void destroy(Throwable err) {
      if (finished) {
        return;
      }
      finished = true;
      destroyer(stream, err != null ? err : StreamErrors.destroyed("pipe"));
    }
  }

  /** Node: destroyImpl.destroyer(stream, err). */
  static void destroyer(StreamBase stream, Throwable err) {
    if (EndOfStream.isDestroyed(stream)) {
      return;
    }
    if (err == null && !EndOfStream.isFinished(stream)) {
      err = StreamErrors.abortError();
    }
    stream.callDestroy(err);
  }

  /** Node: pipe(src, dst, finish, {end}). */
  private Runnable pipe(Readable src, StreamBase dst) {
    boolean[] ended = new boolean[1];
    WritableStream dest = (WritableStream) dst;
    dst.on(Readable.CLOSE, () -> {
      if (!ended[0]) {
        // The destination closed before the source completed.
        finish(StreamErrors.prematureClose());
      }
    });
    // end: false, we end the destination ourselves below.
    src.pipe(dest, false);
    Runnable endFn = () -> {
      ended[0] = true;
      dest.end();
    };
    if (Boolean.TRUE.equals(EndOfStream.isReadableFinished(src, true))) {
      src.nextTick(endFn);
    } else {
      src.once(Readable.END, endFn);
    }
    EndOfStream.finished(src, true, false, err -> {
      ReadableState rState = src.rs;
      if (err != null && isPrematureClose(err)
          && rState.ended && rState.errored == null && !rState.errorEmitted) {
        // Some readables emit 'close' before 'end'; 'end' still counts when no error came.
        src.once(Readable.END, () -> finish(null));
        src.once(EventEmitter.ERROR, this::finish);
      } else {
        finish(err);
      }
    });
    return EndOfStream.finished(dst, false, true, this::finish);
  }
}
