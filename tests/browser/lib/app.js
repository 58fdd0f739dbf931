// Test harness for the browser tests: starts a fresh Rounds server (own temporary
// data directory, own free port, one admin account) and Debian's headless Chromium,
// and offers the few page actions every story needs (sign in, fill the application).
//
// Nothing here depends on anything outside the repository except the Chromium binary.
// Missing pieces (binary, wasm bundle, Chromium) make `startApp`/`launchBrowser`
// throw, so the tests fail loudly instead of being skipped.

'use strict';

const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const totp = require('./totp.js');

/** Repository root (tests/browser/lib → ../../..). */
const REPO = path.resolve(__dirname, '../../..');
/** The server binary (override with ROUNDS_BIN). */
const BIN = process.env.ROUNDS_BIN || path.join(REPO, 'target/debug/rounds');
/** Directory holding pkg/rounds.js, pkg/rounds_bg.wasm, pkg/rounds.css (override with ROUNDS_SITE_ROOT). */
const SITE_ROOT = process.env.ROUNDS_SITE_ROOT || path.join(REPO, 'target/site');
/** Chromium (override with CHROMIUM_BIN). */
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
/** Where screenshots go (git-ignored). */
const ARTIFACTS = path.join(REPO, 'tests/browser/artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A password the app accepts (≥ 12 characters, not common). */
const GOOD_PASSWORD = 'tidal-morphine-ladder-93';

/** Fails with a clear message when a file the tests need is missing. */
function requireFile(file, what) {
  if (!fs.existsSync(file)) {
    throw new Error(`${what} is missing: ${file} does not exist`);
  }
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The environment for the `rounds` process: ours, minus anything that could point it elsewhere. */
function serverEnv(extra) {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'ROUNDS_DATABASE_URL', 'ROUNDS_CONFIG', 'ROUNDS_SECURE_COOKIES']) delete env[k];
  return { ...env, ...extra };
}

/**
 * Starts a fresh Rounds server for one test file.
 *
 * Returns { baseURL, admin: {email, password, name}, logs(), stop() }.
 * `stop()` kills the server and removes the data directory; it is also run
 * when the Node process exits, so a failing test never leaves a server behind.
 */
async function startApp({ defaultLang = 'en' } = {}) {
  requireFile(BIN, 'The rounds server binary (build it with cargo build)');
  for (const f of ['rounds.js', 'rounds_bg.wasm', 'rounds.css']) {
    requireFile(path.join(SITE_ROOT, 'pkg', f), 'The site bundle');
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-browser-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = serverEnv({
    ROUNDS_LISTEN: `127.0.0.1:${port}`,
    ROUNDS_DATA_DIR: dataDir,
    ROUNDS_SITE_ROOT: SITE_ROOT,
    ROUNDS_DEFAULT_LANG: defaultLang,
    // Every applicant of the suite applies from 127.0.0.1.
    ROUNDS_REGISTRATIONS_PER_ADDRESS: '3650',
  });
  // The data directory is also the working directory, so a stray ./rounds.toml
  // in the caller's directory can never change the settings.
  const opts = { cwd: dataDir, env };

  // The admin is created before serving; `admin create` migrates the fresh database.
  const admin = { email: 'admin@example.org', password: 'quiet-harbour-lantern-58', name: 'Dr Admin' };
  const created = spawnSync(BIN, ['admin', 'create', '--email', admin.email, '--name', admin.name], {
    ...opts,
    input: `${admin.password}\n`,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (created.status !== 0) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`rounds admin create failed (${created.status ?? created.signal}):\n${created.stdout}${created.stderr}${created.error ?? ''}`);
  }

  let output = '';
  const child = spawn(BIN, ['serve'], { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const killOnExit = () => { try { child.kill('SIGKILL'); } catch { /* already gone */ } };
  process.on('exit', killOnExit);

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (exited === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  // Wait for /healthz (or for the process to die, which is reported with its output).
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`rounds serve exited early (${JSON.stringify(exited)}):\n${output}`);
    }
    try {
      const res = await fetch(`${baseURL}/healthz`);
      if (res.status === 200 && (await res.text()) === 'ok') break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`rounds serve did not become healthy within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  // The admin sets up two-factor sign-in as staff must (before any queue opens),
  // from the page's key; the harness keeps the key to answer later sign-ins.
  try {
    await enrolTwoFactor(baseURL, admin);
  } catch (e) {
    await stop();
    throw new Error(`setting up the admin's two-factor sign-in failed: ${e.message}\n${output}`);
  }

  return { baseURL, admin, dataDir, logs: () => output, stop };
}

/** Signs `account` in over HTTP and turns two-factor sign-in on from its set-up data. */
async function enrolTwoFactor(baseURL, account) {
  const { Client } = require('./http.js');
  const c = new Client(baseURL);
  await c.signIn(account.email, account.password);
  const state = JSON.parse((await c.get('/api/two_factor_state')).html);
  if (!state.setup) throw new Error(`${account.email} has no key to set up`);
  totp.remember(account.email, state.setup.secret);
  const res = await c.post('/profile/two-factor', { action: 'enable', code: await totp.nextCode(totp.secretOf(account.email)) });
  if (res.status !== 200) throw new Error(`turning two-factor sign-in on answered ${res.status}`);
}

/**
 * Launches Debian's headless Chromium through playwright-core. With `offline`,
 * every request to another host goes to a proxy that does not exist and fails at
 * once (Chromium never proxies loopback addresses, so the app is reached as usual):
 * for pages that might try to load things from the internet.
 */
async function launchBrowser({ offline = false } = {}) {
  requireFile(CHROMIUM, 'Chromium');
  const args = offline ? [...CHROMIUM_ARGS, '--proxy-server=http://127.0.0.1:9'] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args, timeout: 30_000 });
}

/**
 * A fresh browser context (its own cookies) on the app.
 * `js: false` turns JavaScript off; the locale is pinned so that the language the
 * app picks from Accept-Language does not depend on the machine.
 */
async function newContext(browser, app, { js = true, locale = 'en-US', viewport = { width: 1280, height: 900 }, timezoneId = 'UTC' } = {}) {
  const context = await browser.newContext({
    baseURL: app.baseURL,
    javaScriptEnabled: js,
    locale,
    viewport,
    // Pinned too: with JavaScript on, the page reports the browser's zone.
    timezoneId,
  });
  // The app runs locally, so anything slower than this is a failure, not a wait
  // (generous enough for a busy two-core machine hydrating the debug wasm).
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * Records what goes wrong in a page: uncaught exceptions, console errors (with the
 * URL they are about) and failed responses (status >= 400), so a test can assert
 * that hydration ran cleanly.
 */
function watchPage(page) {
  const problems = { pageErrors: [], consoleErrors: [], badResponses: [] };
  page.on('pageerror', (err) => problems.pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push({ text: msg.text(), url: msg.location().url || '' });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.badResponses.push({ status: res.status(), url: res.url() });
  });
  return problems;
}

/**
 * Asserts a page had no script errors. The only console errors tolerated are
 * Chromium's own "Failed to load resource: ... status of N" lines for responses
 * the test expects: 404 for URLs in `allowed404` (by default /favicon.ico, which
 * Chromium asks for on its own and the app does not serve), and any status listed
 * in `allowedStatus` (e.g. 422 for a refused form, which Chromium also logs).
 * Unexpected responses >= 400 fail too.
 */
function assertNoScriptErrors(problems, { allowed404 = [/\/favicon\.ico$/], allowedStatus = [] } = {}) {
  const expected = (status, url) => allowedStatus.includes(status) || (status === 404 && allowed404.some((re) => re.test(url)));
  assert.deepEqual(problems.pageErrors, [], 'uncaught exceptions in the page');
  const unexplained = problems.consoleErrors.filter((e) => {
    const m = /^Failed to load resource: the server responded with a status of (\d+)/.exec(e.text);
    return !(m && expected(Number(m[1]), e.url));
  });
  assert.deepEqual(unexplained, [], 'console errors in the page');
  assert.deepEqual(problems.badResponses.filter((r) => !expected(r.status, r.url)), [], 'failed responses');
}

/**
 * Waits until the wasm has hydrated the page (JS on only). The app sets no marker
 * of its own, so this asks Chromium (DevTools protocol) for the `click` listener
 * that the leptos router puts on `window` when it starts: from then on, in-app
 * links are followed client-side. Without this wait a test clicking early would
 * get a full page load instead and test something else, depending on machine load.
 */
async function waitForHydration(page, timeoutMs = 20_000) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      if (listeners.some((l) => l.type === 'click')) return;
      if (Date.now() > deadline) throw new Error(`the page ${page.url()} did not hydrate within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await cdp.detach();
  }
}

/**
 * Waits until a page with a composer (JS on) is ready to be typed into: hydrated,
 * the site's detector lists loaded (`/api/composer_lists`, asked for once the page
 * has hydrated) and the content shown again. Until that request answers, the app
 * swaps the page's content for "Loading…" and back (the composer reads it inside
 * the page's Suspense), which drops focus and would make a test click into nothing.
 * Then waits until the page has been still (no DOM changes) for 150 ms.
 */
async function waitForComposer(page, timeoutMs = 20_000) {
  await waitForHydration(page, timeoutMs);
  await page.waitForFunction(
    () =>
      performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === '/api/composer_lists') &&
      document.querySelector('form.composer div.live-check') !== null &&
      ![...document.querySelectorAll('main p')].some((p) => ['Loading…', '読み込み中…'].includes(p.textContent.trim())),
    null,
    { timeout: timeoutMs },
  );
  // The swap back can come a little after that: wait until the page has been still
  // for a moment.
  await page.evaluate(() => new Promise((resolve) => {
    let timer = setTimeout(done, 150);
    const seen = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 150); });
    function done() { seen.disconnect(); resolve(); }
    seen.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }));
}

/**
 * Signs in through the /login form (in whichever language the page is) and waits
 * for the page the app sends us to.
 */
async function signIn(page, email, password) {
  await page.goto('/login');
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await Promise.all([page.waitForNavigation(), page.click('main form[action="/login"] button[type=submit]')]);
  // Staff answer the code step with the key the harness keeps for them.
  const secret = totp.secretOf(email);
  if (secret && new URL(page.url()).pathname === '/login/code') {
    await page.fill('#sign-in-code', await totp.nextCode(secret));
    await Promise.all([page.waitForNavigation(), page.click('main form[action="/login/code"] button[type=submit]')]);
  }
}

let counter = 0;
/** A new applicant with a unique email and licence number. */
function newApplicant(label = 'applicant') {
  counter += 1;
  const n = `${Date.now().toString(36)}${counter}`;
  return {
    email: `${label}.${n}@example.org`,
    password: GOOD_PASSWORD,
    display_name: `Dr ${label[0].toUpperCase()}${label.slice(1)} ${counter}`,
    profession: 'nurse',
    licence_number: `RN-${100000 + counter}`,
    jurisdiction: 'Ontario, Canada',
    npi: '1234567893',
    specialty: 'Emergency nursing',
    workplace: 'General hospital',
  };
}

/**
 * Fills the /register form (the page must already be open). `pressPassword`
 * types the password key by key so the hydrated page sees input events.
 */
async function fillRegistration(page, a, { pressPassword = false } = {}) {
  await page.fill('#register-email', a.email);
  if (pressPassword) {
    await page.click('#register-password');
    await page.keyboard.type(a.password);
  } else {
    await page.fill('#register-password', a.password);
  }
  await page.fill('#register-display_name', a.display_name);
  await page.selectOption('#register-profession', a.profession);
  await page.fill('#register-licence_number', a.licence_number);
  await page.fill('#register-jurisdiction', a.jurisdiction);
  await page.fill('#register-npi', a.npi || '');
  await page.fill('#register-specialty', a.specialty || '');
  await page.fill('#register-workplace', a.workplace || '');
}

/** Submits the form whose submit button has this text and waits for the next page. */
async function submit(page, buttonText, scope = page) {
  const button = scope.locator(`button[type=submit]`, { hasText: buttonText }).first();
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  return response;
}

/**
 * Sends the filled /register form and signs in as the applicant, as people do:
 * registering never signs anyone in (its answer must not reveal whether the address
 * already had an account), it leads to /login with a notice. Returns the notice
 * shown there; ends on /pending.
 */
async function sendApplication(page, applicant) {
  const send = async (form) => {
    const button = page.locator(`form[action="${form}"] button[type=submit]`).first();
    await Promise.all([page.waitForNavigation(), button.click()]);
  };
  await send('/register');
  assert.equal(new URL(page.url()).pathname, '/login', `the application of ${applicant.email} did not lead to /login`);
  const notice = await noticeText(page);
  await page.fill('#login-email', applicant.email);
  await page.fill('#login-password', applicant.password);
  await send('/login');
  assert.equal(new URL(page.url()).pathname, '/pending', `${applicant.email} did not reach /pending after signing in`);
  return notice;
}

/** The text of the one-time notice on the current page, or null if there is none (no waiting). */
async function noticeText(page) {
  const notice = page.locator('.notice');
  return (await notice.count()) ? (await notice.first().textContent()).trim() : null;
}

/** The text of the first field error inside `scope`, or null if there is none (no waiting). */
async function fieldErrorText(scope) {
  const err = scope.locator('.field-error');
  return (await err.count()) ? (await err.first().textContent()).trim() : null;
}

/** The queue card of the applicant with this email, and their id (from `li#applicant-<id>`). */
async function applicantCard(page, email) {
  const card = page.locator('li.applicant', { hasText: email });
  await assert.doesNotReject(card.waitFor({ state: 'visible' }), `no queue card for ${email}`);
  const id = (await card.getAttribute('id')).replace(/^applicant-/, '');
  return { card, id };
}

/**
 * Claims the applicant's queue card for the moderator on `page` (on the
 * verification queue): moderators claim an application before deciding on it.
 * Returns the card and id as `applicantCard` does, with the decisions showing.
 */
async function claimApplicant(page, email) {
  let { card, id } = await applicantCard(page, email);
  const claim = card.locator('button[type=submit]', { hasText: /^(Claim|担当する)$/ });
  if (await claim.count()) {
    await submit(page, /^(Claim|担当する)$/, card);
    assert.match(await noticeText(page) ?? '(no notice)', /^(You have claimed this item\.|この項目を担当しました。)$/, `claiming ${email} failed`);
    ({ card, id } = await applicantCard(page, email));
  }
  return { card, id };
}

/**
 * Makes `applicant` a verified member the way people do it: they apply through
 * /register in a new browser context, and the admin (already signed in on
 * `adminPage`) claims and verifies them from the verification queue. Returns the member's
 * context and page (signed in, on /pending until they load another page).
 */
async function verifiedMember(browser, app, adminPage, applicant, { js = true, locale = 'en-US', viewport, timezoneId } = {}) {
  const ctx = await newContext(browser, app, { js, locale, ...(viewport ? { viewport } : {}), ...(timezoneId ? { timezoneId } : {}) });
  const page = await ctx.newPage();
  await page.goto('/register');
  await fillRegistration(page, applicant);
  await sendApplication(page, applicant);
  await adminPage.goto('/mod/verification');
  const { card } = await claimApplicant(adminPage, applicant.email);
  await submit(adminPage, 'Verify', card);
  assert.equal(await noticeText(adminPage), 'The applicant is verified.', `the admin could not verify ${applicant.email}`);
  return { ctx, page };
}

/**
 * For a test file whose tests need the app, a browser and the admin signed in (on
 * `adminPage`, JavaScript off, to verify new members): registers the file's
 * `before` and `after` hooks and returns an object holding `app`, `browser` and
 * `adminPage` once they are ready.
 */
function withAdmin() {
  const { before, after } = require('node:test');
  const s = {};
  before(async () => {
    s.app = await startApp();
    s.browser = await launchBrowser();
    s.adminCtx = await newContext(s.browser, s.app, { js: false });
    s.adminPage = await s.adminCtx.newPage();
    await signIn(s.adminPage, s.app.admin.email, s.app.admin.password);
  });
  after(async () => {
    if (s.adminCtx) await s.adminCtx.close();
    if (s.browser) await s.browser.close();
    if (s.app) await s.app.stop();
  });
  return s;
}

module.exports = {
  ARTIFACTS,
  GOOD_PASSWORD,
  REPO,
  applicantCard,
  claimApplicant,
  assertNoScriptErrors,
  fieldErrorText,
  fillRegistration,
  launchBrowser,
  newApplicant,
  newContext,
  noticeText,
  sendApplication,
  signIn,
  startApp,
  submit,
  verifiedMember,
  waitForComposer,
  waitForHydration,
  watchPage,
  withAdmin,
};
