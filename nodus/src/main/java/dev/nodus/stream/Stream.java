package dev.nodus.stream;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Node's {@code stream} module functions: {@link #pipeline} and {@link #finished}.
 * Node: {@code require('stream').pipeline}, {@code require('stream').finished}.
 *
 * <p>Threading: called from a thread other than the streams' loop, {@code pipeline} and
 * {@code finished} are handed to that loop whole, in call order, and return at once
 * ({@code pipeline} returns the last stage; {@code finished} returns a cleanup function that may
 * itself be called from any thread). The callbacks run on the loop.
 */
public final class Stream {
  private Stream() {}

  /**
   * Pipes {@code streams} into each other (each but the first must be writable, each but the
   * last readable), forwarding errors and cleaning up: when any stage fails or closes early,
   * every stage is destroyed and {@code callback} is called once with the first error (or
   * {@code ERR_STREAM_PREMATURE_CLOSE}); on success it is called with null after the last stage
   * finished. Node: {@code stream.pipeline(...streams, callback)}.
   *
   * @param streams the stages: a {@link Readable} (or an {@link Iterable}, read through
   *     {@link Readable#from(Iterable)}) first, {@link Duplex}es in the middle, a
   *     {@link WritableStream} last
   * @param callback called once when the pipeline is done
   * @param <T> the type of the last stage
   * @return the last stage
   */
  public static <T> T pipeline(List<?> streams, Consumer<Throwable> callback) {
    return run(streams, callback);
  }

  /**
   * Same as {@link #pipeline(List, Consumer)} with the callback first, for varargs. Node:
   * {@code stream.pipeline(...streams, callback)}.
   *
   * @param callback called once when the pipeline is done
   * @param streams the stages
   * @param <T> the type of the last stage
   * @return the last stage
   */
  public static <T> T pipeline(Consumer<Throwable> callback, Object... streams) {
    return run(Arrays.asList(streams), callback);
  }

  /**
   * Pipes {@code source} into {@code dest} like {@link #pipeline(List, Consumer)}. Node:
   * {@code stream.pipeline(source, dest, callback)}.
   *
   * @param source the source
   * @param dest the destination
   * @param callback called once when done
   * @param <W> the destination's type
   * @return {@code dest}
   */
  public static <W extends WritableStream> W pipeline(
      Readable source, W dest, Consumer<Throwable> callback) {
    return run(List.of(source, dest), callback);
  }

  /**
   * Pipes {@code source} through {@code transform} into {@code dest} like
   * {@link #pipeline(List, Consumer)}. Node: {@code stream.pipeline(source, transform, dest,
   * callback)}.
   *
   * @param source the source
   * @param transform the middle stage
   * @param dest the destination
   * @param callback called once when done
   * @param <W> the destination's type
   * @return {@code dest}
   */
  public static <W extends WritableStream> W pipeline(
      Readable source, Duplex transform, W dest, Consumer<Throwable> callback) {
    return run(List.of(source, transform, dest), callback);
  }

  /**
   * Calls {@code callback} once {@code stream} is done: with null after {@code 'end'} (readable)
   * and/or {@code 'finish'} (writable), with the error after {@code 'error'}, or with
   * {@code ERR_STREAM_PREMATURE_CLOSE} if it closed before. Works on streams that are already
   * done (the callback then runs on a later tick). Node: {@code stream.finished(stream, callback)}.
   *
   * @param stream a {@link Readable}, {@link Writable} or {@link Duplex}
   * @param callback called once
   * @return a function that removes the listeners finished added
   */
  public static Runnable finished(Object stream, Consumer<Throwable> callback) {
    return finishedOnLoop(stream, null, null, callback);
  }

  /**
   * Like {@link #finished(Object, Consumer)}, watching only the chosen sides. Node:
   * {@code stream.finished(stream, {readable, writable}, callback)}.
   *
   * @param stream the stream
   * @param readable whether to wait for the readable side's end
   * @param writable whether to wait for the writable side's finish
   * @param callback called once
   * @return a function that removes the listeners finished added
   */
  public static Runnable finished(
      Object stream, boolean readable, boolean writable, Consumer<Throwable> callback) {
    return finishedOnLoop(stream, readable, writable, callback);
  }

  // ---- threading: called off the streams' loop, the whole call is handed to it ---------------

  /** A loop-bound stream among {@code streams} whose loop is not the caller's, or null. */
  private static StreamBase offLoopStream(List<?> streams) {
    for (Object o : streams) {
      if (o instanceof StreamBase b && b.offLoop()) {
        return b;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <T> T run(List<?> streams, Consumer<Throwable> callback) {
    StreamBase b = streams.size() < 2 ? null : offLoopStream(streams);
    if (b == null) {
      return Pipeline.run(streams, callback);
    }
    // Node returns the last stage; the pipeline itself is set up on the loop, in call order.
    List<?> stages = List.copyOf(streams);
    b.handOver(() -> Pipeline.run(stages, callback));
    return (T) stages.get(stages.size() - 1);
  }

  private static Runnable finishedOnLoop(
      Object stream, Boolean readable, Boolean writable, Consumer<Throwable> callback) {
    if (!(stream instanceof StreamBase b) || !b.offLoop()) {
      return EndOfStream.finished(stream, readable, writable, callback);
    }
    // Both touched on the loop only: the handed-over finished and the cleanup run there.
    Runnable[] cleanup = new Runnable[1];
    boolean[] cancelled = new boolean[1];
    b.handOver(() -> {
      if (!cancelled[0]) {
        cleanup[0] = EndOfStream.finished(stream, readable, writable, callback);
      }
    });
    Runnable onLoop = () -> {
      cancelled[0] = true;
      if (cleanup[0] != null) {
        cleanup[0].run();
      }
    };
    return () -> {
      if (b.offLoop()) {
        b.handOver(onLoop);
      } else {
        onLoop.run();
      }
    };
  }
}
