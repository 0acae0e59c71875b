package dev.nodus.internal.stdio;

import dev.nodus.buffer.Buffer;
import dev.nodus.internal.loop.Loop;
import dev.nodus.stream.Readable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Node's {@code process.stdin} as a Readable: a daemon thread reads {@link System#in} (a
 * blocking stream the JDK offers no non-blocking form of) and pushes chunks to the loop. It
 * starts reading on the first {@code _read}, keeps the program alive while reading, as Node's
 * stdin does, and ends at EOF.
 *
 * <p>Backpressure: the reader thread pushes from off the loop, where {@code push} counts the
 * chunk toward the high-water mark until the loop takes it. When {@code push} returns false the
 * thread reads nothing more until the stream asks for data again ({@code _read}), so a slow
 * consumer holds at most the mark plus a chunk or two, and the pipe or file behind stdin pushes
 * back on its writer, as Node's stdin does.
 */
public final class StdinStream extends Readable {
  private static StdinStream instance;

  private final Loop loop;
  private final InputStream in;
  private boolean started;
  /** Guards {@link #readWanted}: the reader thread waits on it after a push returned false. */
  private final Object lock = new Object();
  private boolean readWanted;
  private boolean gone;

  private StdinStream(Loop loop, InputStream in) {
    this.loop = loop;
    this.in = in;
  }

  /** The program's stdin stream, bound to the loop that first asks for it. */
  public static synchronized StdinStream get() {
    if (instance == null || instance.loop.exited()) {
      instance = new StdinStream(Loop.require(), System.in);
    }
    return instance;
  }

  /** A stream reading {@code in} instead of System.in, on the calling loop; for tests. */
  static StdinStream over(InputStream in) {
    return new StdinStream(Loop.require(), in);
  }

  @Override
  protected void _read(int size) {
    if (!started) {
      started = true;
      loop.ref();
      Thread t = new Thread(this::pump, "nodus-stdin");
      t.setDaemon(true);
      t.start();
      return;
    }
    synchronized (lock) {
      readWanted = true;
      lock.notifyAll();
    }
  }

  @Override
  protected void _destroy(Throwable err, Consumer<Throwable> callback) {
    synchronized (lock) {
      gone = true;
      lock.notifyAll();
    }
    callback.accept(err);
  }

  private void pump() {
    byte[] buf = new byte[65536];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        Buffer chunk = Buffer.wrap(Arrays.copyOf(buf, n));
        synchronized (lock) {
          // A _read from here on asks for data after this chunk.
          readWanted = false;
        }
        // Off the loop: handed to it and counted toward the mark until it is taken.
        if (!push(chunk) && !awaitRead()) {
          break;
        }
      }
    } catch (IOException e) {
      loop.execute(() -> destroy(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loop.execute(() -> {
      push(null);
      loop.unref();
    });
  }

  /** Waits until the stream asks for more data; false if it was destroyed meanwhile. */
  private boolean awaitRead() throws InterruptedException {
    synchronized (lock) {
      while (!readWanted && !gone) {
        lock.wait();
      }
      return !gone;
    }
  }
}
