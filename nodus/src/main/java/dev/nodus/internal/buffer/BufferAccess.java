package dev.nodus.internal.buffer;

import dev.nodus.buffer.Buffer;

/**
 * What internal code may do with a {@link Buffer} that its public API does not offer: wrap
 * {@link ExternalBytes} and find them again. Buffer installs the implementation when its class
 * initializes (the JDK's SharedSecrets pattern), so the public package needs no public hook.
 */
public final class BufferAccess {
  /** The operations Buffer provides. */
  public interface Bridge {
    /**
     * A Buffer over all of {@code bytes}.
     *
     * @param bytes the loaned bytes
     * @return the Buffer
     */
    Buffer wrap(ExternalBytes bytes);

    /**
     * The loaned bytes behind {@code b}, or null for an ordinary heap Buffer.
     *
     * @param b a Buffer
     * @return its external bytes, or null
     */
    ExternalBytes external(Buffer b);
  }

  private static volatile Bridge bridge;

  private BufferAccess() {}

  /**
   * Called once by Buffer's static initializer.
   *
   * @param b the implementation
   */
  public static void install(Bridge b) {
    bridge = b;
  }

  private static Bridge bridge() {
    Bridge b = bridge;
    if (b == null) {
      Buffer.alloc(0); // initializes Buffer, which installs the bridge
      b = bridge;
    }
    return b;
  }

  /**
   * A Buffer over {@code bytes}; its content is read from them until they are copied.
   *
   * @param bytes the loaned bytes
   * @return the Buffer
   */
  public static Buffer wrap(ExternalBytes bytes) {
    return bridge().wrap(bytes);
  }

  /**
   * The loaned bytes behind {@code b}, or null.
   *
   * @param b a Buffer
   * @return its external bytes, or null
   */
  public static ExternalBytes external(Buffer b) {
    return bridge().external(b);
  }
}
