package dev.nodus.internal.stream;

import dev.nodus.stream.Readable;
import dev.nodus.stream.WritableStream;

/**
 * What internal code may ask of a stream beyond its public API. {@code Readable} installs the
 * implementation when its class initializes (the JDK's SharedSecrets pattern).
 */
public final class StreamAccess {
  /** The operations the stream package provides. */
  public interface Bridge {
    /**
     * Where a chunk pushed now would go, when only one pipe's {@code ondata} would see it.
     *
     * @param r a readable stream
     * @return the pipe's destination, or null
     */
    WritableStream soleDirectPipe(Readable r);
  }

  private static volatile Bridge bridge;

  private StreamAccess() {}

  /**
   * Called once by Readable's static initializer.
   *
   * @param b the implementation
   */
  public static void install(Bridge b) {
    bridge = b;
  }

  /**
   * The destination a byte chunk pushed into {@code r} right now goes to, if it would be emitted
   * at once as {@code 'data'} (flowing, nothing buffered, no decoder, not inside {@code _read})
   * and the one {@code 'data'} listener is a pipe's: then nothing but that pipe sees the chunk.
   * Null otherwise.
   *
   * @param r a readable stream, already constructed (so its class is initialized)
   * @return the destination, or null
   */
  public static WritableStream soleDirectPipe(Readable r) {
    return bridge.soleDirectPipe(r);
  }
}
