// What this file proves: a verified member searches past cases from the header's
// search box, in English and in Japanese, sees results with the thread title,
// category, author, date and a snippet whose matching words are marked, opens a
// result and lands on the post in its thread; then searches inside that thread.
// Once with JavaScript on (hydrated, no script errors) and once with it off.
// A held post is never among the results, and a post's markup stays text.

'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');

let app;
let browser;
let member;
const contexts = [];

const EN_TITLE = 'Vancomycin troughs in older adults';
const EN_BODY = 'We dose vancomycin by AUC now; troughs misled us in frail patients. <b>bold</b> stays text.';
const JA_TITLE = '高齢者の誤嚥性肺炎';
const JA_BODY = '誤嚥性肺炎の抗菌薬はアンピシリン・スルバクタムで開始し、嚥下評価を行っています。';
const HELD_BODY = 'Mrs. Eleanor Whitfield, born 14 March 1941, had vancomycin for MRSA.';

/** Starts a thread through the composer and returns the page's URL afterwards. */
async function startThread(page, title, body) {
  await page.goto('/new-topic');
  await page.selectOption('select[name=category]', 'internal-medicine');
  await page.fill('input[name=title]', title);
  await page.fill('input[name=tags]', 'antibiotics');
  await page.fill('#compose-body', body);
  await h.submit(page, /^Post$/, page.locator('form.composer'));
  return new URL(page.url());
}

/** Types `q` into the header's search box and presses Enter. */
async function searchFromHeader(page, q) {
  const box = page.locator('header form.header-search input[name=q]');
  await box.fill(q);
  await Promise.all([page.waitForURL((u) => u.pathname === '/search'), box.press('Enter')]);
}

/** Each result as { title, marks, meta }. */
function results(page) {
  return page.locator('ol.search-results li.search-hit').evaluateAll((hits) => hits.map((li) => ({
    title: li.querySelector('.hit-title').textContent,
    marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    meta: li.querySelector('.meta').textContent.replace(/\s+/g, ' ').trim(),
    when: li.querySelector('.meta time')?.getAttribute('title') || '',
    snippet: li.querySelector('.snippet').innerHTML,
  })));
}

before(async () => {
  app = await h.startApp();
  browser = await h.launchBrowser();
  const adminCtx = await h.newContext(browser, app);
  contexts.push(adminCtx);
  const adminPage = await adminCtx.newPage();
  await h.signIn(adminPage, app.admin.email, app.admin.password);
  member = h.newApplicant('searcher');
  const { ctx, page } = await h.verifiedMember(browser, app, adminPage, member);
  contexts.push(ctx);
  const en = await startThread(page, EN_TITLE, EN_BODY);
  assert.match(en.pathname, /^\/t\/\d+$/, 'the English case is published');
  const ja = await startThread(page, JA_TITLE, JA_BODY);
  assert.match(ja.pathname, /^\/t\/\d+$/, 'the Japanese case is published');
  const held = await startThread(page, 'Held vancomycin case', HELD_BODY);
  assert.match(held.pathname, /^\/p\/\d+$/, 'the case naming a patient is held');
});

after(async () => {
  for (const ctx of contexts) await ctx.close();
  if (browser) await browser.close();
  if (app) await app.stop();
});

for (const js of [true, false]) {
  const mode = js ? 'with JavaScript on' : 'with JavaScript off';

  describe(`Searching past cases ${mode}`, () => {
    it('finds English and Japanese cases from the header, marks the words, and opens the post', async () => {
      const ctx = await h.newContext(browser, app, { js });
      contexts.push(ctx);
      const page = await ctx.newPage();
      const problems = h.watchPage(page);
      await h.signIn(page, member.email, member.password);
      await page.goto('/');
      if (js) await h.waitForHydration(page);

      await searchFromHeader(page, 'vancomycin');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Search');
      assert.equal(await page.locator('form.search-form.page input[name=q]').inputValue(), 'vancomycin');
      assert.equal((await page.locator('p.search-count').textContent()).trim(), '1 result', 'the held case is not found');
      let hits = await results(page);
      assert.equal(hits[0].title, EN_TITLE);
      assert.deepEqual(hits[0].marks, ['Vancomycin', 'vancomycin']);
      assert.match(hits[0].meta, new RegExp(`^Internal medicine · ${member.display_name} · (just now|\\d+ minutes? ago|たった今|\\d+分前)$`));
      assert.match(hits[0].when, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} [A-Z]+$/, 'the exact time on hover');
      assert.ok(hits[0].snippet.includes('&lt;b&gt;bold&lt;/b&gt;'), `markup in a post stays text: ${hits[0].snippet}`);

      await searchFromHeader(page, '誤嚥性肺炎');
      hits = await results(page);
      assert.equal(hits.length, 1);
      assert.deepEqual(hits[0].marks, ['誤嚥性肺炎', '誤嚥性肺炎']);

      // Sorting by date is offered; the choice survives the reload.
      await page.selectOption('form.search-form.page select[name=order]', 'latest');
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('order') === 'latest'),
        page.locator('form.search-form.page button[type=submit]').click(),
      ]);
      assert.equal(await page.locator('form.search-form.page select[name=order]').inputValue(), 'latest');

      // Opening the result lands on the post in its thread.
      await Promise.all([
        page.waitForURL((u) => /^\/t\/\d+$/.test(u.pathname)),
        page.locator('li.search-hit a.hit-title').first().click(),
      ]);
      await page.locator('h1', { hasText: JA_TITLE }).waitFor();
      assert.match(new URL(page.url()).hash, /^#post-\d+$/);

      // Search inside this thread.
      const inThread = page.locator('form.thread-search input[name=q]');
      await inThread.fill('抗菌薬');
      await Promise.all([page.waitForURL((u) => u.pathname === '/search'), inThread.press('Enter')]);
      assert.match((await page.locator('p.search-scope').textContent()), /In the thread “高齢者の誤嚥性肺炎”/);
      hits = await results(page);
      assert.deepEqual(hits.map((x) => x.title), [JA_TITLE]);

      // A malformed query is explained, and what was typed stays in the box.
      await searchFromHeader(page, 'vancomycin before:2025-13-01');
      assert.match(await page.locator('p.error[role=alert]').textContent(), /before: needs a date written as YYYY-MM-DD/);
      assert.equal(await page.locator('form.search-form.page input[name=q]').inputValue(), 'vancomycin before:2025-13-01');

      if (js) h.assertNoScriptErrors(problems);
    });
  });
}

describe('Searching in Japanese', () => {
  it('labels the page and the results in Japanese', async () => {
    const ctx = await h.newContext(browser, app, { js: true });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await h.signIn(page, member.email, member.password);
    await page.goto('/search?q=%E8%AA%A4%E5%9A%A5');
    await h.submit(page, '日本語', page.locator('form.lang-switch'));
    assert.equal(new URL(page.url()).pathname, '/search');
    assert.equal((await page.locator('h1').textContent()).trim(), '検索');
    assert.equal((await page.locator('p.search-count').textContent()).trim(), '1件');
    assert.deepEqual((await results(page))[0].marks, ['誤嚥', '誤嚥']);
  });
});
