package dev.nodus.stream;

import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.Event2;
import dev.nodus.events.EventEmitter;
import dev.nodus.events.EventKey;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What {@link Readable#pipe(WritableStream)} and {@link Stream#pipeline} write into: the
 * writable side of a stream. Implemented by {@link Writable} and {@link Duplex} (and so by
 * {@link Transform}, {@link PassThrough} and sockets). Node has no such type (JavaScript is
 * duck-typed); this interface names the members {@code pipe} uses.
 *
 * <p>The listener methods have the signatures of {@link EventEmitter}'s, so any
 * EventEmitter subclass implements them by inheritance.
 */
public interface WritableStream {
  /**
   * Writes a chunk. Node: {@code writable.write(chunk)}.
   *
   * @param chunk a Buffer, String or byte[] (any object in object mode)
   * @return false when the buffer reached the high-water mark: wait for {@code 'drain'}
   */
  boolean write(Object chunk);

  /**
   * Writes a chunk and calls {@code callback} once it is handled. Node:
   * {@code writable.write(chunk, callback)}.
   *
   * @param chunk the chunk
   * @param callback called with null or the error
   * @return false when the buffer reached the high-water mark
   */
  boolean write(Object chunk, Consumer<Throwable> callback);

  /**
   * Signals that nothing more will be written. Node: {@code writable.end()}.
   *
   * @return this stream
   */
  WritableStream end();

  /**
   * Signals the end and calls {@code onFinish} on {@code 'finish'} (or with the error). Node:
   * {@code writable.end(callback)}.
   *
   * @param onFinish called once finished
   * @return this stream
   */
  WritableStream end(Runnable onFinish);

  /**
   * Writes a last chunk and signals the end. Node: {@code writable.end(chunk)}.
   *
   * @param chunk the chunk
   * @return this stream
   */
  WritableStream end(Object chunk);

  /** Buffers writes until {@link #uncork()}. Node: {@code writable.cork()}. */
  void cork();

  /** Flushes the writes buffered since {@link #cork()}. Node: {@code writable.uncork()}. */
  void uncork();

  /**
   * Destroys the stream. Node: {@code writable.destroy()}.
   *
   * @return this stream
   */
  WritableStream destroy();

  /**
   * Destroys the stream with an error. Node: {@code writable.destroy(err)}.
   *
   * @param err the error, or null
   * @return this stream
   */
  WritableStream destroy(Throwable err);

  /**
   * Returns whether {@code destroy()} was called. Node: {@code writable.destroyed}.
   *
   * @return the flag
   */
  boolean destroyed();

  /**
   * Returns whether {@code write()} may be called: not destroyed, errored, ending or ended.
   * Node: {@code writable.writable}.
   *
   * @return the flag
   */
  boolean writable();

  /**
   * Returns the bytes (objects in object mode) waiting to be written. Node:
   * {@code writable.writableLength}.
   *
   * @return the length
   */
  int writableLength();

  /**
   * Returns the high-water mark. Node: {@code writable.writableHighWaterMark}.
   *
   * @return the limit
   */
  int writableHighWaterMark();

  /**
   * Returns whether a {@code write()} returned false and {@code 'drain'} has not followed yet.
   * Node: {@code writable.writableNeedDrain}.
   *
   * @return the flag
   */
  boolean writableNeedDrain();

  /**
   * Returns whether {@code end()} was called. Node: {@code writable.writableEnded}.
   *
   * @return the flag
   */
  boolean writableEnded();

  /**
   * Returns whether {@code 'finish'} is about to be or was emitted. Node:
   * {@code writable.writableFinished}.
   *
   * @return the flag
   */
  boolean writableFinished();

  /**
   * Returns whether the stream is in object mode. Node: {@code writable.writableObjectMode}.
   *
   * @return the flag
   */
  boolean writableObjectMode();

  /**
   * Returns whether {@code 'close'} was emitted. Node: {@code writable.closed}.
   *
   * @return the flag
   */
  boolean closed();

  /**
   * Returns the error the stream was destroyed with, or null. Node: {@code writable.errored}.
   *
   * @return the error or null
   */
  Throwable errored();

  /**
   * Adds a listener. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @return the emitter
   */
  EventEmitter on(Event0 event, Runnable listener);

  /**
   * Adds a listener. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return the emitter
   */
  <A> EventEmitter on(Event1<A> event, Consumer<? super A> listener);

  /**
   * Adds a listener of two arguments. Node: {@code emitter.on(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return the emitter
   */
  <A, B> EventEmitter on(Event2<A, B> event, BiConsumer<? super A, ? super B> listener);

  /**
   * Adds a one-time listener. Node: {@code emitter.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @return the emitter
   */
  EventEmitter once(Event0 event, Runnable listener);

  /**
   * Adds a one-time listener. Node: {@code emitter.once(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return the emitter
   */
  <A> EventEmitter once(Event1<A> event, Consumer<? super A> listener);

  /**
   * Adds a listener at the front of the list. Node: {@code emitter.prependListener(name, fn)}.
   *
   * @param event the event
   * @param listener the listener
   * @param <A> the argument type
   * @return the emitter
   */
  <A> EventEmitter prependListener(Event1<A> event, Consumer<? super A> listener);

  /**
   * Removes a listener. Node: {@code emitter.off(name, fn)}.
   *
   * @param event the event
   * @param listener the listener as it was added
   * @return the emitter
   */
  EventEmitter off(EventKey event, Object listener);

  /**
   * Calls the event's listeners. Node: {@code emitter.emit(name)}.
   *
   * @param event the event
   * @return whether it had listeners
   */
  boolean emit(Event0 event);

  /**
   * Calls the event's listeners with an argument. Node: {@code emitter.emit(name, a)}.
   *
   * @param event the event
   * @param a the argument
   * @param <A> the argument type
   * @return whether it had listeners
   */
  <A> boolean emit(Event1<A> event, A a);

  /**
   * Calls the event's listeners with two arguments. Node: {@code emitter.emit(name, a, b)}.
   *
   * @param event the event
   * @param a the first argument
   * @param b the second argument
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @return whether it had listeners
   */
  <A, B> boolean emit(Event2<A, B> event, A a, B b);

  /**
   * Returns how many listeners the event has. Node: {@code emitter.listenerCount(name)}.
   *
   * @param event the event
   * @return the count
   */
  int listenerCount(EventKey event);
}
