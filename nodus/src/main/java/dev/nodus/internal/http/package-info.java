/**
 * HTTP/1.x wire parsing with Node v20's exact behaviour, for the {@code http} module (internal,
 * not exported).
 *
 * <p>{@link dev.nodus.internal.http.HttpParser} is a push parser modelled node for node on llhttp
 * 9.3 ({@code src/llhttp/http.ts}, {@code url.ts}, {@code src/native/http.c}) with Node's binding
 * ({@code src/node_http_parser.cc}) folded in; {@link dev.nodus.internal.http.HttpParserCallbacks}
 * receives what Node's {@code kOnMessageBegin}/{@code kOnHeadersComplete}/{@code kOnBody}/{@code
 * kOnHeaders}/{@code kOnMessageComplete} hooks receive, and {@link
 * dev.nodus.internal.http.HttpParseError} is Node's parse error ({@code code}, {@code reason},
 * {@code bytesParsed}).
 *
 * <p>How we know it is exact: {@code HttpParserDifferentialTest} replays a corpus of ~2,000 raw
 * messages (test resource {@code cases.json}, made by {@code gen-cases.js}) whole, byte by byte
 * and in other splits, and compares every event with what Node's own {@code HTTPParser} did
 * ({@code llhttp-recorded.jsonl}, made by {@code llhttp-oracle.js}).
 *
 * <p>What stays above the parser, in the server, as in Node's {@code _http_server}/{@code
 * _http_common}: {@code maxHeadersCount} (entries beyond {@code 2 * maxHeadersCount} are left
 * out of {@code req.headers}, not of {@code rawHeaders}), the Host requirement, answers to errors
 * (400/431, {@code HPE_HEADER_OVERFLOW} and {@code HPE_CHUNK_EXTENSIONS_OVERFLOW} get 431 and 413
 * in Node), taking {@code head} after an upgrade, and pausing reads under back-pressure (Node
 * pauses the socket; the parser has already parsed every pipelined request of the chunk it was
 * given).
 */
package dev.nodus.internal.http;
