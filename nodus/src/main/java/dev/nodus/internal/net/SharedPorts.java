package dev.nodus.internal.net;

import dev.nodus.internal.loop.Program;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Node's cluster gives every worker that calls {@code listen(0)} the same port. Here each loop
 * of a program runs the same setup, so the k-th {@code listen(0)} on a host in every loop shares
 * the port that the first loop to bind it got.
 */
public final class SharedPorts {
  private static final Map<Program, Map<String, CompletableFuture<Integer>>> PORTS = new WeakHashMap<>();

  private SharedPorts() {}

  /** The future port for {@code key}, and whether the caller is the first (and must bind 0). */
  public static synchronized Claim claim(Program program, String key) {
    Map<String, CompletableFuture<Integer>> m = PORTS.computeIfAbsent(program, p -> new ConcurrentHashMap<>());
    CompletableFuture<Integer> f = m.get(key);
    if (f == null) {
      f = new CompletableFuture<>();
      m.put(key, f);
      return new Claim(f, true);
    }
    return new Claim(f, false);
  }

  /** A claim on a shared port. */
  public record Claim(CompletableFuture<Integer> port, boolean first) {}
}
