// Generates blocklist-vectors.txt from Node's net.BlockList.
// Run: node gen-blocklist.js > blocklist-vectors.txt
//
// One operation a line, fields split by tabs, each argument JSON (a string, a number or null)
// or "-" when left out (the default applies): "<op>\t<args...>\t=>\t<result...>".
// Ops: new | addAddress a t | addRange s e t | addSubnet n p t | check a t | rules
//      and the SocketAddress forms addAddressSA f a | addRangeSA f a f a | addSubnetSA f a p |
//      checkSA f a (f a = family and address of a net.SocketAddress).
// Results: ok | true | false | the rules, one JSON string a field |
//          throws <name> <code> <JSON message>.
'use strict';
const net = require('net');

let list;
const out = [];
const field = (v) => (v === undefined ? '-' : JSON.stringify(v));
const sa = (family, address) => new net.SocketAddress({ family, address });

function record(op, args, fn) {
  let res;
  try {
    const r = fn();
    res = r === undefined ? ['ok'] : Array.isArray(r) ? r.map((s) => JSON.stringify(s)) : [String(r)];
  } catch (e) {
    res = ['throws', e.name, e.code, JSON.stringify(e.message)];
  }
  out.push([op, ...args.map(field), '=>', ...res].join('\t'));
}

const fresh = () => { list = new net.BlockList(); out.push('new'); };
const addAddress = (a, t) => record('addAddress', [a, t], () => list.addAddress(a, t));
const addRange = (s, e, t) => record('addRange', [s, e, t], () => list.addRange(s, e, t));
const addSubnet = (n, p, t) => record('addSubnet', [n, p, t], () => list.addSubnet(n, p, t));
const check = (a, t) => record('check', [a, t], () => list.check(a, t));
const rules = () => record('rules', [], () => list.rules);
const addAddressSA = (f, a) => record('addAddressSA', [f, a], () => list.addAddress(sa(f, a)));
const addRangeSA = (f1, a1, f2, a2) =>
  record('addRangeSA', [f1, a1, f2, a2], () => list.addRange(sa(f1, a1), sa(f2, a2)));
const addSubnetSA = (f, a, p) => record('addSubnetSA', [f, a, p], () => list.addSubnet(sa(f, a), p));
const checkSA = (f, a) => record('checkSA', [f, a], () => list.check(sa(f, a)));

// Seeded, so the file only changes when Node does.
let seed = 20240229;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };

const v4 = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const v4int = (s) => s.split('.').reduce((acc, x) => acc * 256 + Number(x), 0);
const v6 = (bytes) => {
  const w = [];
  for (let i = 0; i < 16; i += 2) w.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return w.join(':');
};
const v6bytes = (s) => {
  const a = new net.SocketAddress({ family: 'ipv6', address: s }).address;
  // Expand Node's normal form back to 16 bytes, to step around boundaries.
  let [head, tail] = a.includes('::') ? a.split('::') : [a, null];
  const parts = (x) => (x ? x.split(':') : []).flatMap((p) =>
    p.includes('.') ? [(v4int(p) >>> 16).toString(16), (v4int(p) & 0xffff).toString(16)] : [p]);
  const h = parts(head);
  const t = tail === null ? [] : parts(tail);
  const words = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return words.flatMap((x) => [parseInt(x, 16) >> 8, parseInt(x, 16) & 255]);
};
const step6 = (bytes, delta) => {
  const b = bytes.slice();
  for (let i = 15; i >= 0 && delta !== 0; i--) {
    const v = b[i] + delta;
    b[i] = (v + 256) % 256;
    delta = v < 0 ? -1 : v > 255 ? 1 : 0;
  }
  return b;
};

// Each IPv4 address is checked as ipv4, as its mapped ipv6 form, and as the wrong type.
function checkV4(n) {
  const s = v4((n + 0x100000000) % 0x100000000);
  check(s);
  check(s, 'ipv6');
  check('::ffff:' + s, 'ipv6');
  check('::' + s, 'ipv6');
  checkSA('ipv6', '::ffff:' + s);
}
function checkV6(bytes) {
  check(v6(bytes), 'ipv6');
  check(v6(bytes));
}

// 1. IPv4 rules of each kind, with the addresses at and around their edges.
fresh();
addAddress('123.123.123.123');
addRange('10.0.0.1', '10.0.0.10');
addSubnet('192.168.0.0', 16);
addSubnet('172.16.5.4', 12, 'ipv4');
addAddress('1.2.3.4', 'IPv4');
rules();
for (const edge of ['123.123.123.123', '10.0.0.1', '10.0.0.10', '192.168.0.0', '192.168.255.255',
  '172.16.0.0', '172.31.255.255', '1.2.3.4']) {
  for (const d of [-1, 0, 1]) checkV4(v4int(edge) + d);
}
for (const s of ['', ' ', 'bogus', '10.0.0.5 ', ' 10.0.0.5', '10.0.0.05', '10.0.0.5%eth0', '10.0.0.5\u0000junk',
  '10.0.0', '10.0.0.5.1', '0x0a.0.0.5', '::ffff:10.0.0.5', '::ffff:a00:5', '::FFFF:10.0.0.5%eth0']) {
  check(s);
  check(s, 'ipv6');
}
check('10.0.0.5', 'ipv7');
check('10.0.0.5', 'IPV4');
check('10.0.0.5', 'IPv6');
check(null);
check('10.0.0.5', null);

// 2. IPv6 rules, IPv4-mapped ones among them.
fresh();
addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
addRange('2001:db8::1', '2001:db8::ff', 'ipv6');
addAddress('::1', 'ipv6');
addAddress('::ffff:1.2.3.4', 'ipv6');
addSubnet('::ffff:10.0.0.0', 104, 'ipv6');
addRange('::ffff:192.168.1.10', '::ffff:192.168.1.20', 'ipv6');
addAddress('fe80::1%eth0', 'ipv6');
addAddress('0:0:0:0:0:0:0:2', 'ipv6');
addSubnet('2001:DB8:0:0:1::', 80, 'ipv6');
rules();
for (const edge of ['8592:757c:efae:4e45::', '8592:757c:efae:4e45:ffff:ffff:ffff:ffff', '2001:db8::1',
  '2001:db8::ff', '::1', '::2', '::ffff:1.2.3.4', '::ffff:10.0.0.0', '::ffff:10.255.255.255', 'fe80::1',
  '::ffff:192.168.1.10', '::ffff:192.168.1.20', '2001:db8:0:0:1::', '2001:db8:0:0:1:ffff:ffff:ffff']) {
  const b = v6bytes(edge);
  for (const d of [-1, 0, 1]) checkV6(step6(b, d));
}
for (const s of ['1.2.3.4', '10.1.2.3', '11.0.0.0', '192.168.1.15', '192.168.1.21']) checkV4(v4int(s));
for (const s of ['fe80::1%lo', 'fe80::1%', 'fe80::1%%', '::1%1', '8592:757c:efae:4e45::1%x y', '[::1]',
  '::1/128', '1::2::3', ':::', '1:2:3:4:5:6:7:8:9', '::ffff:1.2.3', '0:0:0:0:0:0:0:0:1', '00001::', 'g::',
  '\u0661::1', '::1\u0000zz', '2001:db8::1\n']) {
  check(s, 'ipv6');
}

// 3. Edge prefixes, each alone so it does not hide the others.
for (const [net4, p] of [['0.0.0.0', 0], ['10.0.0.0', 0], ['10.0.0.7', 32], ['10.0.0.0', 31], ['10.0.0.0', 1],
  ['128.0.0.0', 1], ['255.255.255.255', 32]]) {
  fresh();
  addSubnet(net4, p);
  rules();
  for (const s of ['0.0.0.0', '10.0.0.0', '10.0.0.1', '10.0.0.7', '10.0.0.8', '127.255.255.255', '128.0.0.0',
    '255.255.255.255']) checkV4(v4int(s));
  checkV6(v6bytes('::'));
  checkV6(v6bytes('1::'));
  checkV6(v6bytes('::a00:7'));
}
for (const [net6, p] of [['::', 0], ['::', 1], ['8000::', 1], ['::ffff:0:0', 96], ['::ffff:10.0.0.0', 97],
  ['::ffff:10.0.0.0', 8], ['::ffff:10.0.0.7', 128], ['2001:db8::', 32], ['2001:db8::', 127],
  ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 128], ['::10.0.0.0', 104]]) {
  fresh();
  addSubnet(net6, p, 'ipv6');
  rules();
  for (const s of ['::', '::1', '1::', '7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '8000::', '::a00:7',
    '::fffe:ffff:ffff', '::ffff:0:0', '::ffff:10.0.0.7', '::ffff:10.0.0.8', '2001:db8::', '2001:db8::1',
    '2001:db8::2', '2001:db9::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']) checkV6(v6bytes(s));
  for (const s of ['0.0.0.0', '10.0.0.7', '10.0.0.8', '11.0.0.0', '128.0.0.0', '255.255.255.255']) checkV4(v4int(s));
}

// 4. Rules made from SocketAddress objects, mixing the families.
for (const [f1, a1, f2, a2] of [['ipv4', '10.0.0.0', 'ipv6', '::ffff:10.0.0.5'],
  ['ipv6', '::ffff:10.0.0.0', 'ipv4', '10.0.0.5'], ['ipv4', '10.0.0.0', 'ipv6', '1::'],
  ['ipv6', '1::', 'ipv4', '10.0.0.0'], ['ipv6', '::ffff:10.0.0.5', 'ipv4', '10.0.0.0'],
  ['ipv4', '10.0.0.5', 'ipv6', '::ffff:10.0.0.0'], ['ipv4', '10.0.0.5', 'ipv4', '10.0.0.5'],
  ['ipv6', '::', 'ipv6', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']]) {
  fresh();
  addRangeSA(f1, a1, f2, a2);
  addAddressSA('ipv4', '20.0.0.1');
  addSubnetSA('ipv6', '::ffff:30.0.0.0', 120);
  addSubnetSA('ipv4', '40.0.0.0', 8);
  rules();
  for (const s of ['9.255.255.255', '10.0.0.0', '10.0.0.3', '10.0.0.5', '10.0.0.6', '20.0.0.1', '30.0.0.9',
    '40.1.2.3']) checkV4(v4int(s));
  for (const s of ['::', '::a00:3', '1::', '2::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']) {
    checkV6(v6bytes(s));
    checkSA('ipv6', s);
  }
}

// 5. Bad calls; the list must stay as it was.
fresh();
addAddress('9.9.9.9');
for (const p of [-1, 33, 2147483647, -2147483648]) addSubnet('10.0.0.0', p);
for (const p of [-1, 129, 1000]) addSubnet('::', p, 'ipv6');
addSubnet('::', 33, 'ipv4');
addSubnet('10.0.0.0', 33, 'ipv6');
addSubnet('bogus', 99);
addSubnet(null, 8);
addSubnet('10.0.0.0', 8, null);
addSubnet('10.0.0.0', 8, 'ipv7');
addSubnetSA('ipv4', '10.0.0.0', 33);
addSubnetSA('ipv6', '::', 129);
addRange('10.0.0.10', '10.0.0.1');
addRange('::2', '::1', 'ipv6');
addRange('10.0.0.1', 'bogus');
addRange('bogus', null);
addRange(null, 'bogus');
addRange('10.0.0.1', null);
addRange('10.0.0.1', '10.0.0.2', null);
addRange('10.0.0.1', '10.0.0.2', 'ip v4');
addRangeSA('ipv4', '10.0.0.2', 'ipv4', '10.0.0.1');
addRangeSA('ipv6', '::ffff:10.0.0.2', 'ipv4', '10.0.0.1');
addAddress('1.2.3.4', 'ipv7');
addAddress('1.2.3.4', '');
addAddress('1.2.3.4', 'it\'s');
addAddress('1.2.3.4', 'a\nb\u0000\u007f');
addAddress('1.2.3.4', 'x'.repeat(200));
addAddress('1.2.3.4', null);
addAddress(null);
addAddress(null, 'ipv6');
addAddress('bogus');
addAddress('::1');
addAddress('1.2.3.4', 'ipv6');
addAddress('1111:2222:3333:4444:5555:6666:123.123.123.123%eth0', 'ipv6');
addAddress('1111:2222:3333:4444:5555:6666:7777:8888junk%eth0', 'ipv6');
addAddress('IPv4 1.2.3.4');
rules();
check('9.9.9.9');
check('10.0.0.1');

// 6. Random subnets, with addresses just inside and just outside them.
const flipBit = (bytes, bit) => { const b = bytes.slice(); b[bit >> 3] ^= 0x80 >> (bit & 7); return b; };
for (let i = 0; i < 80; i++) {
  fresh();
  const six = i % 2 === 1;
  const bits = six ? 128 : 32;
  const bytes = Array.from({ length: bits / 8 }, () => rnd(256));
  if (six && i % 4 === 3) { bytes.fill(0, 0, 10); bytes[10] = bytes[11] = 255; }
  const prefix = rnd(bits + 1);
  const text = six ? v6(bytes) : bytes.join('.');
  addSubnet(text, prefix, six ? 'ipv6' : undefined);
  rules();
  const probes = [bytes];
  if (prefix > 0) probes.push(flipBit(bytes, prefix - 1));
  if (prefix < bits) probes.push(flipBit(bytes, prefix + rnd(bits - prefix)));
  probes.push(Array.from({ length: bits / 8 }, () => rnd(256)));
  for (const p of probes) {
    if (six) checkV6(p);
    else checkV4(v4int(p.join('.')));
  }
  if (six && i % 4 === 3) checkV4(v4int(bytes.slice(12).join('.')));
}

process.stdout.write(out.join('\n') + '\n');
