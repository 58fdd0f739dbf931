// Reading the letters a test app wrote: without an SMTP server, Rounds writes each
// message as an .eml file in <data>/mail (the API tests use a real SMTP server; here
// the files are the inbox). Decodes just enough MIME for that: the headers and the
// text/plain part, base64 or quoted-printable.

'use strict';

const fs = require('node:fs');
const path = require('node:path');

function decodeQP(s) {
  const bytes = [];
  const soft = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(s) {
  // Whitespace between two encoded words is not part of the text (RFC 2047).
  return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc, text) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQP(text.replace(/_/g, ' ')));
}

/** Parses one message into { to, subject, text }. */
function parse(raw) {
  const [head] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name) => {
    const m = unfolded.match(new RegExp(`^${name}:\\s*(.*)$`, 'im'));
    return m ? decodeWords(m[1].trim()) : '';
  };
  const boundary = (unfolded.match(/boundary="?([^";\r\n]+)"?/i) || [])[1];
  let text = '';
  for (const part of boundary ? raw.split(`--${boundary}`) : [raw]) {
    const [ph, ...rest] = part.split(/\r?\n\r?\n/);
    if (!/content-type:\s*text\/plain/i.test(ph)) continue;
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(ph)) text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    else if (/content-transfer-encoding:\s*quoted-printable/i.test(ph)) text = decodeQP(body);
    else text = body;
  }
  return { to: header('To'), subject: header('Subject'), text };
}

/** Every letter written so far, oldest first. */
function letters(app) {
  const dir = path.join(app.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Waits for a letter to `to` matching `test` (at most `ms`). */
async function waitForLetter(app, to, test = () => true, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const found = letters(app).find((l) => l.to.includes(to) && test(l));
    if (found) return found;
    if (Date.now() > end) throw new Error(`no letter to ${to} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

module.exports = { letters, waitForLetter, parse };
