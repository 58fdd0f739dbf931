// A minimal HTTP client for setting up test data quickly: it posts the app's own
// HTML forms from Node (same routes, same fields as the browser would send), with
// its own cookie jar. Every POST carries the double-submit CSRF token (`_csrf`
// equal to the `rounds_csrf` cookie) and an `Origin` header naming the app, as
// the app requires. Redirects are not followed, so a test sees the 303 and its
// Location (where the app sends the user) or the 422 page of a refused form.
//
// Use it for bulk data only; the stories themselves are told in the browser.

'use strict';

const totp = require('./totp.js');

const CSRF_COOKIE = 'rounds_csrf';

class Client {
  /** @param {string} baseURL the app's origin, e.g. http://127.0.0.1:1234 */
  constructor(baseURL) {
    this.baseURL = baseURL;
    /** @type {Map<string, string>} */
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  remember(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** GET `path`; returns { status, location, html }. */
  async get(path) {
    const res = await fetch(new URL(path, this.baseURL), {
      redirect: 'manual',
      headers: { Cookie: this.cookieHeader() },
    });
    this.remember(res);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  /** The CSRF token, fetching a page first if the jar has none yet. */
  async csrf() {
    if (!this.cookies.has(CSRF_COOKIE)) await this.get('/login');
    const token = this.cookies.get(CSRF_COOKIE);
    if (!token) throw new Error(`the app set no ${CSRF_COOKIE} cookie`);
    return token;
  }

  /**
   * POSTs an urlencoded form (object of field → string) with the CSRF token and
   * Origin; returns { status, location, html }.
   */
  async post(path, fields) {
    const body = new URLSearchParams({ ...fields, _csrf: await this.csrf() });
    const res = await fetch(new URL(path, this.baseURL), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Cookie: this.cookieHeader(),
        Origin: this.baseURL,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: body.toString(),
    });
    this.remember(res);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  /**
   * Signs in (answering the code step for staff, whose key the harness knows);
   * fails loudly unless the app answers with a redirect.
   */
  async signIn(email, password) {
    let res = await this.post('/login', { email, password });
    if (res.status === 303 && res.location === '/login/code') {
      const secret = totp.secretOf(email);
      if (!secret) throw new Error(`${email} signs in with a code, and the harness does not know its key`);
      res = await this.post('/login/code', { code: await totp.nextCode(secret) });
    }
    if (res.status !== 303) throw new Error(`signing in ${email} over HTTP failed: ${res.status}`);
    return res;
  }

  /** A client sharing the session of a browser context (its cookies for the app). */
  static async fromContext(context, baseURL) {
    const c = new Client(baseURL);
    for (const { name, value } of await context.cookies(baseURL)) c.cookies.set(name, value);
    return c;
  }

  /** The jar as cookies for `context.addCookies`, so a browser context shares this session. */
  browserCookies() {
    return [...this.cookies].map(([name, value]) => ({ name, value, url: this.baseURL }));
  }
}

/**
 * The app's server functions that tests read data from (GET, JSON), by their URL
 * name under /api/. They are internal to the app: when one is renamed, change it
 * here.
 */
const API = {
  forum: 'load_forum',
  thread: 'load_thread',
  post: 'load_post',
  verificationQueue: 'verification_queue',
};

/** Reads a server function's data as `client` (query `params`); fails loudly on anything but JSON. */
async function api(client, which, params = {}) {
  const name = API[which];
  if (!name) throw new Error(`unknown server function ${which}`);
  const res = await client.get(`/api/${name}?${new URLSearchParams(params)}`);
  try {
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    return JSON.parse(res.html);
  } catch (e) {
    throw new Error(`/api/${name} did not answer with data (${e.message}); was it renamed? (see API in lib/http.js): ${res.html.slice(0, 200)}`);
  }
}

/**
 * Registers `a` (fields as made by `newApplicant`) with the /register form.
 * Returns the response: 303 to /pending on success, 422 with the form on refusal.
 */
function register(client, a) {
  return client.post('/register', {
    email: a.email,
    password: a.password,
    display_name: a.display_name,
    profession: a.profession,
    licence_number: a.licence_number,
    jurisdiction: a.jurisdiction,
    npi: a.npi || '',
    specialty: a.specialty || '',
    workplace: a.workplace || '',
  });
}

/** The id in a `Location` such as `/p/12` or `/t/3?page=last#post-9` (`which` = 'p' | 't' | 'post'). */
function idFrom(location, which) {
  const re = { p: /^\/p\/(\d+)/, t: /^\/t\/(\d+)/, post: /#post-(\d+)$/ }[which];
  const m = re.exec(location || '');
  if (!m) throw new Error(`no ${which} id in the redirect ${JSON.stringify(location)}`);
  return Number(m[1]);
}

module.exports = { API, Client, api, idFrom, register };
