// Generates socketaddress-vectors.txt from Node's net.SocketAddress.
// Run: node gen-socketaddress.js > socketaddress-vectors.txt
//
// One construction a line, fields split by tabs, each option JSON or "-" when left out:
//   new <address> <port> <family> <flowlabel> => <address> <port> <family> <flowlabel> <inspect>
//   new ... => throws <name> <code> <JSON message>
// and, for the address parser alone (family ipv4 or ipv6, nothing else set, the result only):
//   p4|p6 <JSON address> <JSON normal form> | !<code>
// Inputs are the handpicked ones below, the inputs of isip-vectors.txt, and random 16-byte
// addresses written out in full, for the normal form.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const net = require('net');

const out = [];
const field = (v) => (v === undefined ? '-' : JSON.stringify(v));

function make(address, port, family, flowlabel) {
  const opts = {};
  if (address !== undefined) opts.address = address;
  if (port !== undefined) opts.port = port;
  if (family !== undefined) opts.family = family;
  if (flowlabel !== undefined) opts.flowlabel = flowlabel;
  let res;
  try {
    const s = new net.SocketAddress(opts);
    res = [JSON.stringify(s.address), s.port, JSON.stringify(s.family), s.flowlabel,
      JSON.stringify(util.inspect(s))];
  } catch (e) {
    res = ['throws', e.name, e.code, JSON.stringify(e.message)];
  }
  out.push(['new', field(address), field(port), field(family), field(flowlabel), '=>', ...res].join('\t'));
}

function parse(family, address) {
  let res;
  try {
    res = JSON.stringify(new net.SocketAddress({ family, address }).address);
  } catch (e) {
    res = '!' + e.code;
  }
  out.push(['p' + family.slice(3), JSON.stringify(address), res].join('\t'));
}

// Options and their errors. Node aborts (a C++ assertion) for an IPv6 flow label above
// 0xfffff and for a port that is not a number, so neither is recorded.
const U = undefined;
make();
make(U, U, 'ipv6');
make(U, U, 'IPv6');
make(U, U, 'IPV4');
make(U, U, 'Ipv4');
make('1.2.3.4', U, 'IPV4');
make('::1', U, 'IPv6');
make(U, U, 'ipv7');
make(U, U, '');
make(U, U, null);
make(null);
make(null, U, 'ipv6');
make(null, -1, 'ipv7', -1);
make(null, -1, U, -1);
make('bogus', -1, U, -1);
make('bogus', U, 'ipv6', 0xfffff + 1);
for (const port of [0, 1, 80, 65535, 65536, -1, 2147483647, -2147483648]) make(U, port);
for (const fl of [0, 1, 0xfffff, 0x100000, 0xffffffff, 0x100000000, 0x100000001, -1, -4294967297, 123456789012]) {
  make(U, U, 'ipv4', fl);
  if (fl >= 0 && fl <= 0xfffff) make('fe80::1', 443, 'ipv6', fl);
  if (fl < 0 || fl > 0xffffffff) make('fe80::1', 443, 'ipv6', fl);
}
make('::ffff:1.2.3.4', 8080, 'ipv6', 7);
make('1.2.3.4', 8080, 'ipv4', 7);
make('fe80::1%eth0', 1, 'ipv6', 2);
make('', U, 'ipv4');
make('', U, 'ipv6');

// Parser corners: zones, NULs, libuv's 39-byte cut before a zone, embedded IPv4.
for (const s of ['::1%', '::1%%', '::1% x', 'fe80::1%bogusif', 'fe80::1%1', '%eth0', '::%', '1.2.3.4%x',
  '1111:2222:3333:4444:5555:6666:123.123.123.123%eth0', '1111:2222:3333:4444:5555:6666:7777:8888%eth0',
  '1111:2222:3333:4444:5555:6666:7777:8888junk%eth0', '1111:2222:3333:4444:5555:6666:7777:888%eth0',
  '1111:2222:3333:4444:5555:6666:123.123.123.123', '::1\u0000junk', '1.2.3.4\u0000junk', '\u0000',
  '::ffff:1.2.3.4\u0000', 'fe80::1%eth\u00000', '::fffe:1.2.3.4', '1::ffff:1.2.3.4', '::FFFF:1.2.3.4',
  '::a:b:c:d:e:f:1', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1::2:3:4:5:6:7:8', '::1.2.3.4', '::01.2.3.4',
  '00000::1', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', ':1::', '1:::2', '1:', ':', '::', ':::',
  '1::1.2.3.4.5', '::1.2.3', '::1.2.3.4:5', '::256.1.1.1', '::1.2.3.4%x', '::0.0.0.1', '::0.0.0.0',
  '::ffff:0:0', '::1:0:0', '1:0:0:1:0:0:0:1', '1:0:0:0:1:0:0:1', '1:0:1:0:1:0:1:0', '0:0:0:0:0:ffff:1.2.3.4',
  '0:0:0:0:0:0:0:2', '::ffff', '::ffff:ffff', '::ffff:ffff:ffff', 'ffff::ffff:1.2.3.4', '\u00e9::1',
  '::1\u00e9', '1.2.3.\u0664', '١.٢.٣.٤', '1.2.3.04', '01.2.3.4', '0.0.0.0', '255.255.255.255',
  '1.2.3.4.', '.1.2.3.4', '1..2.3', '1.2.3.4 ', '0x1.2.3.4', '::1 ', ' ::1', '[::1]']) {
  parse('ipv4', s);
  parse('ipv6', s);
}

const isip = fs.readFileSync(path.join(__dirname, 'isip-vectors.txt'), 'utf8').split('\n').filter(Boolean);
for (const line of isip) {
  const input = JSON.parse(line.slice(line.indexOf('\t') + 1));
  parse('ipv6', input);
  if (!/[:%]/.test(input)) parse('ipv4', input);
}

// Zero runs of every length and place, for the normal form.
let seed = 4242;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
for (let i = 0; i < 400; i++) {
  const words = Array.from({ length: 8 }, () => (rnd(3) === 0 ? rnd(65536) : rnd(4) === 0 ? 1 : 0));
  if (i % 5 === 0) { words.fill(0, 0, 5); words[5] = 0xffff; }
  if (i % 7 === 0) words.fill(0, 0, 6);
  parse('ipv6', words.map((w) => w.toString(16).padStart(rnd(2) ? 4 : 1, '0')).join(':'));
}

process.stdout.write(out.join('\n') + '\n');
