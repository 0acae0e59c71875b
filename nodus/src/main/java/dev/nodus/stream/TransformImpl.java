package dev.nodus.stream;

import java.util.function.Consumer;

/** Node: lib/internal/streams/transform.js (the free functions and prototype methods). */
final class TransformImpl {
  private TransformImpl() {}

  /**
   * Node's Transform constructor: with a readable high-water mark of 0, the writable side
   * buffers nothing either (a Transform wants hwm elements in total, not twice that).
   */
  static DuplexOptions adjust(DuplexOptions options) {
    int readableHwm =
        options.highWaterMark >= 0 ? options.highWaterMark : options.readableHighWaterMark;
    if (readableHwm != 0) {
      return options;
    }
    DuplexOptions copy = options.copy();
    copy.highWaterMark = -1;
    copy.readableHighWaterMark = 0;
    copy.writableHighWaterMark = Math.max(options.writableHighWaterMark, 0);
    return copy;
  }

  static void init(Transform t) {
    // _read is implemented and nothing else needs the first read to wait: unset the sync guard.
    t.rs.sync = false;
    // Node calls final() from 'prefinish' when _final was replaced (backwards compatibility for
    // transforms that implement _final instead of _flush).
    t.on(Writable.PREFINISH, () -> {
      if (t.customFinal) {
        finalCall(t, null);
      }
    });
  }

  /** Node: Transform.prototype._write. */
  static void write(Transform t, Object chunk, String encoding, Consumer<Throwable> callback) {
    ReadableState r = t.rs;
    WritableState w = t.ws;
    int length = r.length;
    t._transform(chunk, encoding, (err, val) -> {
      if (err != null) {
        callback.accept(err);
        return;
      }
      if (val != null) {
        t.push(val);
      }
      if (r.ended) {
        // push(null) was called: delay the callback so the new state propagates.
        t.nextTick(() -> callback.accept(null));
      } else if (w.ended || length == r.length || r.length < r.highWaterMark) {
        callback.accept(null);
      } else {
        // The readable side is full: continue when it is read from.
        t.pendingCallback = callback;
      }
    });
  }

  /** Node: final(cb), run as _final or from 'prefinish'. */
  static void finalCall(Transform t, Consumer<Throwable> cb) {
    if (!t.destroyed()) {
      t._flush((er, data) -> {
        if (er != null) {
          if (cb != null) {
            cb.accept(er);
          } else {
            t.destroy(er);
          }
          return;
        }
        if (data != null) {
          t.push(data);
        }
        t.push(null);
        if (cb != null) {
          cb.accept(null);
        }
      });
    } else {
      t.push(null);
      if (cb != null) {
        cb.accept(null);
      }
    }
  }

  /** Node: Transform.prototype._read. */
  static void read(Transform t) {
    Consumer<Throwable> callback = t.pendingCallback;
    if (callback != null) {
      t.pendingCallback = null;
      callback.accept(null);
    }
  }
}
