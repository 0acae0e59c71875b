/**
 * Node's {@code stream} module: {@link dev.nodus.stream.Readable}, {@link dev.nodus.stream.Writable},
 * {@link dev.nodus.stream.Duplex}, {@link dev.nodus.stream.Transform},
 * {@link dev.nodus.stream.PassThrough}, and {@link dev.nodus.stream.Stream#pipeline} /
 * {@link dev.nodus.stream.Stream#finished}.
 *
 * <p>The state machines follow Node v20's lib/internal/streams (readable.js, writable.js,
 * duplex.js, transform.js, destroy.js, end-of-stream.js, pipeline.js) step by step, so events
 * and callbacks happen in Node's order: what Node defers with {@code process.nextTick}, these
 * classes defer with the loop's nextTick queue, and nothing else is deferred.
 *
 * <h2>Threading</h2>
 * A stream belongs to the loop that created it: call its methods, and implement its hooks, on
 * that loop (from the program's setup code or its callbacks). Streams take no locks.
 *
 * <h2>Implementing a stream</h2>
 * Either subclass and override the protected hooks named as in Node ({@code _read},
 * {@code _write}, {@code _writev}, {@code _final}, {@code _transform}, {@code _flush},
 * {@code _destroy}, {@code _construct}), or pass the same hooks as options to the
 * {@code create(...)} factories (Node's simplified construction).
 *
 * <h2>Not provided (yet)</h2>
 * Async iteration, {@code Readable.wrap}, the operators ({@code map}, {@code filter}, ...),
 * {@code compose}, {@code stream/promises}, abort signals, and pipeline stages given as
 * functions or async iterables.
 */
package dev.nodus.stream;
