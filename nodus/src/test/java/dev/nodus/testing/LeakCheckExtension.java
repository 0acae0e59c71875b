package dev.nodus.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Netty reported a leaked buffer during it. Registered for every test by
 * JUnit's extension auto-detection (see {@code junit-platform.properties}). After each test
 * class it also forces a collection and a few allocations, so that leaks of that class's
 * buffers are reported before the next class starts.
 */
public final class LeakCheckExtension implements AfterEachCallback, AfterAllCallback {
  @Override
  public void afterEach(ExtensionContext context) {
    check(context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.onSpinWait();
      poke();
    }
    check(context.getDisplayName());
  }

  private static void poke() {
    // The detector reports leaks only when a new buffer is tracked; allocate some of each kind.
    List<ByteBuf> bufs = new ArrayList<>();
    bufs.add(PooledByteBufAllocator.DEFAULT.directBuffer(1));
    bufs.add(PooledByteBufAllocator.DEFAULT.heapBuffer(1));
    bufs.add(UnpooledByteBufAllocator.DEFAULT.directBuffer(1));
    bufs.add(UnpooledByteBufAllocator.DEFAULT.heapBuffer(1));
    bufs.forEach(ByteBuf::release);
  }

  private static void check(String where) {
    if (LeakRecorder.LEAKS.isEmpty()) {
      return;
    }
    List<String> leaks = new ArrayList<>(LeakRecorder.LEAKS);
    LeakRecorder.LEAKS.clear();
    throw new AssertionError(
        "Netty reported " + leaks.size() + " leaked buffer(s) in or before " + where + ":\n"
            + String.join("\n", leaks));
  }
}
