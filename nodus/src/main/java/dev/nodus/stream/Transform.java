package dev.nodus.stream;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Node's {@code stream.Transform}: a {@link Duplex} whose output is computed from its input by
 * {@link #_transform}, chunk by chunk, with {@link #_flush} producing any last output after
 * {@code end()}.
 *
 * <p>Event order at the end: the writable side's {@code 'prefinish'} runs {@code _flush}, whose
 * output is pushed before {@code push(null)}; then {@code 'finish'}, then {@code 'end'} once the
 * output is consumed, then {@code 'close'}.
 *
 * <p>Threading: a stream belongs to the loop it was created on; call it on that loop.
 */
public class Transform extends Duplex {
  TransformOptions.TransformFunction<Object> transformHook;
  BiConsumer<Object, BiConsumer<Throwable, Object>> flushHook;
  /** Node: this[kCallback], the write callback held back while the readable side is full. */
  Consumer<Throwable> pendingCallback;
  /** Node: {@code this._final !== final}; a replaced _final makes 'prefinish' run the flush. */
  final boolean customFinal;

  /** Creates a byte transform with Node's default options. Node: {@code new Transform()}. */
  protected Transform() {
    this(new TransformOptions());
  }

  /**
   * Creates a transform. Node: {@code new Transform(options)}.
   *
   * @param options the options
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Transform(DuplexOptions options) {
    super(TransformImpl.adjust(options));
    if (options instanceof TransformOptions t) {
      transformHook = (TransformOptions.TransformFunction) t.transform;
      flushHook = (BiConsumer) t.flush;
    }
    customFinal = finalHook != null || Hooks.overridesFinalBelow(getClass(), Transform.class);
    TransformImpl.init(this);
  }

  /**
   * Creates a transform from hooks, Node's simplified construction. Node:
   * {@code new Transform({transform, flush})}.
   *
   * @param options the options and hooks
   * @return the stream
   */
  public static Transform create(TransformOptions options) {
    return new Transform(options);
  }

  /**
   * Transforms one written chunk: call {@code callback} with an error, or with null and an
   * optional chunk to push (null for none); {@link #push(Object)} may also be called any number
   * of times before. Node: {@code transform._transform(chunk, encoding, callback)}.
   *
   * @param chunk the written chunk
   * @param encoding {@code "buffer"} for a Buffer, else the string's encoding
   * @param callback to call when done
   */
  protected void _transform(Object chunk, String encoding, BiConsumer<Throwable, Object> callback) {
    if (transformHook != null) {
      transformHook.transform(this, chunk, encoding, callback);
      return;
    }
    throw dev.nodus.internal.stream.StreamErrors.methodNotImplemented("_transform()");
  }

  /**
   * Produces the last output after {@code end()} and the last {@code _transform}: call
   * {@code callback} with an error, or with null and an optional last chunk. The default calls
   * back at once. Node: {@code transform._flush(callback)}.
   *
   * @param callback to call when done
   */
  protected void _flush(BiConsumer<Throwable, Object> callback) {
    if (flushHook != null) {
      flushHook.accept(this, callback);
    } else {
      callback.accept(null, null);
    }
  }

  /**
   * Hands the chunk to {@link #_transform} and holds its callback back while the readable side
   * is full. Node: {@code Transform.prototype._write}.
   *
   * @param chunk the written chunk
   * @param encoding its encoding
   * @param callback the write callback
   */
  @Override
  protected void _write(Object chunk, String encoding, Consumer<Throwable> callback) {
    TransformImpl.write(this, chunk, encoding, callback);
  }

  /**
   * Runs {@link #_flush}, pushes its output and ends the readable side. Node:
   * {@code Transform.prototype._final}.
   *
   * @param callback called when flushed
   */
  @Override
  protected void _final(Consumer<Throwable> callback) {
    if (finalHook != null) {
      finalHook.accept(callback);
      return;
    }
    TransformImpl.finalCall(this, callback);
  }

  /**
   * Releases a write callback held back while the readable side was full. Node:
   * {@code Transform.prototype._read}.
   *
   * @param size ignored
   */
  @Override
  protected void _read(int size) {
    TransformImpl.read(this);
  }
}
