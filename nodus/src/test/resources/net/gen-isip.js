// Generates isip-vectors.txt: one line per input, "<isIP result>\t<JSON-escaped input>".
// Run: node gen-isip.js > isip-vectors.txt
'use strict';
const net = require('net');
const inputs = [
  '', ' ', '0.0.0.0', '127.0.0.1', '255.255.255.255', '256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4',
  '1.2.3.04', '1.2.3.4 ', ' 1.2.3.4', '1..3.4', '1.2.3.-4', '0x7f.0.0.1', '2130706433', '1.2.3.4/24',
  '::', '::1', '::1%lo', '::1%', 'fe80::1%eth0', 'fe80::1%eth0.1', 'fe80::1%a-b', 'fe80::1%a_b',
  'fe80::1%a:b', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8',
  '1::8', '1:2::7:8', '1:::8', ':1::', '1::2::3', '::ffff:1.2.3.4', '::ffff:256.2.3.4', '::1.2.3.4',
  '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5::1.2.3.4', 'ffff::', 'FFFF::',
  'gggg::', '12345::', '[::1]', '::ffff:1.2.3', '2001:db8::', '2001:0db8:0000:0000:0000:ff00:0042:8329',
  '2001:db8:0:0:0:ff00:42:8329', 'localhost', 'example.com', '1.2.3.4\n', '::\n', '١.٢.٣.٤',
];
// Random mutations, seeded, for breadth.
let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const alphabet = '0123456789abcdefABCDEF:.%g-x ';
for (let i = 0; i < 2000; i++) {
  let s = '';
  const len = rnd(20);
  for (let j = 0; j < len; j++) s += alphabet[rnd(alphabet.length)];
  inputs.push(s);
}
for (let i = 0; i < 500; i++) {
  const parts = [];
  const n = 2 + rnd(7);
  for (let j = 0; j < n; j++) parts.push(rnd(4) === 0 ? '' : rnd(65536).toString(16));
  let s = parts.join(':');
  if (rnd(5) === 0) s += ':' + [rnd(300), rnd(300), rnd(300), rnd(300)].join('.');
  if (rnd(6) === 0) s += '%' + 'eth' + rnd(10);
  inputs.push(s);
  inputs.push([rnd(300), rnd(300), rnd(300), rnd(300)].join('.'));
}
for (const s of inputs) process.stdout.write(net.isIP(s) + '\t' + JSON.stringify(s) + '\n');
