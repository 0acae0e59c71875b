package dev.nodus.examples;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs an example's {@code main} under Netty's leak detector at its strictest, as the library's
 * own tests run: {@link ExampleProcess} starts every example through this class with
 * {@code -Dio.netty.leakDetection.level=paranoid}. The detector reports a leak only when a
 * collected buffer is noticed at a later allocation, which a short example rarely makes, so a
 * daemon thread collects and allocates now and then, and once more when main returns. A report
 * is printed by Netty as a line starting with {@code LEAK:}, which ExampleProcess turns into a
 * test failure.
 */
public final class LeakChecked {
  private LeakChecked() {}

  /**
   * Runs {@code args[0]}'s main with the remaining arguments.
   *
   * @param args the example class name, then its arguments
   * @throws Throwable whatever the example's main throws
   */
  public static void main(String[] args) throws Throwable {
    Thread poker = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
        poke();
      }
    }, "leak-poker");
    poker.setDaemon(true);
    poker.start();
    try {
      Class.forName(args[0]).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    poke();
    poke();
  }

  private static void poke() {
    System.gc();
    ByteBuf[] bufs = {
      PooledByteBufAllocator.DEFAULT.directBuffer(1),
      PooledByteBufAllocator.DEFAULT.heapBuffer(1),
      UnpooledByteBufAllocator.DEFAULT.directBuffer(1),
      UnpooledByteBufAllocator.DEFAULT.heapBuffer(1),
    };
    for (ByteBuf b : bufs) {
      b.release();
    }
  }
}
