package dev.nodus.stream;

import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.stream.StreamErrors;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * A Readable over a Java Iterable. Node: lib/internal/streams/from.js for synchronous
 * iterables with synchronous values (nextSyncWithSyncValues): items are pushed until push()
 * returns false, a null item fails with ERR_STREAM_NULL_VALUES, and an exception from the
 * iterator destroys the stream with it.
 */
final class FromIterable extends Readable {
  private final Iterator<?> iterator;
  /** Node: the flag that protects against _read during an iteration. */
  private boolean reading;

  private FromIterable(Iterator<?> iterator, ReadableOptions options) {
    super(options);
    this.iterator = iterator;
  }

  static Readable create(Iterable<?> items, ReadableOptions options) {
    if (items == null) {
      throw StreamErrors.invalidArgType("iterable", "an instance of Iterable", null);
    }
    ReadableOptions o = new ReadableOptions()
        .objectMode(options.objectMode)
        .emitClose(options.emitClose)
        .autoDestroy(options.autoDestroy)
        .encoding(options.encoding);
    // Node: {objectMode: true, highWaterMark: 1, ...opts}.
    o.highWaterMark = options.highWaterMark >= 0 ? options.highWaterMark : 1;
    o.destroy = options.destroy;
    o.construct = options.construct;
    return new FromIterable(items.iterator(), o);
  }

  @Override
  protected void _read(int size) {
    if (!reading) {
      reading = true;
      next();
    }
  }

  private void next() {
    for (;;) {
      try {
        if (!iterator.hasNext()) {
          push(null);
          return;
        }
        Object value = iterator.next();
        if (value == null) {
          reading = false;
          throw StreamErrors.nullValues();
        }
        if (push(value)) {
          continue;
        }
        reading = false;
      } catch (RuntimeException err) {
        destroy(err);
      }
      break;
    }
  }

  @Override
  protected void _destroy(Throwable err, Consumer<Throwable> callback) {
    if (destroyHook != null) {
      super._destroy(err, callback);
      return;
    }
    // Node: close(error) is an async function, then process.nextTick(cb, error).
    if (iterator instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        err = err != null ? err : e;
      }
    }
    Throwable e = err;
    Loop l = loop != null ? loop : Loop.require();
    l.queueMicrotask(() -> nextTick(() -> callback.accept(e)));
  }
}
