/**
 * Node's {@code buffer} and {@code string_decoder} modules: {@link dev.nodus.buffer.Buffer},
 * {@link dev.nodus.buffer.Encoding} and {@link dev.nodus.buffer.StringDecoder}, byte for byte as
 * in Node v20 (encodings, invalid input, search and range rules, error codes and messages).
 *
 * <p>Buffers are heap memory owned by the garbage collector; views made with
 * {@code subarray}/{@code slice} share it, as in Node.
 */
package dev.nodus.buffer;
