// What this file proves: the pages of Rounds pass axe-core (WCAG 2.2 AA rules, through
// @axe-core/playwright) with no violation — signed out, as a member and as staff — in
// English and Japanese, on a desktop and a phone, with JavaScript on and off. Each
// violation is reported with its page, its rule and the elements it names.
// axe runs inside the page, so "JavaScript off" is checked as the server rendered the
// page with the app's own scripts blocked: the page a browser without JavaScript gets.

'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { AxeBuilder } = require('@axe-core/playwright');
const h = require('./lib/app.js');

const s = h.withAdmin();

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const RUNS = [
  { name: 'en desktop js', locale: 'en-US', viewport: DESKTOP, js: true },
  { name: 'en phone no-js', locale: 'en-US', viewport: PHONE, js: false },
  { name: 'ja phone js', locale: 'ja-JP', viewport: PHONE, js: true },
  { name: 'ja desktop no-js', locale: 'ja-JP', viewport: DESKTOP, js: false },
];

/** axe's violations on the page now, as one line each. */
async function violations(page, where, js) {
  if (js) await h.waitForHydration(page);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Checks `paths` with the cookies of `session` (a context, or null: signed out). */
async function check(run, session, paths, label) {
  const storageState = session ? await session.storageState() : undefined;
  const ctx = await s.browser.newContext({
    baseURL: s.app.baseURL, locale: run.locale, viewport: run.viewport, timezoneId: 'UTC', storageState,
  });
  ctx.setDefaultTimeout(20_000);
  if (!run.js) await ctx.route(/\/pkg\/.*\.(js|wasm)(\?.*)?$/, (r) => r.abort());
  const page = await ctx.newPage();
  const out = [];
  try {
    for (const path of paths) {
      await page.goto(path);
      out.push(...await violations(page, `${label} ${path}`, run.js));
    }
  } finally {
    await ctx.close();
  }
  return out;
}

describe('Accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('finds no violation on any page, in either language, on desktop and phone, with and without JavaScript', async () => {
    const authorA = h.newApplicant('author');
    const author = await h.verifiedMember(s.browser, s.app, s.adminPage, authorA, { js: false });
    const a = author.page;
    await a.goto('/new-topic');
    await a.selectOption('#compose-category', { index: 1 });
    await a.fill('#compose-title', 'Melatonin for delirium prevention');
    await a.fill('#compose-body', 'We started melatonin 2 mg at night for over-75s.\n\n| Dose | Nights |\n| --- | --- |\n| 2 mg | 14 |');
    await h.submit(a, 'Post');
    const threadPath = new URL(a.url()).pathname;
    await a.fill('#compose-body', 'Fewer night calls since, and no falls.');
    await h.submit(a, 'Reply');
    const postId = (await a.locator('li.post').first().getAttribute('id')).replace('post-', '');
    // A held reply: its page shows the author what was found.
    await a.goto(threadPath);
    await a.fill('#compose-body', 'Mrs. Eleanor Whitfield, born 14 March 1941, slept through.');
    await h.submit(a, 'Reply');
    const heldPath = new URL(a.url()).pathname;
    assert.match(heldPath, /^\/p\/\d+$/);
    // A conversation with the admin: the author's messages pages and the conversation.
    await a.goto('/messages/new');
    await a.fill('#compose-to', s.app.admin.name);
    await a.fill('#compose-title', 'Melatonin audit figures');
    await a.fill('#compose-body', 'Could the pharmacy pull the melatonin orders for the audit?');
    await h.submit(a, 'Send');
    const conversationPath = new URL(a.url()).pathname;
    assert.match(conversationPath, /^\/t\/\d+$/);

    const found = [];
    const pages = ['/', '/unread', '/new', '/c/nursing', '/new-topic', threadPath, `/p/${postId}/bookmark`,
      `/p/${postId}/report`, '/bookmarks', '/notifications', '/search?q=melatonin', '/profile',
      '/profile/notifications', '/profile/two-factor', `/u/${encodeURIComponent(authorA.display_name)}`];
    for (const run of RUNS) {
      found.push(...await check(run, null, ['/', '/login', '/register', '/forgot'], `${run.name} signed out`));
      const m = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('reader'), { locale: run.locale, js: false });
      found.push(...await check(run, m.ctx, pages, run.name));
      await m.ctx.close();
    }
    // The author's held post, in both languages' runs.
    for (const run of RUNS) {
      found.push(...await check(run, author.ctx, [heldPath, '/messages', '/messages?q=melatonin', '/messages/new', conversationPath], `${run.name} author`));
    }
    // Staff (the admin's session).
    found.push(...await check(RUNS[0], s.adminCtx, ['/mod/queue', '/mod/verification', '/mod/members', '/admin/users', '/admin/categories', '/admin/site-lists'], 'admin'));
    assert.deepEqual(found, [], `axe found:\n${found.join('\n')}`);
  });
});
