/**
 * Node's {@code net} module: TCP and Unix-domain stream servers and clients.
 *
 * <p>{@link dev.nodus.net.Net} is the module ({@code createServer}, {@code connect},
 * {@code isIP}); {@link dev.nodus.net.Server} and {@link dev.nodus.net.Socket} are Node's classes
 * with Node's events, in Node's order. A Socket is a {@link dev.nodus.stream.Duplex} stream, so
 * {@code pipe}, backpressure and half-close behave as Node's. Errors carry Node's codes
 * ({@code ECONNREFUSED}, {@code EADDRINUSE}, {@code ECONNRESET}...) as
 * {@link dev.nodus.SystemError}s.
 */
package dev.nodus.net;
