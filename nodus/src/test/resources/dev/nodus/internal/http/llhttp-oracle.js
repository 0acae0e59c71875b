'use strict';
process.noDeprecation = true;
// The oracle for HttpParserDifferentialTest: runs each case of a JSON case file through Node's own
// HTTP parser binding (llhttp, configured by node_http_parser.cc exactly as _http_server and
// _http_client use it) and prints one JSON line per (case, split) with the event log.
//
// usage: node llhttp-oracle.js cases.json > recorded.jsonl
//
// A case: {id, mode: "request"|"response", input: latin-1 text | inputB64: base64,
//          maxHeaderSize?, lenient?, headersCompleteReturn?: 0|1|2, finish?: true,
//          splits?: [[n, n, ...], ...]}
// Every case runs whole, byte by byte (unless noBytes), and once per extra split (chunk sizes; the rest of the
// input goes in a last chunk).
//
// Events: ["begin"], ["head", {...}], ["body", latin1], ["trailers", [..]], ["complete"],
//         ["exec", chunkLength, bytesParsed | {code, reason, bytesParsed}],
//         ["repeat", n, event] for n identical events in a row,
//         ["upgrade", restLatin1] (execute stopped early, or an upgrade message completed: what
//         follows is the new protocol's, and feeding stops), ["finish", null | {code, reason}].
// Headers flushed early through kOnHeaders (more than 31 pairs) are joined to the head, as
// _http_common's parserOnHeaders does; kOnHeaders after the head are the trailers.
const fs = require('fs');
const { HTTPParser } = require('_http_common');
const allMethods = process.binding('http_parser').allMethods;

function err(e) {
  return { code: e.code, reason: e.reason, bytesParsed: e.bytesParsed };
}

function run(c, chunks) {
  const events = [];
  const p = new HTTPParser();
  const type = c.mode === 'response' ? HTTPParser.RESPONSE : HTTPParser.REQUEST;
  p.initialize(type, {}, c.maxHeaderSize || 0, c.lenient || 0);
  let pendingHeaders = [];
  let pendingUrl = '';
  let pendingTrailers = [];
  let inHead = true;
  let upgrade = false;
  let completeSinceHead = false;
  p[HTTPParser.kOnMessageBegin] = () => {
    events.push(['begin']);
    inHead = true; pendingHeaders = []; pendingUrl = ''; completeSinceHead = false;
  };
  p[HTTPParser.kOnHeaders] = (headers, url) => {
    if (inHead) {
      pendingHeaders = pendingHeaders.concat(headers);
      pendingUrl += url;
    } else {
      pendingTrailers = pendingTrailers.concat(headers);
    }
  };
  p[HTTPParser.kOnHeadersComplete] = (major, minor, headers, method, url, status, statusMessage,
    upg, keepAlive) => {
    if (headers === undefined) headers = pendingHeaders; else headers = pendingHeaders.concat(headers);
    if (url === undefined) url = pendingUrl;
    inHead = false;
    // returning 2 is how _http_server takes an upgrade: llhttp's upgrade flag is then set
    upgrade = upg || c.headersCompleteReturn === 2;
    events.push(['head', {
      versionMajor: major, versionMinor: minor,
      method: type === HTTPParser.REQUEST ? allMethods[method] : null,
      url: type === HTTPParser.REQUEST ? url : null,
      statusCode: type === HTTPParser.RESPONSE ? status : null,
      statusMessage: type === HTTPParser.RESPONSE ? statusMessage : null,
      upgrade: upg, shouldKeepAlive: keepAlive, headers,
    }]);
    return c.headersCompleteReturn || 0;
  };
  p[HTTPParser.kOnBody] = (b) => { events.push(['body', b.toString('latin1')]); };
  p[HTTPParser.kOnMessageComplete] = () => {
    if (pendingTrailers.length) events.push(['trailers', pendingTrailers]);
    pendingTrailers = [];
    events.push(['complete']);
    completeSinceHead = true;
  };
  let offset = 0;
  for (const chunk of chunks) {
    const r = p.execute(chunk);
    if (r instanceof Error) {
      events.push(['exec', chunk.length, err(r)]);
      return events;
    }
    events.push(['exec', chunk.length, r]);
    offset += r;
    if (r !== chunk.length || (upgrade && completeSinceHead)) {
      // What _http_server does: the bytes past the head belong to the new protocol.
      const all = Buffer.concat(chunks);
      events.push(['upgrade', all.subarray(offset).toString('latin1')]);
      return events;
    }
  }
  if (c.finish !== false) {
    const r = p.finish();
    // bytesParsed of a finish() error is error_pos minus a null pointer in Node: left out
    events.push(['finish', r instanceof Error ? { code: r.code, reason: r.reason } : null]);
  }
  return events;
}

function splitsOf(c, buf) {
  const out = [['whole', [buf]]];
  if (buf.length > 1 && !c.noBytes) {
    const bytes = [];
    for (let i = 0; i < buf.length; i++) bytes.push(buf.subarray(i, i + 1));
    out.push(['bytes', bytes]);
  }
  for (const sizes of c.splits || []) {
    const chunks = [];
    let at = 0;
    for (const n of sizes) { chunks.push(buf.subarray(at, at + n)); at += n; }
    if (at < buf.length) chunks.push(buf.subarray(at));
    out.push([sizes.join(','), chunks]);
  }
  return out;
}

// Runs of identical events (byte-by-byte feeding) become ["repeat", count, event].
function compress(events) {
  const out = [];
  for (let i = 0; i < events.length;) {
    const s = JSON.stringify(events[i]);
    let j = i + 1;
    while (j < events.length && JSON.stringify(events[j]) === s) j++;
    out.push(j - i > 1 ? ['repeat', j - i, events[i]] : events[i]);
    i = j;
  }
  return out;
}

function ascii(json) {
  return json.replace(/[\u007f-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

const file = JSON.parse(fs.readFileSync(process.argv[2], 'latin1'));
const lines = [];
for (const c of file.cases) {
  const buf = c.inputB64 !== undefined ? Buffer.from(c.inputB64, 'base64') : Buffer.from(c.input, 'latin1');
  for (const [name, chunks] of splitsOf(c, buf)) {
    lines.push(ascii(JSON.stringify({ id: c.id, split: name, events: compress(run(c, chunks)) })));
  }
}
process.stdout.write(lines.join('\n') + '\n');
