package dev.nodus.testing;

import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector, recording each report so that {@link LeakCheckExtension} can fail the
 * test. Installed by {@code -Dio.netty.customResourceLeakDetector} in the Surefire arguments,
 * with {@code -Dio.netty.leakDetection.level=paranoid}.
 *
 * @param <T> the tracked resource type
 */
public final class LeakRecorder<T> extends ResourceLeakDetector<T> {
  static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  /** Netty's factory calls this constructor reflectively. */
  public LeakRecorder(Class<?> resourceType, int samplingInterval, long maxActive) {
    super(resourceType, samplingInterval, maxActive);
  }

  /** Netty's factory calls this constructor reflectively. */
  public LeakRecorder(Class<?> resourceType, int samplingInterval) {
    super(resourceType, samplingInterval);
  }

  @Override
  protected void reportTracedLeak(String resourceType, String records) {
    LEAKS.add("LEAK: " + resourceType + records);
    super.reportTracedLeak(resourceType, records);
  }

  @Override
  protected void reportUntracedLeak(String resourceType) {
    LEAKS.add("LEAK: " + resourceType + " (untraced)");
    super.reportUntracedLeak(resourceType);
  }

  /** Whether this JVM runs with the recorder installed. */
  public static boolean installed() {
    return LeakRecorder.class.getName().equals(System.getProperty("io.netty.customResourceLeakDetector"));
  }
}
