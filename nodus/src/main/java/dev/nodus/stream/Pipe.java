package dev.nodus.stream;

import dev.nodus.events.Event2;
import dev.nodus.events.EventEmitter;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One {@code src.pipe(dest)}: the listeners it adds to both streams and the backpressure
 * bookkeeping. Node: the closure of Readable.prototype.pipe (onunpipe, onend, cleanup, pause,
 * ondata, onerror, onclose, onfinish, unpipe) and pipeOnDrain.
 */
final class Pipe implements Consumer<Object>, BiConsumer<Readable, Pipe.UnpipeInfo>, Runnable {
  /** Node passes {@code (src, {hasUnpiped})} with 'unpipe'; Writable.UNPIPE sees the first. */
  static final Event2<Readable, UnpipeInfo> UNPIPE_INFO = Event2.of("unpipe");

  /** Node: the {@code unpipeInfo} object; one per unpipe call, so a pair is cleaned up once. */
  static final class UnpipeInfo {
    boolean hasUnpiped;
  }

  private final Readable src;
  private final ReadableState state;
  private final WritableStream dest;
  private final boolean doEnd;
  private boolean cleanedUp;
  private Runnable ondrain;

  // The listeners, created once so that they can be removed. The pipe itself is three more
  // ('data', 'unpipe' and the source's 'end'): a socket pipes with 4 objects rather than 8.
  private final Consumer<Throwable> onerror = this::onerror;
  /** The destination's 'close' and 'finish' (Node's onclose and onfinish): whichever comes first unpipes. */
  private final Runnable onclose = this::oncloseOrFinish;

  private Pipe(Readable src, WritableStream dest, boolean end) {
    this.src = src;
    this.state = src.rs;
    this.dest = dest;
    this.doEnd = end;
  }

  /** Node: Readable.prototype.pipe. */
  static void start(Readable src, WritableStream dest, boolean end) {
    ReadableState state = src.rs;
    if (state.pipes.size() == 1 && !state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      Set<WritableStream> set = ReadableState.newWriterSet();
      if (state.awaitDrainWriters != null) {
        set.add((WritableStream) state.awaitDrainWriters);
      }
      state.awaitDrainWriters = set;
    }
    state.pipes.add(dest);
    Pipe pipe = new Pipe(src, dest, end);
    state.soloPipe = state.pipes.size() == 1 ? pipe : null;
    pipe.attach();
  }

  WritableStream dest() {
    return dest;
  }

  Consumer<Object> ondata() {
    return this;
  }

  /** The source's 'data': Node's ondata. */
  @Override
  public void accept(Object chunk) {
    ondata(chunk);
  }

  /** The destination's 'unpipe': Node's onunpipe. */
  @Override
  public void accept(Readable readable, UnpipeInfo info) {
    onunpipe(readable, info);
  }

  /** The source's 'end': Node's endFn, onend when the pipe ends the destination, else unpipe. */
  @Override
  public void run() {
    if (doEnd) {
      onend();
    } else {
      unpipe();
    }
  }

  private void attach() {
    if (state.endEmitted) {
      src.nextTick(this);
    } else {
      src.once(Readable.END, this);
    }
    dest.on(UNPIPE_INFO, (BiConsumer<Readable, UnpipeInfo>) this);
    src.on(Readable.CHUNK, (Consumer<Object>) this);
    // Our error handler goes before userland ones.
    dest.prependListener(EventEmitter.ERROR, onerror);
    dest.once(Readable.CLOSE, onclose);
    dest.once(Writable.FINISH, onclose);
    // Tell the dest that it's being piped to.
    dest.emit(Writable.PIPE, src);
    // Start the flow if it hasn't been started already.
    if (dest.writableNeedDrain()) {
      pause();
    } else if (!state.flowing) {
      src.resume();
    }
  }

  private void onunpipe(Readable readable, UnpipeInfo info) {
    if (readable == src && info != null && !info.hasUnpiped) {
      info.hasUnpiped = true;
      cleanup();
    }
  }

  private void onend() {
    dest.end();
  }

  private void cleanup() {
    // Remove the listeners once the pipe is broken.
    dest.off(Readable.CLOSE, onclose);
    dest.off(Writable.FINISH, onclose);
    if (ondrain != null) {
      dest.off(Writable.DRAIN, ondrain);
    }
    dest.off(EventEmitter.ERROR, onerror);
    dest.off(UNPIPE_INFO, this);
    src.off(Readable.END, this);
    src.off(Readable.CHUNK, this);
    cleanedUp = true;
    if (state.soloPipe == this) {
      state.soloPipe = null;
    }
    // If the source waits for a drain from this dest, it would never flow again: drain now.
    // If we don't know, assume that we are waiting for one.
    if (ondrain != null && state.awaitDrainWriters != null
        && (!(dest instanceof StreamBase sb) || sb.ws == null || sb.ws.needDrain)) {
      ondrain.run();
    }
  }

  private void pause() {
    // The user may have unpiped during dest.write(): only pause for a current destination.
    if (!cleanedUp) {
      if (state.pipes.size() == 1 && state.pipes.get(0) == dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.size() > 1 && state.pipesContain(dest)) {
        @SuppressWarnings("unchecked")
        Set<WritableStream> set = (Set<WritableStream>) state.awaitDrainWriters;
        set.add(dest);
      }
      src.pause();
    }
    if (ondrain == null) {
      // One 'drain' listener for the pipe's life: adding and removing repeatedly is too slow.
      ondrain = this::pipeOnDrain;
      dest.on(Writable.DRAIN, ondrain);
    }
  }

  /** Node: pipeOnDrain(src, dest). */
  private void pipeOnDrain() {
    if (state.awaitDrainWriters == dest) {
      state.awaitDrainWriters = null;
    } else if (state.multiAwaitDrain) {
      ((Set<?>) state.awaitDrainWriters).remove(dest);
    }
    Object w = state.awaitDrainWriters;
    if ((w == null || (w instanceof Set<?> s && s.isEmpty())) && state.dataListening) {
      src.resume();
    }
  }

  private void ondata(Object chunk) {
    if (!dest.write(chunk)) {
      pause();
    }
  }

  /** If the dest errors, stop piping into it, without hiding the error. */
  private void onerror(Throwable er) {
    unpipe();
    dest.off(EventEmitter.ERROR, onerror);
    if (dest.listenerCount(EventEmitter.ERROR) == 0) {
      if (dest instanceof StreamBase sb && !errorEmitted(sb)) {
        // The user emitted 'error' directly on the stream.
        sb.errorOrDestroy(er, false);
      } else {
        dest.emit(EventEmitter.ERROR, er);
      }
    }
  }

  private static boolean errorEmitted(StreamBase sb) {
    CommonState s = sb.ws != null ? sb.ws : sb.rs;
    return s == null || s.errorEmitted;
  }

  // 'close' and 'finish' both unpipe, once: the one that fires removes the other's registration.
  private void oncloseOrFinish() {
    dest.off(Readable.CLOSE, onclose);
    dest.off(Writable.FINISH, onclose);
    unpipe();
  }

  private void unpipe() {
    src.unpipe(dest);
  }

  /** Node: Readable.prototype.unpipe. */
  static void unpipe(Readable src, WritableStream dest) {
    ReadableState state = src.rs;
    if (state.pipes.isEmpty()) {
      return;
    }
    if (dest == null) {
      // Remove all.
      WritableStream[] dests = state.pipes.toArray(new WritableStream[0]);
      state.pipes.clear();
      src.pause();
      for (WritableStream d : dests) {
        d.emit(UNPIPE_INFO, src, new UnpipeInfo());
      }
      return;
    }
    int index = -1;
    for (int i = 0; i < state.pipes.size(); i++) {
      if (state.pipes.get(i) == dest) {
        index = i;
        break;
      }
    }
    if (index == -1) {
      return;
    }
    state.pipes.remove(index);
    if (state.pipes.isEmpty()) {
      src.pause();
    }
    dest.emit(UNPIPE_INFO, src, new UnpipeInfo());
  }
}
