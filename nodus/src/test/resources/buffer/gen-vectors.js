'use strict';
// Reference vectors for dev.nodus.buffer, recorded from Node (run with Node v20):
//   node gen-vectors.js > vectors.txt
// One case per line, fields separated by tabs. Strings are written as printable ASCII with
// every other UTF-16 code unit as \uXXXX (so lone surrogates survive); bytes as hex.
//   D enc bytes units                       Buffer.from(bytes).toString(enc)
//   E enc units bytes byteLength            Buffer.from(str, enc), Buffer.byteLength(str, enc)
//   W enc units size offset length written after
//                                           Buffer.alloc(size, 0xaa).write(str, offset, length, enc)
//   S enc chunk,chunk,... out,out,...,end   StringDecoder: one output per write(), then end()
//   C method receiver args result after     any call; see call() below for the token syntax
const { StringDecoder } = require('string_decoder');

let seed = 0x5eed1;
function rnd() { // mulberry32: small, seeded, reproducible
  seed = (seed + 0x6D2B79F5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (n) => Math.floor(rnd() * n);
const pick = (a) => a[ri(a.length)];
const units = (s) => { // printable ASCII as is; other code units, backslash and comma as \uXXXX
  let o = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    o += c > 0x20 && c < 0x7f && c !== 0x5c && c !== 0x2c ? s[i] : '\\u' + c.toString(16).padStart(4, '0');
  }
  return o;
};
const hex = (b) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex');
const out = [];
const line = (...f) => out.push(f.join('\t'));

const ENCS = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];

// ---- byte and string generators --------------------------------------------------------
function randomBytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = ri(256);
  return b;
}
function utf8ish(n) { // mostly UTF-8, with every kind of broken sequence mixed in
  const a = [];
  while (a.length < n) {
    const k = ri(20);
    if (k < 6) a.push(ri(0x80));
    else if (k < 8) { const cp = 0x80 + ri(0x780); a.push(0xc0 | cp >> 6, 0x80 | cp & 63); }
    else if (k < 10) { const cp = 0x800 + ri(0xf800); a.push(0xe0 | cp >> 12, 0x80 | cp >> 6 & 63, 0x80 | cp & 63); }
    else if (k < 12) { const cp = 0x10000 + ri(0x100000); a.push(0xf0 | cp >> 18, 0x80 | cp >> 12 & 63, 0x80 | cp >> 6 & 63, 0x80 | cp & 63); }
    else if (k < 13) a.push(0x80 + ri(0x40)); // stray continuation
    else if (k < 14) a.push(pick([0xc0, 0xc1, 0xf5, 0xf8, 0xfc, 0xfe, 0xff])); // never valid
    else if (k < 15) a.push(0xed, 0xa0 + ri(0x20), 0x80 + ri(0x40)); // surrogate in UTF-8
    else if (k < 16) a.push(pick([0xe0, 0xf0, 0xf4]), 0x80 + ri(0x40), 0x80 + ri(0x40)); // overlong / too big
    else if (k < 18) { // truncated sequence
      const lead = pick([0xc2 + ri(30), 0xe0 + ri(16), 0xf0 + ri(5)]);
      a.push(lead); for (let j = ri(3); j > 0; j--) a.push(0x80 + ri(0x40));
    } else a.push(ri(256));
  }
  return Buffer.from(a.slice(0, n));
}
function randomString(n) {
  let s = '';
  while (s.length < n) {
    const k = ri(20);
    if (k < 8) s += String.fromCharCode(ri(0x80));
    else if (k < 10) s += String.fromCharCode(0x80 + ri(0x80));
    else if (k < 14) s += String.fromCharCode(0x100 + ri(0xd700));
    else if (k < 15) s += String.fromCharCode(0xe000 + ri(0x2000));
    else if (k < 16) s += String.fromCharCode(0xd800 + ri(0x400)); // lone high
    else if (k < 17) s += String.fromCharCode(0xdc00 + ri(0x400)); // lone low
    else s += String.fromCodePoint(0x10000 + ri(0x100000));
  }
  return s;
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64ish(n, junk) {
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = ri(100);
    if (k < 100 - junk) s += B64[ri(64)];
    else s += pick(['-', '_', '=', '=', ' ', '\n', '\r', '\t', '*', '.', '!', '\u0141', '\u3d3d', '\u0100', '\u013d', '\u00c1']);
  }
  if (ri(3) === 0) s += '='.repeat(ri(3));
  return s;
}
function hexish(n) {
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = ri(50);
    if (k < 47) s += pick('0123456789abcdefABCDEF');
    else s += pick(['g', 'z', ' ', '\u0161', '\u0130', 'x']);
  }
  return s;
}

// ---- D: decoding ------------------------------------------------------------------------
const edgeBytes = [
  [], [0], [0x7f], [0x80], [0xff], [0xc0, 0x80], [0xc1, 0xbf], [0xc2, 0x80], [0xdf, 0xbf],
  [0xe0, 0x80, 0x80], [0xe0, 0x9f, 0xbf], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf],
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80],
  [0xee, 0x80, 0x80], [0xef, 0xbf, 0xbd], [0xef, 0xbf, 0xbf], [0xf0, 0x80, 0x80, 0x80],
  [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80], [0xe1, 0x80], [0xf0, 0x90, 0x80], [0xf0, 0x90, 0x80, 0x41],
  [0xe2, 0x82], [0xe2, 0x82, 0x41], [0xe2, 0x41, 0xac], [0xc3], [0x41, 0xc3], [0xc3, 0xc3, 0xa9],
  [0x80, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xf0, 0x9f, 0x98], [0x61, 0xf0, 0x9f, 0x62],
  [0xd8, 0x3d, 0xde, 0x00], [0x3d, 0xd8, 0x00, 0xde], [0x00, 0xd8], [0x00, 0xdc, 0x00, 0xd8],
  [0x41, 0x42, 0x43], [0xfb, 0xff], [0xfb, 0xff, 0xbf],
];
for (const enc of ENCS) {
  const cases = edgeBytes.map((a) => Buffer.from(a));
  const nRandom = enc === 'utf8' ? 600 : 150;
  for (let i = 0; i < nRandom; i++) cases.push(randomBytes(ri(24)));
  if (enc === 'utf8') for (let i = 0; i < 1200; i++) cases.push(utf8ish(1 + ri(30)));
  for (const b of cases) line('D', enc, hex(b), units(b.toString(enc)));
}
{ const big = utf8ish(3000); line('D', 'utf8', hex(big), units(big.toString('utf8'))); }
{ const big = Buffer.from('héllo wörld ✓ 😀 '.repeat(60)); line('D', 'utf8', hex(big), units(big.toString('utf8'))); }

// ---- E: encoding, byteLength --------------------------------------------------------------
const edgeStrings = ['', 'a', 'é', '€', '😀', '\ud800', '\udc00', '\udc00\ud800', 'a\ud800b', '\ud83d',
  '\ud83d\ude00\ud83d', '\u0100\u01ff\uffff', 'QUJD', 'QUJ', 'QU', 'Q', 'QQ==QUJD', 'QU=JD', 'Q U J D',
  'QUJD\n', '-_8', '+/8=', '====', '=', 'A===', 'AB=C', '\u0141QUJ', 'QUJ\u013d', 'QUJD\u3d3d',
  'abc', 'ab1zcd', 'a b', 'zz', 'ABCDEF', '\u0161\u0162', '0', 'QUJDRA', 'QUJDRA=', 'QUJDRA==',
  'QUJDR', 'QUJDRE', 'QUJDREU', 'QUJDREUx', ' QUJD', 'QUJD  ', '*QUJD', 'QU*JD', 'Q*UJD'];
const encNames = { utf8: ['utf8', 'UTF-8', 'Utf8'], utf16le: ['utf16le', 'ucs2', 'UCS-2', 'utf-16le'],
  latin1: ['latin1', 'binary', 'BINARY'], ascii: ['ascii', 'ASCII'], base64: ['base64', 'Base64'],
  base64url: ['base64url', 'BASE64URL'], hex: ['hex', 'HEX'] };
for (const enc of ENCS) {
  const cases = edgeStrings.slice();
  const n = { utf8: 600, utf16le: 200, latin1: 200, ascii: 100, base64: 600, base64url: 300, hex: 300 }[enc];
  for (let i = 0; i < n; i++) {
    if (enc === 'base64' || enc === 'base64url') cases.push(base64ish(ri(40), pick([0, 0, 5, 20, 60])));
    else if (enc === 'hex') cases.push(hexish(ri(30)));
    else cases.push(randomString(ri(20)));
  }
  if (enc === 'base64' || enc === 'base64url') { // long inputs take Node's other allocation path
    for (let i = 0; i < 12; i++) cases.push(base64ish(1020 + ri(40), pick([0, 3, 30])));
    for (let i = 0; i < 4; i++) cases.push(base64ish(1020 + ri(40), 0) + '*'.repeat(ri(4)) + 'QUJ'.slice(0, ri(4)));
  }
  if (enc === 'utf8') { cases.push(randomString(1500)); cases.push('x'.repeat(1500)); }
  for (const s of cases) {
    const name = pick(encNames[enc]);
    line('E', name, units(s), hex(Buffer.from(s, name)), Buffer.byteLength(s, name));
  }
}

// ---- W: buf.write(string, offset, length, encoding) ---------------------------------------
for (const enc of ENCS) {
  for (let i = 0; i < 150; i++) {
    let s;
    if (enc === 'base64' || enc === 'base64url') s = base64ish(ri(24), pick([0, 10]));
    else if (enc === 'hex') s = hexish(ri(20));
    else s = randomString(ri(12));
    const size = ri(16);
    const offset = ri(size + 1);
    const length = ri(size + 1);
    const b = Buffer.alloc(size, 0xaa);
    const w = b.write(s, offset, length, enc);
    line('W', enc, units(s), size, offset, length, w, hex(b));
  }
}

// ---- S: StringDecoder ---------------------------------------------------------------------
function sdCase(enc, bytes, cuts, endWithChunk) {
  const d = new StringDecoder(enc);
  const chunks = [];
  let pos = 0;
  for (const c of cuts) { chunks.push(bytes.subarray(pos, c)); pos = c; }
  chunks.push(bytes.subarray(pos));
  const outs = [];
  let last = null;
  if (endWithChunk) last = chunks.pop();
  for (const c of chunks) outs.push(units(d.write(c)));
  outs.push(units(last === null ? d.end() : d.end(last)));
  line('S', enc + (endWithChunk ? '+' : ''), chunks.concat(last === null ? [] : [last]).map(hex).join(','), outs.join(','));
}
for (const enc of ENCS) {
  const n = { utf8: 500, utf16le: 200, base64: 150, base64url: 100, latin1: 30, ascii: 30, hex: 30 }[enc];
  for (let i = 0; i < n; i++) {
    const len = ri(20);
    const bytes = enc === 'utf8' ? utf8ish(len)
      : enc === 'utf16le' && ri(2) ? Buffer.from(randomString(len >> 1), 'utf16le') : randomBytes(len);
    const cuts = [];
    for (let k = ri(6); k > 0; k--) cuts.push(ri(len + 1));
    cuts.sort((x, y) => x - y);
    sdCase(enc, bytes, cuts, ri(4) === 0);
  }
}
// Byte-at-a-time feeds.
for (const enc of ['utf8', 'utf16le', 'base64']) {
  for (let i = 0; i < 40; i++) {
    const bytes = enc === 'utf8' ? utf8ish(ri(16)) : randomBytes(ri(16));
    const cuts = [];
    for (let k = 1; k < bytes.length; k++) cuts.push(k);
    sdCase(enc, bytes, cuts, false);
  }
}

// ---- C: calls ---------------------------------------------------------------------------
// Argument tokens: i:<integer> s:<units> e:<encoding name> b:<bytes> (a separate Buffer)
// v:<start>:<end> (a view of the receiver) n:<bigint> d:<float64 bits> l:<count>/<bytes>,<bytes>...
// a:<int>,<int>... (an array of numbers).
// Result: i:<safe integer> s: z:(0|1) n: d: B:<bytes> (a new Buffer) T (the receiver)
// or x:<code>|<name>|<message>.
// After: the receiver's bytes, then the bytes of each Buffer argument, comma-separated.
const I = (v) => ({ js: v, tok: 'i:' + v });
const S = (v) => ({ js: v, tok: 's:' + units(v) });
const E = (v) => ({ js: v, tok: 'e:' + v });
const Bf = (b) => ({ js: Buffer.from(b), tok: 'b:' + hex(Buffer.from(b)) });
const V = (s, e) => ({ view: [s, e], tok: 'v:' + s + ':' + e });
const N = (v) => ({ js: v, tok: 'n:' + v });
const Dd = (v) => { const f = new Float64Array([v]); return { js: v, tok: 'd:' + hex(new Uint8Array(f.buffer).reverse()) }; };
const L = (list) => ({ js: list.map((x) => Buffer.from(x)), tok: 'l:' + list.length + '/' + list.map((x) => hex(Buffer.from(x))).join(',') });
const A = (list) => ({ js: list, tok: 'a:' + list.join(',') });

function result(r, recv) {
  if (r === recv && recv !== null) return 'T';
  if (typeof r === 'number') {
    if (Number.isSafeInteger(r) && !Object.is(r, -0)) return 'i:' + r;
    return Dd(r).tok;
  }
  if (typeof r === 'bigint') return 'n:' + r;
  if (typeof r === 'string') return 's:' + units(r);
  if (typeof r === 'boolean') return 'z:' + (r ? 1 : 0);
  if (Buffer.isBuffer(r)) return 'B:' + hex(r);
  throw new Error('unexpected result ' + r);
}
function call(method, recvBytes, args) {
  const recv = recvBytes === null ? null : Buffer.from(recvBytes);
  const before = recv === null ? '-' : hex(recv);
  const jsArgs = args.map((a) => (a.view ? recv.subarray(a.view[0], a.view[1]) : a.js));
  let res;
  try {
    let r;
    if (method.startsWith('Buffer.')) r = Buffer[method.slice(7)](...jsArgs);
    else r = recv[method](...jsArgs);
    res = result(r, recv);
  } catch (e) {
    if (!e.code) throw e;
    res = 'x:' + e.code + '|' + e.name + '|' + e.message;
  }
  const after = [recv === null ? '-' : hex(recv)];
  args.forEach((a, k) => { if (a.tok.startsWith('b:') || a.tok.startsWith('v:')) after.push(hex(jsArgs[k])); });
  line('C', method, before, args.map((a) => a.tok).join(' '), res, after.join(','));
}
const bytesOf = (n) => Array.from(randomBytes(n));

// Reads.
const READS = { readUInt8: 1, readInt8: 1, readUInt16LE: 2, readUInt16BE: 2, readInt16LE: 2, readInt16BE: 2,
  readUInt32LE: 4, readUInt32BE: 4, readInt32LE: 4, readInt32BE: 4, readFloatLE: 4, readFloatBE: 4,
  readDoubleLE: 8, readDoubleBE: 8, readBigInt64LE: 8, readBigInt64BE: 8, readBigUInt64LE: 8, readBigUInt64BE: 8 };
for (const m of Object.keys(READS)) {
  for (let i = 0; i < 30; i++) {
    const len = ri(11);
    call(m, bytesOf(len), [I(ri(len + 3) - 1)]);
  }
  call(m, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [I(0)]);
  call(m, [0x80, 0, 0, 0, 0, 0, 0, 0x80], [I(0)]);
  call(m, [0x7f, 0xc0, 0, 0, 0, 0, 0xf8, 0x7f], [I(0)]);
}
for (const m of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE']) {
  for (let i = 0; i < 40; i++) {
    const len = ri(9);
    call(m, bytesOf(len), [I(ri(len + 3) - 1), I(ri(8))]);
  }
  for (let bl = 1; bl <= 6; bl++) call(m, [0xff, 0x80, 0x7f, 0x81, 0xfe, 0xff], [I(0), I(bl)]);
}

// Writes.
const INT_WRITES = {
  writeUInt8: [1, 0, 0xff], writeInt8: [1, -0x80, 0x7f], writeUInt16LE: [2, 0, 0xffff], writeUInt16BE: [2, 0, 0xffff],
  writeInt16LE: [2, -0x8000, 0x7fff], writeInt16BE: [2, -0x8000, 0x7fff], writeUInt32LE: [4, 0, 0xffffffff],
  writeUInt32BE: [4, 0, 0xffffffff], writeInt32LE: [4, -0x80000000, 0x7fffffff], writeInt32BE: [4, -0x80000000, 0x7fffffff],
};
const interesting = (min, max) => [min, max, min - 1, max + 1, 0, -1, 1, 2 ** 40, -(2 ** 40), 2 ** 53 - 1,
  min + ri(max - min + 1), min + ri(max - min + 1), min + ri(max - min + 1)];
for (const [m, [n, min, max]] of Object.entries(INT_WRITES)) {
  for (const v of interesting(min, max)) {
    const len = ri(9);
    call(m, bytesOf(len), [I(v), I(ri(len + 2) - 1)]);
    call(m, bytesOf(n + 2), [I(v), I(ri(3))]);
  }
}
for (const m of ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE']) {
  const signed = m.startsWith('writeInt');
  for (let bl = 0; bl <= 7; bl++) {
    const bits = Math.min(bl, 6) * 8;
    const min = signed ? -(2 ** (bits - 1)) : 0;
    const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    for (const v of interesting(Math.trunc(min), Math.trunc(max))) {
      if (!Number.isSafeInteger(v)) continue;
      call(m, bytesOf(8), [I(v), I(ri(4)), I(bl)]);
    }
    call(m, bytesOf(3), [I(1), I(ri(5) - 1), I(bl)]);
  }
}
const doubles = [0, -0, 1, -1, 0.1, 1 / 3, 1e40, -1e40, 3.4028235677973366e38, 3.4028234663852886e38,
  1.401298464324817e-45, 7e-46, 1e-50, NaN, Infinity, -Infinity, 2 ** 53 + 1, 123456.789, -5e-324];
for (const m of ['writeFloatLE', 'writeFloatBE', 'writeDoubleLE', 'writeDoubleBE']) {
  for (const v of doubles) call(m, bytesOf(8), [Dd(v), I(0)]);
  for (let i = 0; i < 12; i++) { const len = ri(10); call(m, bytesOf(len), [Dd((rnd() - 0.5) * 1e6), I(ri(len + 3) - 1)]); }
}
const big = [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n - 1n, 2n ** 64n,
  123456789012345678n, -(2n ** 32n), 2n ** 32n, 2n ** 70n, 4294967296n, 4294967297n];
for (const m of ['writeBigInt64LE', 'writeBigInt64BE', 'writeBigUInt64LE', 'writeBigUInt64BE']) {
  for (const v of big) call(m, bytesOf(8 + ri(2)), [N(v), I(ri(2))]);
  for (let i = 0; i < 6; i++) { const len = ri(11); call(m, bytesOf(len), [N(1n), I(ri(len + 3) - 1)]); }
}

// toString with ranges, subarray/slice.
for (let i = 0; i < 150; i++) {
  const len = ri(10);
  const recv = bytesOf(len);
  const enc = pick(ENCS);
  const k = ri(4);
  if (k === 0) call('toString', recv, [E(enc)]);
  else if (k === 1) call('toString', recv, [E(enc), I(ri(len + 4) - 2)]);
  else call('toString', recv, [E(enc), I(ri(len + 4) - 2), I(ri(len + 4) - 2)]);
  const m = pick(['subarray', 'slice']);
  if (ri(3) === 0) call(m, recv, [I(ri(2 * len + 5) - len - 2)]);
  else call(m, recv, [I(ri(2 * len + 5) - len - 2), I(ri(2 * len + 5) - len - 2)]);
}
call('toString', [0x61], []);
call('toString', [0x61], [E('bogus')]);
call('toString', [0x61], [E('')]);
call('toString', [], [E('bogus')]);
call('subarray', [1, 2, 3], []);
call('slice', [1, 2, 3], []);

// copy, including overlapping copies within one Buffer.
for (let i = 0; i < 120; i++) {
  const len = ri(8);
  const recv = bytesOf(len);
  const target = ri(3) === 0 ? V(ri(len + 1), len) : Bf(bytesOf(ri(8)));
  const args = [target];
  const nopt = ri(4);
  for (let k = 0; k < nopt; k++) args.push(I(ri(len + 4) - 1));
  call('copy', recv, args);
}
for (let i = 0; i < 20; i++) call('copy', bytesOf(8), [V(0, 8), I(ri(8)), I(ri(8)), I(ri(9))]);

// fill / alloc.
const FILL_STRINGS = ['', 'a', 'ab', 'é', '€', '😀', '\ud800', 'abc', 'zz', 'QUJD', 'Q', 'QUI=', 'ab1', 'a\n\'"`x', '\u0100\u0141'];
for (let i = 0; i < 250; i++) {
  const len = ri(10);
  const recv = bytesOf(len);
  const k = ri(12);
  const s = S(pick(FILL_STRINGS));
  const e = E(pick(['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex', 'ucs2']));
  const off = () => I(ri(len + 3) - 1);
  if (k === 0) call('fill', recv, [I(ri(600) - 100)]);
  else if (k === 1) call('fill', recv, [I(ri(300)), off()]);
  else if (k === 2) call('fill', recv, [I(ri(300)), off(), off()]);
  else if (k === 3) call('fill', recv, [s]);
  else if (k === 4) call('fill', recv, [s, e]);
  else if (k === 5) call('fill', recv, [s, off()]);
  else if (k === 6) call('fill', recv, [s, off(), e]);
  else if (k === 7) call('fill', recv, [s, off(), off()]);
  else if (k === 8) call('fill', recv, [s, off(), off(), e]);
  else if (k === 9) call('fill', recv, [Bf(bytesOf(ri(4)))]);
  else if (k === 10) call('fill', recv, [Bf(bytesOf(ri(4))), off()]);
  else call('fill', recv, [Bf(bytesOf(ri(4))), off(), off()]);
}
call('fill', [1, 2], [S('a'), E('bogus')]);
call('fill', [1, 2], [S('a'), E('')]);
call('fill', [1, 2], [S('x'.repeat(200)), E('hex')]);
call('fill', [1, 2], [S('\ud83d'), E('hex')]);
for (let i = 0; i < 60; i++) {
  const size = ri(8) - (ri(10) === 0 ? 3 : 0);
  const k = ri(4);
  if (k === 0) call('Buffer.alloc', null, [I(size)]);
  else if (k === 1) call('Buffer.alloc', null, [I(size), I(ri(300))]);
  else if (k === 2) call('Buffer.alloc', null, [I(size), S(pick(FILL_STRINGS))]);
  else call('Buffer.alloc', null, [I(size), S(pick(FILL_STRINGS)), E(pick(ENCS))]);
}
call('Buffer.alloc', null, [I(3), Bf([1, 2])]);
call('Buffer.alloc', null, [I(3), Bf([])]);
call('Buffer.allocUnsafe', null, [I(-1)]);
call('Buffer.allocUnsafeSlow', null, [I(-1)]);

// indexOf / lastIndexOf / includes.
function smallBytes(n) { const a = []; for (let i = 0; i < n; i++) a.push(pick([0x61, 0x62, 0x00, 0xc3, 0xa9])); return a; }
const NEEDLES = ['', 'a', 'b', 'ab', 'ba', 'é', 'aa', 'YQ==', 'Yg', '61', '6162', 'zz', '\u0161', 'a\u0000'];
for (let i = 0; i < 500; i++) {
  const len = ri(10);
  const recv = smallBytes(len);
  const m = pick(['indexOf', 'lastIndexOf', 'includes']);
  const off = () => I(ri(2 * len + 7) - len - 3);
  const k = ri(9);
  const e = E(pick(['utf8', 'ucs2', 'utf16le', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url']));
  const s = S(pick(NEEDLES));
  const b = Bf(smallBytes(ri(3)));
  if (k === 0) call(m, recv, [s]);
  else if (k === 1) call(m, recv, [s, off()]);
  else if (k === 2) call(m, recv, [s, e]);
  else if (k === 3) call(m, recv, [s, off(), e]);
  else if (k === 4) call(m, recv, [b]);
  else if (k === 5) call(m, recv, [b, off()]);
  else if (k === 6) call(m, recv, [b, off(), e]);
  else if (k === 7) call(m, recv, [I(pick([0x61, 0x62, 0, 0xc3, 0x161, -1, 256]))]);
  else call(m, recv, [I(pick([0x61, 0x62, 0, 0xc3])), off()]);
}
call('indexOf', [1, 2, 3], [Bf([9, 9]), I(0), E('ucs2')]);
call('indexOf', [0x61], [S('a'), I(0), E('bogus')]);
call('indexOf', [0x61], [Bf([0x61]), I(0), E('bogus')]);
call('indexOf', [0x61, 0x62], [S('b'), I(-2147483648)]);
call('lastIndexOf', [0x61, 0x62], [S('a'), I(2147483647)]);

// compare / equals.
for (let i = 0; i < 150; i++) {
  const a = smallBytes(ri(5));
  const b = Bf(smallBytes(ri(5)));
  const k = ri(5);
  const o = () => I(ri(8) - 1);
  if (k === 0) call('compare', a, [b]);
  else if (k === 1) call('compare', a, [b, o(), o()]);
  else if (k === 2) call('compare', a, [b, o(), o(), o(), o()]);
  else if (k === 3) call('equals', a, [b]);
  else call('Buffer.compare', null, [Bf(a), b]);
}

// write(string[, offset[, length]][, encoding]).
for (let i = 0; i < 200; i++) {
  const len = ri(10);
  const recv = bytesOf(len);
  const enc = E(pick(ENCS));
  const s = S(pick([randomString(ri(6)), base64ish(ri(10), 0), hexish(ri(10))]));
  const off = () => I(ri(len + 3) - 1);
  const k = ri(6);
  if (k === 0) call('write', recv, [s]);
  else if (k === 1) call('write', recv, [s, enc]);
  else if (k === 2) call('write', recv, [s, off()]);
  else if (k === 3) call('write', recv, [s, off(), enc]);
  else if (k === 4) call('write', recv, [s, off(), off()]);
  else call('write', recv, [s, off(), off(), enc]);
}
call('write', [1, 2], [S('a'), E('bogus')]);
call('write', [1, 2], [S('a'), E('')]);

// concat, from(array), byteLength, isEncoding, swap.
for (let i = 0; i < 40; i++) {
  const list = []; for (let k = ri(4); k > 0; k--) list.push(bytesOf(ri(4)));
  if (ri(2)) call('Buffer.concat', null, [L(list)]);
  else call('Buffer.concat', null, [L(list), I(ri(12) - 1)]);
}
call('Buffer.from', null, [A([257, -1, 0, 255, 128, -129, 65536 + 65])]);
for (const enc of ['utf8', 'UTF8', 'utf-8', 'ucs2', 'Ucs-2', 'utf16le', 'UTF-16LE', 'utf-16', 'latin1', 'binary',
  'ascii', 'base64', 'base64url', 'hex', 'HEX', '', 'bogus', 'utf32', 'buffer']) call('Buffer.isEncoding', null, [E(enc)]);
for (let i = 0; i < 40; i++) {
  const s = pick([randomString(ri(8)), base64ish(ri(12), 10), hexish(ri(9))]);
  call('Buffer.byteLength', null, [S(s), E(pick([...ENCS, 'bogus', 'UCS2', '']))]);
}
call('Buffer.byteLength', null, [S('a\ud800😀é')]);
for (const m of ['swap16', 'swap32', 'swap64']) {
  for (const n of [0, 1, 2, 3, 4, 6, 8, 16, 24, 200, 256]) call(m, bytesOf(n), []);
}

process.stdout.write(out.join('\n') + '\n');
