package dev.nodus.internal.stdio;

import dev.nodus.buffer.Buffer;
import dev.nodus.internal.loop.Loop;
import dev.nodus.stream.Readable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Node's {@code process.stdin} as a Readable: a daemon thread reads {@link System#in} (a
 * blocking stream the JDK offers no non-blocking form of) and pushes chunks on the loop. It
 * starts reading on the first {@code _read}, keeps the program alive while reading, as Node's
 * stdin does, and ends at EOF.
 */
public final class StdinStream extends Readable {
  private static StdinStream instance;

  private final Loop loop;
  private final InputStream in;
  private boolean started;

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

  @Override
  protected void _read(int size) {
    if (started) {
      return;
    }
    started = true;
    loop.ref();
    Thread t = new Thread(this::pump, "nodus-stdin");
    t.setDaemon(true);
    t.start();
  }

  private void pump() {
    byte[] buf = new byte[65536];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        Buffer chunk = Buffer.wrap(Arrays.copyOf(buf, n));
        loop.execute(() -> push(chunk));
      }
    } catch (IOException e) {
      loop.execute(() -> destroy(e));
    }
    loop.execute(() -> {
      push(null);
      loop.unref();
    });
  }
}
