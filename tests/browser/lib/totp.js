// Two-factor codes for the staff accounts of the browser tests, computed as an
// authenticator app does (RFC 6238: HMAC-SHA1 over the 30-second step, six digits).
// A code is accepted once and sign-ins accept the previous, current and next step,
// so `nextCode` hands out each step once and waits when all three are spent.

'use strict';

const crypto = require('node:crypto');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (no padding, spaces ignored). */
function base32(text) {
  let bits = '';
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The six-digit code of key `secret` for 30-second `step`. */
function codeAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** Keys by account address, and the last step handed out per key. */
const secrets = new Map();
const lastStep = new Map();

/** Remembers the key of account `email` (read from its set-up page). */
function remember(email, secret) {
  secrets.set(email, secret.replace(/\s/g, ''));
}

/** The key of account `email`, or undefined. */
function secretOf(email) {
  return secrets.get(email);
}

/** The next code of `secret` no sign-in has used yet (waits for the clock if need be). */
async function nextCode(secret) {
  for (;;) {
    const current = Math.floor(Date.now() / 1000 / 30);
    const step = Math.max((lastStep.get(secret) ?? 0) + 1, current - 1);
    if (step <= current + 1) {
      lastStep.set(secret, step);
      return codeAt(secret, step);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

module.exports = { codeAt, nextCode, remember, secretOf };
