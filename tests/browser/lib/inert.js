// Tools for the XSS tests: the trap installed in every page before its own
// scripts run, the in-page inspection of what the browser built from the app's
// HTML, and a "visitor" that opens pages, pokes at what they show and reports
// anything that ran, navigated away, or looks executable.

'use strict';

/**
 * Runs in every page and frame before the page's own scripts (JS on only).
 * Replaces the dialog functions with recorders, records script errors and CSP
 * violations, notes when the app has hydrated (the leptos router puts its
 * `click` listener on `window` when it starts) and offers `__settled()`.
 */
function trap() {
  const hits = [];
  Object.defineProperty(window, '__xss', { value: hits, configurable: false });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const recorder = function (...args) {
      hits.push(`${name}(${args.map((a) => String(a)).join(', ')}) in ${location.href}`);
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
    Object.defineProperty(window, name, { value: recorder, writable: false, configurable: false });
  }
  window.addEventListener('securitypolicyviolation', (e) => hits.push(`CSP ${e.violatedDirective} blocked ${e.blockedURI}`));
  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) hits.push(`script error: ${e.message}`);
  }, true);
  window.addEventListener('unhandledrejection', (e) => hits.push(`unhandled rejection: ${e.reason}`));
  // `__settled()` is true once the page is hydrated, its composer (if any) has
  // settled (see waitForComposer in app.js) and nothing has changed for 100 ms:
  // after hydration the app swaps a page with a composer for "Loading…" and back.
  window.__changed = performance.now();
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(() => { window.__changed = performance.now(); })
      .observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  });
  window.__settled = () => {
    if (window.__hydrated !== true || performance.now() - window.__changed < 100) return false;
    if (!document.querySelector('form.composer')) return true;
    return (
      performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === '/api/composer_lists') &&
      document.querySelector('form.composer div.live-check') !== null &&
      ![...document.querySelectorAll('main p')].some((p) => ['Loading…', '読み込み中…'].includes(p.textContent.trim()))
    );
  };
  if (window === window.top) {
    const add = window.addEventListener;
    window.addEventListener = function (type, ...rest) {
      if (type === 'click') window.__hydrated = true;
      return add.call(this, type, ...rest);
    };
  }
}

/**
 * Fires the events payloads wait for (hover, click, focus, load/error, …) at every
 * element inside the places that show user text, with clicks and submits kept from
 * leaving the page. Synthetic events run inline handlers exactly like real ones.
 */
function poke(selector) {
  const stop = (e) => e.preventDefault();
  const kinds = ['click', 'submit', 'auxclick'];
  for (const k of kinds) window.addEventListener(k, stop, true);
  const types = [
    'mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'mouseout', 'mouseleave', 'click', 'dblclick',
    'contextmenu', 'pointerover', 'pointerenter', 'pointerdown', 'pointerup', 'focus', 'focusin', 'blur', 'focusout',
    'keydown', 'keypress', 'keyup', 'input', 'change', 'select', 'load', 'error', 'scroll', 'wheel', 'copy', 'paste',
    'drag', 'dragstart', 'drop', 'animationstart', 'animationend', 'transitionend', 'toggle', 'begin', 'end',
  ];
  let n = 0;
  try {
    for (const root of document.querySelectorAll(selector)) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        n += 1;
        for (const t of types) el.dispatchEvent(new Event(t, { bubbles: true, cancelable: true }));
        if (typeof el.focus === 'function') el.focus();
      }
    }
  } finally {
    for (const k of kinds) window.removeEventListener(k, stop, true);
  }
  return n;
}

/**
 * Inspects the document (or, with `html`, a fragment parsed inertly from that
 * string) for anything executable: scripts the app did not write (the app's carry
 * the page's nonce), frames, objects, `<base>`, `<meta>` refreshes, foreign
 * stylesheets, inline event handlers, script-bearing URLs in any URL attribute,
 * and form controls or SVG/MathML inside user content. Also compares texts:
 * `texts` is [[selector, expected, stripSelector?]] and each element the selector
 * finds must have exactly that text (`stripSelector` removes decorations, such as
 * the kind labels after highlighted spans, before comparing); `values` does the
 * same for form fields' values; `htmls` is [[selector, servedHtml]] and the element's
 * markup must equal that HTML parsed on its own; `collect` lists selectors whose
 * texts are returned. Returns { problems, mismatches, checked, collected }.
 */
function inspect({ content, texts = [], values = [], htmls = [], collect = [], html = null }) {
  const problems = [];
  const say = (what, el) => problems.push(`${what}: ${el.outerHTML.slice(0, 200)}`);
  let root = document;
  if (html !== null) {
    const t = document.createElement('template');
    t.innerHTML = html;
    root = t.content;
  }
  const all = [...root.querySelectorAll('*')];
  const inContent = (el) => html !== null || (content && el.closest(content) !== null);

  if (html === null) {
    const scripts = [...document.querySelectorAll('script')];
    const nonce = scripts.length ? scripts[0].nonce : '';
    for (const s of scripts) if (!nonce || s.nonce !== nonce) say('script the app did not write', s);
    for (const el of document.querySelectorAll('meta')) {
      const ok = el.closest('head') && !el.hasAttribute('http-equiv') && (el.hasAttribute('charset') || ['viewport', 'referrer'].includes(el.getAttribute('name')));
      if (!ok) say('unexpected meta', el);
    }
    for (const el of document.querySelectorAll('link')) {
      const href = el.getAttribute('href') || '';
      if (!el.closest('head') || !(href.startsWith('/pkg/') || href === 'data:,')) say('unexpected link', el);
    }
    for (const f of document.querySelectorAll('form')) {
      if (!(f.getAttribute('action') || '').startsWith('/') || (content && f.closest(content))) say('unexpected form', f);
    }
  } else {
    for (const el of root.querySelectorAll('script, meta, link')) say('unexpected element', el);
  }
  // The app's own read beacon on a thread page (what records reading without
  // JavaScript): one <noscript> directly in the thread's <article>, outside user
  // content, holding exactly one image of /t/N/read?upto=M and nothing else.
  const BEACON = /^<img src="\/t\/\d+\/read\?upto=\d+" alt="" width="1" height="1" class="read-beacon">$/;
  const isBeacon = (el) => html === null && el.tagName === 'NOSCRIPT' && !inContent(el)
    && el.parentElement !== null && el.parentElement.matches('article.thread') && BEACON.test(el.innerHTML.trim());
  for (const el of root.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, portal, style, template, noscript, isindex, xml')) {
    if (!isBeacon(el)) say('forbidden element', el);
  }

  const URL_ATTRS = new Set([
    'href', 'src', 'action', 'formaction', 'data', 'srcset', 'background', 'poster', 'cite', 'longdesc', 'lowsrc',
    'dynsrc', 'ping', 'codebase', 'archive', 'manifest', 'profile', 'classid', 'usemap', 'icon', 'code', 'to', 'from',
    'values', 'by', 'xlink:href', 'xml:base', 'ns1:href', 'folder', 'datasrc', 'imagesrcset',
  ]);
  const dangerous = (raw) => {
    // What the browser would use: entities are decoded already; leading spaces and
    // control characters are ignored, tabs and newlines are removed anywhere.
    const v = raw.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').toLowerCase();
    return /(^|[\s,])(javascript|vbscript|livescript|mocha):/.test(v) || /^data:(?!,$)/.test(v) || v.includes('data:text/html');
  };
  for (const el of all) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) say(`inline handler ${name}`, el);
      else if (name === 'srcdoc') say('srcdoc', el);
      else if ((URL_ATTRS.has(name) || name.endsWith(':href')) && dangerous(a.value)) {
        // The app's own favicon is the only data: URL it writes.
        if (!(el.tagName === 'LINK' && a.value === 'data:,')) say(`script-bearing URL in ${name}`, el);
      } else if (name === 'style' && inContent(el) && /expression|javascript:|vbscript:|behavior|binding|url\s*\(/i.test(a.value)) {
        say('active style', el);
      } else if (name === 'attributename' && /^(href|xlink:href|on)/i.test(a.value)) {
        say('animation of a link or handler', el);
      }
    }
    if (inContent(el)) {
      const tag = el.tagName.toLowerCase();
      const checkbox = tag === 'input' && el.getAttribute('type') === 'checkbox' && el.hasAttribute('disabled');
      if (['form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'video', 'audio', 'source', 'track'].includes(tag) && !checkbox) {
        say('control or foreign content inside user content', el);
      }
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') say('non-HTML element inside user content', el);
    }
  }

  const mismatches = [];
  let checked = 0;
  const textOf = (el, strip) => {
    if (!strip) return el.textContent;
    const c = el.cloneNode(true);
    for (const d of c.querySelectorAll(strip)) d.remove();
    return c.textContent;
  };
  for (const [sel, expected, strip] of texts) {
    const els = [...root.querySelectorAll(sel)];
    if (!els.length) mismatches.push({ sel, expected, actual: '(no such element)' });
    for (const el of els) {
      checked += 1;
      const actual = textOf(el, strip);
      if (actual === expected) continue;
      mismatches.push({ sel, expected, actual });
    }
  }
  for (const [sel, expected] of values) {
    const els = [...root.querySelectorAll(sel)];
    if (!els.length) mismatches.push({ sel, expected, actual: '(no such field)' });
    for (const el of els) {
      checked += 1;
      if (el.value !== expected) mismatches.push({ sel, expected, actual: el.value });
    }
  }
  // The markup of user content must be what the browser makes of the HTML the
  // server sent for it, parsed on its own: nothing added or turned live on the way.
  for (const [sel, served] of htmls) {
    const el = root.querySelector(sel);
    const t = document.createElement('template');
    t.innerHTML = served;
    checked += 1;
    if (!el) mismatches.push({ sel, expected: t.innerHTML, actual: '(no such element)' });
    else if (el.innerHTML !== t.innerHTML) mismatches.push({ sel, expected: t.innerHTML, actual: el.innerHTML });
  }
  const collected = collect.map((sel) => [...root.querySelectorAll(sel)].map((el) => el.textContent));
  return { problems, mismatches, checked, collected };
}

/**
 * A browser context (JS on or off) that records everything an XSS test needs to
 * know: dialogs, trapped calls, page errors, console errors other than failed
 * resource loads, navigations after load, and requests to other hosts (which fail:
 * use a browser from `launchBrowser({ offline: true })`; some payloads load remote
 * scripts).
 */
async function visitor(h, browser, app, { js, client = null }) {
  const ctx = await h.newContext(browser, app, { js });
  const origin = new URL(app.baseURL).origin;
  const log = { dialogs: [], pageErrors: [], consoleErrors: [], navigations: [], blocked: [] };
  if (js) await ctx.addInitScript(trap);
  if (client) await ctx.addCookies(client.browserCookies());
  const page = await ctx.newPage();
  // The browser is launched offline (see launchBrowser): note what was attempted.
  page.on('requestfailed', (r) => { if (new URL(r.url()).origin !== origin) log.blocked.push(r.url()); });
  page.on('dialog', (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => log.pageErrors.push(String(e && e.stack ? e.stack : e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) log.consoleErrors.push(m.text());
  });
  let loaded = null;
  const marks = { dialogs: 0, pageErrors: 0, consoleErrors: 0, navigations: 0 };
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && loaded !== null && f.url() !== loaded) log.navigations.push(`${loaded} → ${f.url()}`);
  });

  return {
    ctx,
    page,
    log,
    /** Signs the context in as `c` (an http.js Client) instead. */
    async as(c) {
      await ctx.clearCookies();
      await ctx.addCookies(c.browserCookies());
    },
    /**
     * Looks at the page now shown (reached with `status`): waits for hydration with
     * JS on, pokes the user content, and returns what `inspect` found plus anything
     * that ran.
     */
    async check(url, status, { expect = 200, content = '.post-body, .held-text, .preview', texts = [], values = [], htmls = [], collect = [] } = {}) {
      const seen = { url, status, expectedStatus: expect, poked: 0, settled: true };
      if (js) {
        // Wait for hydration, unless something already went wrong (a trapped call,
        // or a failed hydration, which the trap records as an unhandled rejection).
        const state = await page
          .waitForFunction(() => (window.__settled() ? 'settled' : window.__xss.length > 0 && 'trapped'), null, { timeout: 15_000 })
          .then((handle) => handle.jsonValue(), () => 'timed out');
        seen.settled = state === 'settled';
        seen.poked = await page.evaluate(poke, content);
        // Let anything the pokes queued run before looking.
        await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => r()), 0)));
        seen.trapped = await page.evaluate(() => [...window.__xss]);
      }
      const found = await page.evaluate(inspect, { content, texts, values, htmls, collect });
      // What the browser reported while this page was shown.
      for (const k of ['dialogs', 'pageErrors', 'consoleErrors', 'navigations']) {
        seen[k] = log[k].slice(marks[k]);
        marks[k] = log[k].length;
      }
      return { ...seen, ...found };
    },
    /** Opens `url` and checks it (options as for `check`). */
    async visit(url, opts = {}) {
      loaded = null;
      const res = await page.goto(url);
      loaded = page.url();
      return this.check(url, res.status(), opts);
    },
    /** Submits a form with `button` and checks the page that comes back. */
    async submit(button, opts = {}) {
      loaded = null;
      const [res] = await Promise.all([page.waitForNavigation(), button.click()]);
      loaded = page.url();
      return this.check(page.url(), res.status(), opts);
    },
  };
}

module.exports = { inspect, poke, trap, visitor };
