// What this file proves: questions and answers work as members use them.
// - The author (JavaScript off, English) starts a thread as a question; a colleague
//   (JavaScript on, Japanese, phone) replies; the author marks the reply as the answer
//   and lands on it; the answer shows under the question.
// - The colleague sees 解決済み and the answer under the question, and finds the
//   thread with `status:solved`, the answer marked ✓ 回答 in the results.

'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

describe('Questions and answers', () => {
  it('are asked, answered, marked and found, with JavaScript off and on, in English and Japanese', async () => {
    const author = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('asker'), { js: false });
    const colleague = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('answerer'), {
      js: true,
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
    });
    try {
      const a = await author.ctx.newPage();
      await a.goto('/new-topic');
      await a.selectOption('#compose-category', { index: 1 });
      await a.fill('#compose-title', 'Which laxative for opioid constipation?');
      await a.fill('#compose-body', 'Senna is not enough for several of our palliative patients. What works next?');
      await a.check('#compose-question');
      await h.submit(a, 'Post');
      const threadPath = new URL(a.url()).pathname;
      assert.match(threadPath, /^\/t\/\d+$/);
      assert.equal(await a.locator('.thread-head .badge', { hasText: 'Unsolved' }).count(), 1);

      // The colleague replies with JavaScript on, in Japanese.
      const c = await colleague.ctx.newPage();
      const problems = h.watchPage(c);
      await c.goto(threadPath);
      await h.waitForComposer(c);
      await c.fill('#compose-body', 'ナルデメジンが有効でした。まず酸化マグネシウムから。');
      await Promise.all([
        c.waitForURL(/#post-\d+$/),
        c.locator('form.composer button[type=submit]', { hasText: '返信する' }).click(),
      ]);
      const replyId = new URL(c.url()).hash.replace('#post-', '');

      // The author marks it as the answer and lands on it.
      await a.goto(threadPath);
      await h.submit(a, 'Mark as the answer', a.locator(`#post-${replyId}`));
      assert.equal(new URL(a.url()).hash, `#post-${replyId}`);
      const box = a.locator('section.answer-box');
      assert.match(await box.textContent(), /ナルデメジンが有効でした/);
      assert.equal(await a.locator(`#post-${replyId} .answer-mark .badge`).textContent(), '✓ Answer');
      assert.equal(await a.locator('.thread-head .badge.ok').textContent(), '✓ Solved');

      // The colleague sees it solved, and finds it by its status.
      await c.goto(threadPath);
      await h.waitForHydration(c);
      assert.equal(await c.locator('.thread-head .badge.ok').textContent(), '✓ 解決済み');
      assert.match(await c.locator('section.answer-box h2').textContent(), /回答/);
      assert.equal(await c.locator('.answer-mark button').count(), 0, 'only the asker and moderators choose');
      const q = c.locator('header form.header-search input[name=q]');
      await q.fill('status:solved ナルデメジン');
      await Promise.all([c.waitForURL((u) => u.pathname === '/search'), q.press('Enter')]);
      const hit = c.locator(`li.search-hit#hit-${replyId}`);
      await hit.waitFor();
      assert.equal((await hit.locator('.badge.ok').textContent()).trim(), '✓ 回答');
      h.assertNoScriptErrors(problems);
    } finally {
      await author.ctx.close();
      await colleague.ctx.close();
    }
  });
});
