'use strict';
// Generates cases.json for HttpParserDifferentialTest (then record with llhttp-oracle.js):
//   node gen-cases.js > cases.json && node llhttp-oracle.js cases.json > llhttp-recorded.jsonl
// CONFORMANCE_SAMPLE=<path to corpus.sample.json> refreshes sample-inputs.json first.
// FUZZ_N / COMPOSE_N / FUZZ_SEED change the seeded mutation and composition cases: raise them
// (e.g. FUZZ_N=30000) for a local hunt; the committed recording uses the defaults.
const cases = [];
const seen = new Set();
function add(id, input, opts = {}) {
  if (seen.has(id)) throw new Error('duplicate id ' + id);
  seen.add(id);
  cases.push(Object.assign({ id, mode: 'request', input }, opts));
}
function res(id, input, opts = {}) { add(id, input, Object.assign({ mode: 'response' }, opts)); }
const H = 'Host: example.com\r\n';
const hex2 = (c) => c.toString(16).padStart(2, '0');

// ---- methods
const METHODS = ['DELETE', 'GET', 'HEAD', 'POST', 'PUT', 'CONNECT', 'OPTIONS', 'TRACE', 'COPY',
  'LOCK', 'MKCOL', 'MOVE', 'PROPFIND', 'PROPPATCH', 'SEARCH', 'UNLOCK', 'BIND', 'REBIND', 'UNBIND',
  'ACL', 'REPORT', 'MKACTIVITY', 'CHECKOUT', 'MERGE', 'M-SEARCH', 'NOTIFY', 'SUBSCRIBE',
  'UNSUBSCRIBE', 'PATCH', 'PURGE', 'MKCALENDAR', 'LINK', 'UNLINK', 'SOURCE', 'PRI', 'DESCRIBE',
  'ANNOUNCE', 'SETUP', 'PLAY', 'PAUSE', 'TEARDOWN', 'GET_PARAMETER', 'SET_PARAMETER', 'REDIRECT',
  'RECORD', 'FLUSH', 'QUERY'];
for (const m of METHODS) {
  const target = m === 'CONNECT' ? 'example.com:443' : '/m';
  add('method-' + m, `${m} ${target} HTTP/1.1\r\n${H}\r\n`);
}
for (const m of ['get', 'GE', 'GETT', 'GET_X', 'G', 'POSTX', 'XGET', 'PROPFINDX', 'M-SEARCHX',
  'MKCALENDARS', 'PATCHY', 'GETPARAMETER', 'ZZZ', 'PO ST', 'HEAD\t']) {
  add('method-bad-' + m.replace(/[^A-Za-z0-9_-]/g, '_'), `${m} / HTTP/1.1\r\n${H}\r\n`);
}
add('method-double-space', `GET  / HTTP/1.1\r\n${H}\r\n`);
add('method-no-space', `GET/ HTTP/1.1\r\n${H}\r\n`);
add('method-rtsp-with-http', `PLAY / HTTP/1.1\r\n\r\n`);
add('method-get-rtsp', `GET / RTSP/1.0\r\n\r\n`);
add('method-options-rtsp', `OPTIONS * RTSP/1.0\r\n\r\n`);
add('method-source-ice', `SOURCE /live ICE/1.0\r\n\r\n`);
add('method-get-ice', `GET / ICE/1.0\r\n\r\n`);
add('method-pri-preface', `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`);
add('method-pri-bad-preface', `PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n`);
add('method-pri-http11', `PRI * HTTP/1.1\r\n\r\n`);
add('leading-crlf', `\r\n\r\n\n\rGET / HTTP/1.1\r\n${H}\r\n`);
add('leading-space', ` GET / HTTP/1.1\r\n${H}\r\n`);
add('empty-input', '');
add('only-crlf', '\r\n\r\n');

// ---- request targets
const targets = ['/', '/a/b/c?x=1&y=%20z&x=2', '/a?b?c', '/a#frag', '/a?q#f?g#h', '*', '/%41%zz%00',
  '/a|b{c}^`[d]\\e"f<g>', 'http://example.com', 'http://example.com/abs?q=1', 'http://a:80/',
  'http://user:pw@host/', 'http://a@b@c/', 'http://a@@b/', 'http://[::1]:8080/x', 'https://x/?q',
  'http://host?q', 'HTTP://HOST/', 'http:/x', 'http:x', 'http//x', 'ftp://f/', 'a', 'abc:', 'a1://x',
  '//x', '/a\tb', '/a\fb', '/a\x7fb', '/a\x80b', '/a\xffb', '/a\x00b', '/a\x01b', '/a\rb', '/a\nb',
  '/a b', '/?a\tb', '/#a\x7f', 'http://a\x7f/', 'http://a b/', 'http://a"b/', '%2F', '?x', '#x',
  '\t/', 'http://x/\xe9', '/\x1b[31m'];
targets.forEach((t, i) => add('target-' + i, `GET ${t} HTTP/1.1\r\n${H}\r\n`));
add('target-empty', `GET  HTTP/1.1\r\n${H}\r\n`);
add('target-missing', `GET HTTP/1.1\r\n${H}\r\n`);
add('target-spaces-after', `GET /    HTTP/1.1\r\n${H}\r\n`);
for (const t of ['example.com:443', 'example.com', '127.0.0.1:80', '[::1]:443', 'user@host:1',
  '/path', 'http://x:1', 'a b:1', 'h\x7f:1', 'a@@b:1']) {
  add('connect-' + t.replace(/[^A-Za-z0-9]/g, '_'), `CONNECT ${t} HTTP/1.1\r\n${H}\r\n`);
}
add('connect-with-body-bytes', `CONNECT example.com:443 HTTP/1.1\r\n${H}\r\nhello tunnel`);
add('connect-with-cl', `CONNECT example.com:443 HTTP/1.1\r\n${H}Content-Length: 5\r\n\r\nhello`);
add('options-asterisk', `OPTIONS * HTTP/1.1\r\n${H}\r\n`);
add('get-asterisk', `GET * HTTP/1.1\r\n${H}\r\n`);
add('target-long', `GET /${'a'.repeat(5000)} HTTP/1.1\r\n${H}\r\n`);

// ---- versions
for (const v of ['HTTP/1.0', 'HTTP/1.1', 'HTTP/0.9', 'HTTP/2.0', 'HTTP/2.1', 'HTTP/3.0', 'HTTP/1.2',
  'HTTP/0.0', 'HTTP/9.9', 'HTTP/1', 'HTTP/1.', 'HTTP/.1', 'HTTP/11', 'HTTP/1.10', 'HTTP/a.b',
  'HTTP 1.1', 'http/1.1', 'HTTPS/1.1', 'HTTP/1.1 ', 'HTTP/1.1\t', 'HTXP/1.1', 'H', ''].entries()) {
  add('version-' + v[0], `GET / ${v[1]}\r\n${H}\r\n`);
}
add('version-http09-simple', 'GET /\r\n\r\n');
add('version-tab-after-url', 'GET / \tHTTP/1.1\r\n\r\n');
add('version-ff-after-url', 'GET / \fHTTP/1.1\r\n\r\n');
add('version-http09-tab', 'GET /\n\tX: y\r\n\r\n');
add('version-http09-crlf-ff', 'GET /\r\n\fX: y\r\n\r\n');
add('version-http09-lf-lf', 'GET /\n\n');
add('version-http09-lf', 'GET /\n\r\n');
add('version-http09-cr-only', 'GET /\rX');
add('version-bare-lf', `GET / HTTP/1.1\n${H}\r\n`);
add('version-cr-no-lf', `GET / HTTP/1.1\rHost: a\r\n\r\n`);

// ---- header names
for (let c = 0; c < 256; c++) {
  if (c === 0x3a) continue;
  add('name-byte-' + hex2(c), `GET / HTTP/1.1\r\n${H}X${String.fromCharCode(c)}Y: v\r\n\r\n`);
}
add('name-empty', `GET / HTTP/1.1\r\n${H}: v\r\n\r\n`);
add('name-space-before-colon', `GET / HTTP/1.1\r\n${H}X-A : v\r\n\r\n`);
add('name-tab-before-colon', `GET / HTTP/1.1\r\n${H}X-A\t: v\r\n\r\n`);
add('name-special-space-before-colon', `GET / HTTP/1.1\r\n${H}Content-Length : 0\r\n\r\n`);
add('name-leading-space', `GET / HTTP/1.1\r\n Host: a\r\n\r\n`);
add('name-leading-tab', `GET / HTTP/1.1\r\n\tHost: a\r\n\r\n`);
add('name-no-colon', `GET / HTTP/1.1\r\n${H}NoColon\r\n\r\n`);
add('name-case', `GET / HTTP/1.1\r\nhOsT: a\r\nCONTENT-length: 0\r\nX-UPPER: Y\r\n\r\n`);
add('name-long', `GET / HTTP/1.1\r\n${'X'.repeat(3000)}: v\r\n\r\n`);
add('name-near-special', `GET / HTTP/1.1\r\nContent-Lengthy: 5\r\nConnectionX: close\r\nUpgrad: x\r\nTransfer-Encodin: chunked\r\nProxy-Connection: close\r\n\r\n`);
add('name-content-prefix', `GET / HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Len: 3\r\nConn: x\r\n\r\n`);

// ---- header values
for (let c = 0; c < 256; c++) {
  add('value-byte-' + hex2(c), `GET / HTTP/1.1\r\n${H}X: a${String.fromCharCode(c)}b\r\n\r\n`);
}
for (const c of [0, 9, 0x0b, 0x7f, 0x80, 0xff, 0x20]) {
  add('value-start-byte-' + hex2(c), `GET / HTTP/1.1\r\n${H}X: ${String.fromCharCode(c)}b\r\n\r\n`);
  add('value-end-byte-' + hex2(c), `GET / HTTP/1.1\r\n${H}X: b${String.fromCharCode(c)}\r\n\r\n`);
}
add('value-empty', `GET / HTTP/1.1\r\n${H}X:\r\nY: \r\nZ:\t\r\n\r\n`);
add('value-ws-trim', `GET / HTTP/1.1\r\n${H}X: \t a b \t \r\n\r\n`);
add('value-obs-fold', `GET / HTTP/1.1\r\n${H}X: a\r\n b\r\n\r\n`);
add('value-obs-fold-tab', `GET / HTTP/1.1\r\n${H}X: a\r\n\tb\r\n\r\n`);
add('value-obs-fold-empty', `GET / HTTP/1.1\r\n${H}X:\r\n b\r\n\r\n`);
add('value-bare-lf', `GET / HTTP/1.1\r\n${H}X: a\nY: b\r\n\r\n`);
add('value-bare-cr', `GET / HTTP/1.1\r\n${H}X: a\rY: b\r\n\r\n`);
add('value-cr-cr-lf', `GET / HTTP/1.1\r\n${H}X: a\r\r\n\r\n`);
add('headers-end-bare-lf', `GET / HTTP/1.1\r\n${H}\n`);
add('headers-end-cr-only', `GET / HTTP/1.1\r\n${H}\rX`);
add('headers-all-bare-lf', `GET / HTTP/1.1\nHost: a\n\n`);
add('header-many-100', `GET / HTTP/1.1\r\n${Array.from({ length: 100 }, (_, i) => `X-${i}: v${i}\r\n`).join('')}\r\n`);
add('header-many-40-trailing', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n${Array.from({ length: 40 }, (_, i) => `T-${i}: v${i}\r\n`).join('')}\r\n`);
add('header-dup', `GET / HTTP/1.1\r\n${H}X: 1\r\nX: 2\r\nCookie: a=1\r\nCookie: b=2\r\nSet-Cookie: s=1\r\nSet-Cookie: s=2\r\n\r\n`);
add('header-latin1', `GET / HTTP/1.1\r\n${H}X-L: caf\xe9 \xff\xa0\r\n\r\n`);

// ---- Content-Length
const cl = (id, v, body = '') => add('cl-' + id, `POST / HTTP/1.1\r\n${H}Content-Length: ${v}\r\n\r\n${body}`);
cl('zero', '0');
cl('five', '5', 'hello');
cl('five-short', '5', 'hel');
cl('five-long', '5', 'helloGET / HTTP/1.1\r\n\r\n');
cl('leading-zeros', '0005', 'hello');
cl('plus', '+5', 'hello');
cl('minus', '-5', 'hello');
cl('space-inside', '5 5', 'hello');
cl('trailing-space', '5  ', 'hello');
cl('trailing-tab', '5\t', 'hello');
cl('leading-space', '   5', 'hello');
cl('hex', '0x5', 'hello');
cl('alpha', 'abc');
cl('empty', '');
cl('comma', '5, 5', 'hello');
cl('huge', '99999999999999999999', 'x');
cl('max-u64', '18446744073709551615', 'x');
cl('max-u64-plus1', '18446744073709551616', 'x');
cl('big-19', '9223372036854775807', 'x');
cl('u64-div10', '1844674407370955161', 'x');
cl('u64-div10-6', '18446744073709551616', 'x');
cl('decimal', '5.0', 'hello');
cl('obs-text', '5\xff', 'hello');
add('cl-dup-equal', `POST / HTTP/1.1\r\n${H}Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello`);
add('cl-dup-diff', `POST / HTTP/1.1\r\n${H}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!`);
add('cl-dup-case', `POST / HTTP/1.1\r\n${H}content-length: 5\r\nCONTENT-LENGTH: 5\r\n\r\nhello`);
add('cl-get-body', `GET / HTTP/1.1\r\n${H}Content-Length: 3\r\n\r\nabc`);
add('cl-body-split', `POST / HTTP/1.1\r\n${H}Content-Length: 10\r\n\r\n0123456789`, { splits: [[30, 10, 5], [45, 2, 2, 2]] });

// ---- Transfer-Encoding
const te = (id, v, body, extra = '') => add('te-' + id, `POST / HTTP/1.1\r\n${H}${extra}Transfer-Encoding: ${v}\r\n\r\n${body}`);
const CH = '5\r\nhello\r\n0\r\n\r\n';
te('chunked', 'chunked', CH);
te('chunked-upper', 'CHUNKED', CH);
te('chunked-mixed', 'ChUnKeD', CH);
te('chunked-trailing-space', 'chunked ', CH);
te('chunked-trailing-tab', 'chunked\t', CH);
te('chunked-leading-space', '  chunked', CH);
te('xchunked', 'xchunked', CH);
te('chunkedx', 'chunkedx', CH);
te('chunk', 'chunk', CH);
te('chunked-identity', 'chunked, identity', CH);
te('identity-chunked', 'identity, chunked', CH);
te('gzip-chunked', 'gzip, chunked', CH);
te('gzip-chunked-nospace', 'gzip,chunked', CH);
te('gzip-chunked-tabs', 'gzip,\t chunked', CH);
te('chunked-chunked', 'chunked, chunked', CH);
te('chunked-comma', 'chunked,', CH);
te('gzip', 'gzip', 'abc');
te('identity', 'identity', 'abc');
te('empty', '', CH);
te('quoted', '"chunked"', CH);
te('chunked-semicolon', 'chunked;q=1', CH);
te('chunked-vtab', 'chunked\x0b', CH);
te('chunked-obs', 'chunked\xff', CH);
add('te-two-headers', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n${CH}`);
add('te-two-headers-chunked-first', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n${CH}`);
add('te-two-chunked', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n${CH}`);
add('te-cl-then-te', `POST / HTTP/1.1\r\n${H}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n${CH}`);
add('te-te-then-cl', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n${CH}`);
add('te-gzip-then-cl', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc`);
add('te-obs-fold', `POST / HTTP/1.1\r\n${H}Transfer-Encoding:\r\n chunked\r\n\r\n${CH}`);
add('te-get-chunked', `GET / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n`);
add('te-http10-chunked', `POST / HTTP/1.0\r\n${H}Transfer-Encoding: chunked\r\n\r\n${CH}`);

// ---- chunks
const ck = (id, body, opts) => add('chunk-' + id, `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\n${body}`, opts);
ck('basic', '3\r\nabc\r\n0\r\n\r\n');
ck('multi', '1\r\na\r\n2\r\nbc\r\n3\r\ndef\r\n0\r\n\r\n');
ck('hex-upper', 'A\r\n0123456789\r\n0\r\n\r\n');
ck('hex-lower', 'a\r\n0123456789\r\n0\r\n\r\n');
ck('leading-zeros', '0003\r\nabc\r\n000\r\n\r\n');
ck('many-zeros', '0'.repeat(100) + '3\r\nabc\r\n0\r\n\r\n');
ck('overflow-16f', 'ffffffffffffffff\r\nabc');
ck('overflow-17', '10000000000000000\r\nabc');
ck('overflow-20', 'fffffffffffffffffffff\r\nabc');
ck('size-space', '3 \r\nabc\r\n0\r\n\r\n');
ck('size-tab', '3\t\r\nabc\r\n0\r\n\r\n');
ck('size-leading-space', ' 3\r\nabc\r\n0\r\n\r\n');
ck('size-plus', '+3\r\nabc\r\n0\r\n\r\n');
ck('size-minus', '-3\r\nabc\r\n0\r\n\r\n');
ck('size-0x', '0x3\r\nabc\r\n0\r\n\r\n');
ck('size-g', 'g\r\nabc\r\n0\r\n\r\n');
ck('size-empty', '\r\nabc\r\n0\r\n\r\n');
ck('size-bare-lf', '3\nabc\r\n0\r\n\r\n');
ck('size-cr-no-lf', '3\rabc\r\n0\r\n\r\n');
ck('data-no-crlf', '3\r\nabcX0\r\n\r\n');
ck('data-bare-lf', '3\r\nabc\n0\r\n\r\n');
ck('data-cr-no-lf', '3\r\nabc\rX');
ck('data-too-long', '3\r\nabcd\r\n0\r\n\r\n');
ck('ext', '3;foo=bar\r\nabc\r\n0\r\n\r\n');
ck('ext-name-only', '3;foo\r\nabc\r\n0\r\n\r\n');
ck('ext-multi', '3;a=1;b;c=2\r\nabc\r\n0;last=1\r\n\r\n');
ck('ext-quoted', '3;a="b c"\r\nabc\r\n0\r\n\r\n');
ck('ext-quoted-escape', '3;a="b\\"c\\\\"\r\nabc\r\n0\r\n\r\n');
ck('ext-quoted-then-more', '3;a="x";b=y\r\nabc\r\n0\r\n\r\n');
ck('ext-quoted-junk-after', '3;a="x"y\r\nabc\r\n0\r\n\r\n');
ck('ext-quoted-unterminated', '3;a="xyz\r\nabc\r\n0\r\n\r\n');
ck('ext-quoted-ctl', '3;a="x\x01"\r\nabc\r\n0\r\n\r\n');
ck('ext-quoted-pair-ctl', '3;a="x\\\x01"\r\nabc\r\n0\r\n\r\n');
ck('ext-space-before', '3 ;a=b\r\nabc\r\n0\r\n\r\n');
ck('ext-space-after-semi', '3; a=b\r\nabc\r\n0\r\n\r\n');
ck('ext-space-in-name', '3;a b=c\r\nabc\r\n0\r\n\r\n');
ck('ext-space-around-eq', '3;a = b\r\nabc\r\n0\r\n\r\n');
ck('ext-empty-name', '3;=b\r\nabc\r\n0\r\n\r\n');
ck('ext-empty-value', '3;a=\r\nabc\r\n0\r\n\r\n');
ck('ext-semi-cr', '3;\r\nabc\r\n0\r\n\r\n');
ck('ext-double-semi', '3;;a\r\nabc\r\n0\r\n\r\n');
ck('ext-bare-lf-name', '3;a\nabc\r\n0\r\n\r\n');
ck('ext-bare-lf-value', '3;a=b\nabc\r\n0\r\n\r\n');
ck('ext-bare-lf-quoted', '3;a="b"\nabc\r\n0\r\n\r\n');
ck('ext-obs-text', '3;a=\xff\r\nabc\r\n0\r\n\r\n');
ck('ext-quoted-obs-text', '3;a="\xff"\r\nabc\r\n0\r\n\r\n');
ck('ext-long-ok', '3;' + 'a'.repeat(16000) + '\r\nabc\r\n0\r\n\r\n');
ck('ext-overflow', '3;' + 'a'.repeat(17000) + '\r\nabc\r\n0\r\n\r\n');
ck('ext-overflow-exact', '3;' + 'a'.repeat(16384) + '\r\nabc\r\n0\r\n\r\n');
ck('ext-overflow-exact-plus1', '3;' + 'a'.repeat(16385) + '\r\nabc\r\n0\r\n\r\n');
ck('ext-overflow-many-small', ('1;' + 'a=b;'.repeat(1000) + 'z\r\nx\r\n').repeat(5) + '0\r\n\r\n');
ck('ext-overflow-across-chunks', ('1;' + 'a'.repeat(10000) + '\r\nx\r\n').repeat(3) + '0\r\n\r\n');
ck('trailers', '3\r\nabc\r\n0\r\nX-T: 1\r\nY-T:  two \r\n\r\n');
ck('trailers-invalid', '3\r\nabc\r\n0\r\nX T: 1\r\n\r\n');
ck('trailers-cl', '3\r\nabc\r\n0\r\nContent-Length: 5\r\n\r\n');
ck('trailers-te', '3\r\nabc\r\n0\r\nTransfer-Encoding: chunked\r\n\r\n');
ck('trailers-obs-fold', '3\r\nabc\r\n0\r\nX: a\r\n b\r\n\r\n');
ck('last-chunk-no-crlf', '3\r\nabc\r\n0\r\n');
ck('last-chunk-bare-lf', '3\r\nabc\r\n0\r\n\n');
ck('last-chunk-junk', '3\r\nabc\r\n0\r\nX');
ck('truncated-mid-data', '5\r\nab');
ck('truncated-mid-size', '5');
ck('zero-size-ext', '0;x=y\r\n\r\n');
ck('big-data', '400\r\n' + 'x'.repeat(1024) + '\r\n0\r\n\r\n', { splits: [[100, 500, 700]] });
ck('then-pipelined', '3\r\nabc\r\n0\r\n\r\nGET /next HTTP/1.1\r\nHost: b\r\n\r\n');

// ---- keep-alive decisions
const ka = (id, s) => add('ka-' + id, s + 'GET /second HTTP/1.1\r\nHost: b\r\n\r\n');
ka('http10', `GET / HTTP/1.0\r\n${H}\r\n`);
ka('http10-keepalive', `GET / HTTP/1.0\r\n${H}Connection: keep-alive\r\n\r\n`);
ka('http10-keepalive-upper', `GET / HTTP/1.0\r\n${H}Connection: Keep-Alive\r\n\r\n`);
ka('http10-keepalive-list', `GET / HTTP/1.0\r\n${H}Connection: foo, keep-alive\r\n\r\n`);
ka('http10-keepalive-x', `GET / HTTP/1.0\r\n${H}Connection: keep-alivex\r\n\r\n`);
ka('http10-proxy-ka', `GET / HTTP/1.0\r\n${H}Proxy-Connection: keep-alive\r\n\r\n`);
ka('http11', `GET / HTTP/1.1\r\n${H}\r\n`);
ka('http11-close', `GET / HTTP/1.1\r\n${H}Connection: close\r\n\r\n`);
ka('http11-close-upper', `GET / HTTP/1.1\r\n${H}Connection: CLOSE\r\n\r\n`);
ka('http11-close-list', `GET / HTTP/1.1\r\n${H}Connection: keep-alive, close\r\n\r\n`);
ka('http11-close-list2', `GET / HTTP/1.1\r\n${H}Connection: close , foo\r\n\r\n`);
ka('http11-closed', `GET / HTTP/1.1\r\n${H}Connection: closed\r\n\r\n`);
ka('http11-xclose', `GET / HTTP/1.1\r\n${H}Connection: xclose\r\n\r\n`);
ka('http11-close-two-headers', `GET / HTTP/1.1\r\n${H}Connection: foo\r\nConnection: close\r\n\r\n`);
ka('http11-close-obs-fold', `GET / HTTP/1.1\r\n${H}Connection: foo,\r\n close\r\n\r\n`);
ka('http11-close-trailing-space', `GET / HTTP/1.1\r\n${H}Connection: close  \r\n\r\n`);
ka('http11-close-tab', `GET / HTTP/1.1\r\n${H}Connection:\tclose\r\n\r\n`);
ka('http11-close-then-tab', `GET / HTTP/1.1\r\n${H}Connection: close\t\r\n\r\n`);
ka('http11-list-tab-close', `GET / HTTP/1.1\r\n${H}Connection: foo,\tclose\r\n\r\n`);
ka('http11-close-tab-comma', `GET / HTTP/1.1\r\n${H}Connection: close\t, foo\r\n\r\n`);
ka('http10-keepalive-then-space', `GET / HTTP/1.0\r\n${H}Connection: keep-alive  \r\n\r\n`);
ka('http09', `GET /\r\n\r\n`);
ka('http20', `GET / HTTP/2.0\r\n${H}\r\n`);
ka('http20-keepalive', `GET / HTTP/2.0\r\n${H}Connection: keep-alive\r\n\r\n`);
ka('close-then-crlf', `GET / HTTP/1.1\r\n${H}Connection: close\r\n\r\n\r\n\r\n`);
add('upgrade-websocket', `GET /ws HTTP/1.1\r\n${H}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\nframe-bytes`);
add('upgrade-ret2', `GET /ws HTTP/1.1\r\n${H}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\nframe-bytes`, { headersCompleteReturn: 2 });
add('upgrade-no-connection', `GET /ws HTTP/1.1\r\n${H}Upgrade: websocket\r\n\r\nGET / HTTP/1.1\r\n\r\n`);
add('upgrade-connection-only', `GET /ws HTTP/1.1\r\n${H}Connection: upgrade\r\n\r\nGET / HTTP/1.1\r\n\r\n`);
add('upgrade-connection-list', `GET /ws HTTP/1.1\r\n${H}Upgrade: h2c\r\nConnection: keep-alive, Upgrade\r\n\r\nxyz`);
add('upgrade-with-body', `POST /ws HTTP/1.1\r\n${H}Upgrade: x\r\nConnection: upgrade\r\nContent-Length: 3\r\n\r\nabcAFTER`);
add('upgrade-with-chunked', `POST /ws HTTP/1.1\r\n${H}Upgrade: x\r\nConnection: upgrade\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nAFTER`);
add('upgrade-http10', `GET /ws HTTP/1.0\r\n${H}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\nrest`);
add('upgrade-empty', `GET /ws HTTP/1.1\r\n${H}Upgrade:\r\nConnection: Upgrade\r\n\r\nrest`);
add('upgrade-connection-upgradex', `GET /ws HTTP/1.1\r\n${H}Upgrade: ws\r\nConnection: upgradex\r\n\r\nGET / HTTP/1.1\r\n\r\n`);
add('upgrade-chunked-overflow-hidden', `PUT /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: upgrade\r\nUpgrade: ws\r\n\r\nffffffffffffffffff\r\n`);
add('upgrade-chunked-bad-hidden', `POST /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: upgrade\r\nUpgrade: ws\r\n\r\nzz\r\n`);
add('connect-ret0-then-garbage', `CONNECT h:1 HTTP/1.1\r\n\r\n\x00\x01binary`);
add('head-request', `HEAD / HTTP/1.1\r\n${H}\r\n`);

// ---- pipelining
add('pipeline-3', `GET /1 HTTP/1.1\r\n${H}\r\nGET /2 HTTP/1.1\r\n${H}\r\nGET /3 HTTP/1.1\r\n${H}\r\n`, { splits: [[10, 30, 7]] });
add('pipeline-bodies', `POST /1 HTTP/1.1\r\n${H}Content-Length: 3\r\n\r\nabcPOST /2 HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\nGET /3 HTTP/1.1\r\n\r\n`);
add('pipeline-then-garbage', `GET /1 HTTP/1.1\r\n${H}\r\nBLAH\r\n\r\n`);
add('pipeline-crlf-between', `GET /1 HTTP/1.1\r\n${H}\r\n\r\n\r\nGET /2 HTTP/1.1\r\n${H}\r\n`);
add('pipeline-http10-ka', `GET /1 HTTP/1.0\r\n${H}Connection: keep-alive\r\n\r\nGET /2 HTTP/1.0\r\n${H}\r\nGET /3 HTTP/1.0\r\n${H}\r\n`);
add('truncated-request-line', `GET /abc HTTP/1.`);
add('truncated-headers', `GET / HTTP/1.1\r\nHost: a\r\n`);
add('truncated-header-value', `GET / HTTP/1.1\r\nHost: a`);

// ---- header size limits (Node counts url + field + value bytes; >= max fails)
function sized(total, extraName = 'X') {
  // url '/' (1) + field + value
  const fixed = 1 + extraName.length;
  return `GET / HTTP/1.1\r\n${extraName}: ${'v'.repeat(total - fixed)}\r\n\r\n`;
}
for (const n of [16382, 16383, 16384, 16385, 20000]) add('limit-default-' + n, sized(n));
for (const n of [99, 100, 101]) add('limit-100-' + n, sized(n), { maxHeaderSize: 100 });
add('limit-url-long', `GET /${'u'.repeat(16400)} HTTP/1.1\r\n\r\n`);
add('limit-url-exact', `GET /${'u'.repeat(16382)} HTTP/1.1\r\n\r\n`);
add('limit-url-one-over', `GET /${'u'.repeat(16383)} HTTP/1.1\r\n\r\n`);
add('limit-method-version-not-counted', `MKCALENDAR /${'u'.repeat(16382)} HTTP/1.1\r\n\r\n`);
add('limit-url-exact-minus1', `GET /${'u'.repeat(16381)} HTTP/1.1\r\n\r\n`);
add('limit-many-headers', `GET / HTTP/1.1\r\n${Array.from({ length: 2000 }, (_, i) => `H${i}: ${i}\r\n`).join('')}\r\n`);
add('limit-many-small-under', `GET / HTTP/1.1\r\n${Array.from({ length: 1500 }, (_, i) => `H: ${i % 10}\r\n`).join('')}\r\n`);
add('limit-100-split', sized(150), { maxHeaderSize: 100, splits: [[20, 20, 20], [50], [90, 5]] });
add('limit-pipelined-reset', sized(15000) + sized(15000));
add('limit-trailers', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nT: ${'t'.repeat(120)}\r\n\r\n`, { maxHeaderSize: 100 });
add('limit-trailers-small-head-ok', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nT: ${'t'.repeat(97)}\r\n\r\n`, { maxHeaderSize: 100 });
add('limit-trailers-small-head-over', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nT: ${'t'.repeat(99)}\r\n\r\n`, { maxHeaderSize: 100 });
add('limit-head-over-with-te', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nX: ${'h'.repeat(80)}\r\n\r\n1\r\na\r\n0\r\nT: ${'t'.repeat(80)}\r\n\r\n`, { maxHeaderSize: 100 });
add('limit-spaces-not-counted', `GET / HTTP/1.1\r\nX:${' '.repeat(200)}v\r\n\r\n`, { maxHeaderSize: 100 });
add('limit-status', `HTTP/1.1 200 ${'r'.repeat(200)}\r\n\r\n`, { mode: 'response', maxHeaderSize: 100 });

// ---- lenient (insecureHTTPParser: kLenientAll = 1023) and single flags
const lenientInputs = {
  'obs-fold': `GET / HTTP/1.1\r\n${H}X: a\r\n b\r\n\r\n`,
  'space-before-colon': `GET / HTTP/1.1\r\n${H}X-A : v\r\n\r\n`,
  'value-ctl': `GET / HTTP/1.1\r\n${H}X: a\x01b\x7fc\r\n\r\n`,
  'value-bare-cr': `GET / HTTP/1.1\r\n${H}X: a\rb\r\n\r\n`,
  'bare-lf': `GET / HTTP/1.1\nHost: a\nX: b\n\n`,
  'cl-te': `POST / HTTP/1.1\r\n${H}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n${CH}`,
  'te-cl': `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n${CH}`,
  'te-gzip': `POST / HTTP/1.1\r\n${H}Transfer-Encoding: gzip\r\n\r\nabc`,
  'te-chunked-gzip': `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked, gzip\r\n\r\n${CH}`,
  'version-3': `GET / HTTP/3.7\r\n${H}\r\n`,
  'data-after-close': `GET / HTTP/1.1\r\n${H}Connection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n`,
  'http10-twice': `GET / HTTP/1.0\r\n\r\nGET /2 HTTP/1.0\r\n\r\n`,
  'cr-no-lf-version': `GET / HTTP/1.1\rHost: a\r\n\r\n`,
  'cr-no-lf-headers': `GET / HTTP/1.1\r\nHost: a\r\n\rX`,
  'chunk-no-crlf': `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc0\r\n\r\n`,
  'chunk-size-space': `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n0\r\n\r\n`,
  'chunk-bare-lf': `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\n0\n\n`,
  'leading-space-header': `GET / HTTP/1.1\r\n Host: a\r\n\r\n`,
  'empty-value-cr': `GET / HTTP/1.1\r\nX: \rY: b\r\n\r\n`,
  'obs-fold-te': `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n x\r\n\r\n${CH}`,
  'status-bare-lf': `HTTP/1.1 200 OK\nContent-Length: 0\n\n`,
};
for (const [k, v] of Object.entries(lenientInputs)) {
  const mode = v.startsWith('HTTP/') ? 'response' : 'request';
  add('lenient-all-' + k, v, { lenient: 1023, mode });
  add('strict-' + k, v, { mode });
}
for (let bit = 0; bit < 10; bit++) {
  add('lenient-bit' + bit + '-mix1', `GET / HTTP/1.1\nX : a\r\n b\x01\r\n\r\n`, { lenient: 1 << bit });
  add('lenient-bit' + bit + '-mix2', `POST / HTTP/1.0\r\nTransfer-Encoding: chunked, gzip\r\nContent-Length: 3\r\n\r\n3 \nabc0\r\n\r\nGET / HTTP/1.1\r\n\r\n`, { lenient: 1 << bit });
}

// ---- responses
res('res-200', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
res('res-no-reason', 'HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n');
res('res-empty-reason', 'HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n');
res('res-long-reason', 'HTTP/1.1 404 Not Found Here At All\r\nContent-Length: 0\r\n\r\n');
res('res-reason-ctl', 'HTTP/1.1 200 O\x01K\x7f\xff\r\nContent-Length: 0\r\n\r\n');
res('res-reason-tab', 'HTTP/1.1 200\tOK\r\nContent-Length: 0\r\n\r\n');
res('res-close-delimited', 'HTTP/1.1 200 OK\r\n\r\nhello world', { splits: [[19, 3]] });
res('res-close-delimited-10', 'HTTP/1.0 200 OK\r\n\r\nhello');
res('res-close-delimited-empty', 'HTTP/1.1 200 OK\r\n\r\n');
res('res-204', 'HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
res('res-204-cl', 'HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
res('res-304', 'HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n');
res('res-100', 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
res('res-102', 'HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
res('res-103', 'HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
res('res-101', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nframes');
res('res-101-no-upgrade', 'HTTP/1.1 101 Switching Protocols\r\n\r\nframes');
res('res-200-upgrade-headers', 'HTTP/1.1 200 OK\r\nUpgrade: h2c\r\nConnection: upgrade\r\nContent-Length: 2\r\n\r\nok');
res('res-head', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n', { headersCompleteReturn: 1 });
res('res-head-then-next', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx', { headersCompleteReturn: 1 });
res('res-chunked', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT: 1\r\n\r\n');
res('res-chunked-gzip', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nabc');
res('res-gzip-chunked', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
res('res-te-gzip', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc');
res('res-te-and-cl', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n');
res('res-keepalive-10', 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nxHTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n');
res('res-close-11', 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nxHTTP/1.1 200 OK\r\n\r\n');
res('res-truncated-body', 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc');
res('res-truncated-head', 'HTTP/1.1 200 OK\r\nContent-');
res('res-truncated-chunked', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab');
for (const l of ['HTTP/1.1 99 X', 'HTTP/1.1 2000 X', 'HTTP/1.1 20 X', 'HTTP/1.1 abc X', 'HTTP/1.1  200 X',
  'HTTP/1.1 200X', 'HTTP/1.1 999 X', 'HTTP/1.1 000 X', 'HTTP/1.1 200\tX', 'HTTP/1.2 200 X',
  'HTTP/2 200 X', 'HTTP/1.1', 'HTTP/1.1 ', 'http/1.1 200 X', 'HTTPS/1.1 200 X', 'XTTP/1.1 200 X',
  'ICE/1.0 200 X', 'RTSP/1.0 200 X', 'HTTP/0.9 200 X', 'HTTP/2.0 200 X', 'HTTP/1.1\t200 X', ' HTTP/1.1 200 X'].entries()) {
  res('res-line-' + l[0], l[1] + '\r\nContent-Length: 0\r\n\r\n');
}
res('res-status-bare-lf', 'HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n');
res('res-status-code-bare-lf', 'HTTP/1.1 200\nContent-Length: 0\r\n\r\n');
res('res-status-cr-no-lf', 'HTTP/1.1 200 OK\rX');
res('res-status-cr-cr-lf', 'HTTP/1.1 200 OK\r\r\nContent-Length: 0\r\n\r\n');
res('res-status-cr-cr', 'HTTP/1.1 200 OK\r\rContent-Length: 0\r\n\r\n');
res('res-status-code-cr-cr', 'HTTP/1.1 200\r\r\r\n');
res('res-header-invalid', 'HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n');
res('res-pipelined', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nb');
res('res-garbage-after', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naJUNK');
res('res-connection-close-no-cl', 'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall the rest');
res('res-1xx-199', 'HTTP/1.1 199 Odd\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');


// ---- the conformance sample's inputs (../shared/conformance/corpus.sample.json), sends joined,
// split where the runner pauses; copied here so the test does not depend on that folder.
const samplePath = process.env.CONFORMANCE_SAMPLE;
if (samplePath) {
  const sample = JSON.parse(require('fs').readFileSync(samplePath, 'utf8'));
  const picked = [];
  for (const c of sample.cases) {
    let input = '';
    const sizes = [];
    for (const st of c.steps) {
      if (st[0] === 'send' || st[0] === 'drip') {
        input += st[1];
        sizes.push(st[1].length);
      }
    }
    if (input.length === 0 || input.length > 70000) continue;
    const opts = { sample: true };
    if (sizes.length > 1) opts.splits = [sizes.slice(0, -1)];
    if (input.length > 20000) opts.noBytes = true;
    picked.push(['sample-' + c.id, input, opts]);
  }
  require('fs').writeFileSync(__dirname + '/sample-inputs.json', JSON.stringify(picked));
}
for (const [id, input, opts] of JSON.parse(require('fs').readFileSync(__dirname + '/sample-inputs.json', 'latin1'))) {
  add(id, input, opts);
}

// ---- seeded mutations of valid messages: flip, insert, delete, duplicate bytes
let seed = Number(process.env.FUZZ_SEED || 0x2545F491);
function rnd(n) {
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}
const BASES = [
  `GET /a?b=c#d HTTP/1.1\r\nHost: example.com\r\nConnection: keep-alive\r\nAccept: */*\r\n\r\n`,
  `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world`,
  `POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext="q"\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n`,
  `GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x05hello`,
  `CONNECT host:443 HTTP/1.1\r\nHost: host:443\r\n\r\ntunnel`,
  `GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /2 HTTP/1.1\r\nConnection: close\r\n\r\n`,
];
const RES_BASES = [
  `HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello`,
  `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n`,
  `HTTP/1.0 404 Not Found\r\n\r\nbody to eof`,
  `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n`,
];
const INTERESTING = ' \t\r\n:;,"\\\x00\x7f\x80\xff0aAzZ/?#@=-';
function mutate(s) {
  const n = 1 + rnd(3);
  for (let k = 0; k < n; k++) {
    const at = rnd(s.length + 1);
    const ch = rnd(2) ? INTERESTING[rnd(INTERESTING.length)] : String.fromCharCode(rnd(256));
    switch (rnd(4)) {
      case 0: s = s.slice(0, at) + ch + s.slice(at + 1); break;
      case 1: s = s.slice(0, at) + ch + s.slice(at); break;
      case 2: s = s.slice(0, at) + s.slice(at + 1); break;
      default: s = s.slice(0, at) + s.slice(at, at + 4) + s.slice(at); break;
    }
  }
  return s;
}
for (let i = 0; i < Number(process.env.FUZZ_N || 360); i++) {
  const resp = i % 4 === 3;
  const base = resp ? RES_BASES[rnd(RES_BASES.length)] : BASES[rnd(BASES.length)];
  const input = mutate(base);
  const opts = { splits: [[1 + rnd(input.length || 1)], [rnd(8), 1 + rnd(20), 1 + rnd(40)]] };
  if (resp) opts.mode = 'response';
  if (i % 5 === 0) opts.lenient = 1023;
  add('fuzz-' + i, input, opts);
}

// ---- seeded compositions of odd pieces (request line, headers, framing, body)
const P = (a) => a[rnd(a.length)];
const METH = ['GET', 'POST', 'HEAD', 'PUT', 'CONNECT', 'OPTIONS', 'PRI', 'SOURCE', 'PLAY', 'QUERY', 'M-SEARCH', 'GETX', 'get'];
const TGT = ['/', '/a?b#c', '*', 'http://h/p', 'h:1', 'http://u@h:1/?q', '/a\tb', '/\x80', '', 'x://', '//', '/?#?#'];
const VER = [' HTTP/1.1', ' HTTP/1.0', ' HTTP/0.9', ' HTTP/2.0', ' RTSP/1.0', ' ICE/1.0', '', ' HTTP/1.1 ', '  HTTP/1.1', ' HTTP/1.x'];
const EOL = ['\r\n', '\r\n', '\r\n', '\n', '\r', '\r\r\n'];
const HDR = ['Host: h', 'Connection: close', 'Connection: keep-alive', 'Connection: Upgrade', 'Connection: keep-alive, upgrade',
  'Proxy-Connection: keep-alive', 'Upgrade: ws', 'Content-Length: 3', 'Content-Length: 0', 'Content-Length: 03', 'Content-Length:3',
  'Content-Length: 3 ', 'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip', 'Transfer-Encoding: gzip, chunked',
  'Transfer-Encoding: chunked, gzip', 'transfer-encoding: CHUNKED', 'X: a', 'X:', 'X : a', ' X: a', 'X: a\r\n b', 'X: \x01',
  'X: \xff', 'X-Y-Z: "q"', ': x', 'Expect: 100-continue', 'Trailer: T', 'connection: CLOSE', 'Content-Length: 1\r\nContent-Length: 1'];
const BODY = ['', 'abc', '3\r\nabc\r\n0\r\n\r\n', '0\r\n\r\n', '3;x=y\r\nabc\r\n0\r\nT: t\r\n\r\n', '1\r\na\r\n', 'GET / HTTP/1.1\r\n\r\n',
  'zzz\r\n\r\n', '\r\n', '3\nabc\n0\n\n', 'ffffffffffffffffff\r\n'];
function compose() {
  const eol = P(EOL);
  let s = P(METH) + ' ' + P(TGT) + P(VER) + eol;
  const n = rnd(5);
  for (let i = 0; i < n; i++) s += P(HDR) + (rnd(6) ? eol : P(EOL));
  s += P(EOL) + P(BODY);
  if (rnd(4) === 0) s += P(BODY);
  return s;
}
for (let i = 0; i < Number(process.env.COMPOSE_N || 240); i++) {
  const input = compose();
  const opts = { splits: [[1 + rnd(input.length || 1)]] };
  if (i % 4 === 0) opts.lenient = P([1023, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
  if (i % 7 === 0) opts.headersCompleteReturn = 2;
  add('compose-' + i, input, opts);
}

const RLINE = ['HTTP/1.1 200 OK', 'HTTP/1.0 200 OK', 'HTTP/1.1 204 No Content', 'HTTP/1.1 304 NM', 'HTTP/1.1 100 Continue',
  'HTTP/1.1 101 SP', 'HTTP/1.1 103 EH', 'HTTP/1.1 200', 'HTTP/1.1 200 ', 'HTTP/1.1 999 \x01\xff', 'HTTP/2.0 200 X', 'RTSP/1.0 200 OK',
  'HTTP/1.1 20 X', 'HTTP/1.1 200X', 'HTTP/0.9 200 OK'];
function composeRes() {
  const eol = P(EOL);
  let s = P(RLINE) + eol;
  const n = rnd(5);
  for (let i = 0; i < n; i++) s += P(HDR) + (rnd(6) ? eol : P(EOL));
  s += P(EOL) + P(BODY);
  if (rnd(3) === 0) s += P(RLINE) + '\r\n' + P(HDR) + '\r\n\r\n' + P(BODY);
  return s;
}
for (let i = 0; i < Number(process.env.COMPOSE_N || 240); i++) {
  const input = composeRes();
  const opts = { mode: 'response', splits: [[1 + rnd(input.length || 1)]] };
  if (i % 4 === 0) opts.lenient = P([1023, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
  if (i % 5 === 0) opts.headersCompleteReturn = 1;
  if (i % 11 === 0) opts.finish = false;
  add('compose-res-' + i, input, opts);
}

// ---- the hostile byte classes again, with insecureHTTPParser's flags
for (const c of [0, 1, 9, 0x0a, 0x0d, 0x20, 0x22, 0x2c, 0x3b, 0x7f, 0x80, 0xff]) {
  const ch = String.fromCharCode(c);
  add('lenient-name-' + hex2(c), `GET / HTTP/1.1\r\nX${ch}Y: v\r\n\r\n`, { lenient: 1023 });
  add('lenient-value-' + hex2(c), `GET / HTTP/1.1\r\nX: a${ch}b\r\n\r\n`, { lenient: 1023 });
  add('lenient-url-' + hex2(c), `GET /a${ch}b HTTP/1.1\r\n\r\n`, { lenient: 1023 });
  add('lenient-chunk-' + hex2(c), `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3${ch}\r\nabc\r\n0\r\n\r\n`, { lenient: 1023 });
  add('lenient-ext-' + hex2(c), `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;a${ch}=b\r\nabc\r\n0\r\n\r\n`, { lenient: 1023 });
  add('lenient-status-' + hex2(c), `HTTP/1.1 200 O${ch}K\r\nContent-Length: 0\r\n\r\n`, { lenient: 1023, mode: 'response' });
}
for (const v of ['HTTP/3.7', 'HTTP/0.0', 'HTTP/9.9', 'HTTP/1.1', 'HTTP/a.1']) {
  add('lenient-version-' + v.replace(/[^A-Za-z0-9]/g, '_'), `GET / ${v}\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\n\r\n`, { lenient: 1 << 4 });
  res('lenient-res-version-' + v.replace(/[^A-Za-z0-9]/g, '_'), `${v} 200 OK\r\nContent-Length: 0\r\n\r\n`, { lenient: 1 << 4 });
}
add('lenient-keepalive-http10', `GET /1 HTTP/1.0\r\n\r\nGET /2 HTTP/1.0\r\n\r\n`, { lenient: 1 << 2 });
add('lenient-keepalive-close-cl', `GET /1 HTTP/1.1\r\nConnection: close\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 1\r\n\r\nx`, { lenient: 1 << 2 });
res('lenient-keepalive-head-cl', `HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.0 200 OK\r\n\r\nrest`, { lenient: 1 << 2, headersCompleteReturn: 1 });
add('lenient-te-after-chunked-two-headers', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\nabc`, { lenient: 1 << 3 });
add('lenient-obs-fold-chunked', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n \r\n\r\n3\r\nabc\r\n0\r\n\r\n`, { lenient: 1 });
add('lenient-obs-fold-cl', `POST / HTTP/1.1\r\nContent-Length: 3\r\n 4\r\n\r\nabc`, { lenient: 1 });
add('lenient-obs-fold-connection', `GET / HTTP/1.1\r\nConnection: foo\r\n close\r\n\r\nGET / HTTP/1.1\r\n\r\n`, { lenient: 1 });
add('lenient-crlf-after-chunk-only', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n`, { lenient: 1 << 7 });
add('lenient-cr-before-lf-chunk-ext', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;a\nabc\r\n3;a=b\nabc\r\n3;a="b"\nabc\r\n0\r\n\r\n`, { lenient: 1 << 8 });
add('lenient-lf-after-cr-chunk-size', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\rabc\r\n0\r\n\r\n`, { lenient: 1 << 6 });

// one case a line, non-ASCII escaped: the file reads the same as UTF-8 or latin-1
const ascii = (json) => json.replace(/[\u007f-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
process.stdout.write('{"note": "generated by gen-cases.js", "cases": [\n' +
  cases.map((c) => ascii(JSON.stringify(c))).join(',\n') + '\n]}\n');
