// What this file proves: "helpful" marks work as members use them.
// - A colleague with JavaScript on, in Japanese on a phone, presses 参考になった under a
//   post: the page comes back at the post, the button shows it is pressed, and the
//   count names them when tapped; pressing again takes it back.
// - A colleague with JavaScript off, in English, marks the same post.
// - The author sees the count and who marked it, and has no button on their own post.

'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

describe('Helpful marks', () => {
  it('are given and taken back with JavaScript on and off, in Japanese and English', async () => {
    const authorA = h.newApplicant('author');
    const jaA = h.newApplicant('kango');
    const enA = h.newApplicant('nurse');
    const author = await h.verifiedMember(s.browser, s.app, s.adminPage, authorA, { js: false });
    const ja = await h.verifiedMember(s.browser, s.app, s.adminPage, jaA, { js: true, locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    const en = await h.verifiedMember(s.browser, s.app, s.adminPage, enA, { js: false });
    try {
      // The author starts a thread.
      const a = await author.ctx.newPage();
      await a.goto('/new-topic');
      await a.selectOption('#compose-category', { index: 1 });
      await a.fill('#compose-title', 'Melatonin for delirium prevention');
      await a.fill('#compose-body', 'We started melatonin 2 mg at night for over-75s on the ward. Fewer night calls since.');
      await h.submit(a, 'Post');
      const threadPath = new URL(a.url()).pathname;
      assert.match(threadPath, /^\/t\/\d+$/);
      const postId = (await a.locator('li.post').first().getAttribute('id')).replace('post-', '');
      assert.equal(await a.locator('.helpful-button').count(), 0, 'no button on one\'s own post');

      // With JavaScript, in Japanese: press, see it pressed, see who.
      const j = await ja.ctx.newPage();
      const problems = h.watchPage(j);
      await j.goto(threadPath);
      await h.waitForHydration(j);
      const button = j.locator(`#post-${postId} .helpful-button`);
      assert.equal(await button.getAttribute('aria-pressed'), 'false');
      await Promise.all([j.waitForURL(new RegExp(`${threadPath}#post-${postId}$`)), button.click()]);
      await h.waitForHydration(j);
      assert.equal(await j.locator(`#post-${postId} .helpful-button`).getAttribute('aria-pressed'), 'true');
      assert.equal((await j.locator(`#post-${postId} .helpful-button`).textContent()).trim(), '♥ 参考になった（済）');
      const who = j.locator(`#post-${postId} details.helpful-who`);
      assert.equal((await who.locator('summary').textContent()).trim(), '1人が参考になったと評価');
      assert.equal(await who.locator('li').isVisible(), false, 'closed until tapped');
      await who.locator('summary').click();
      assert.deepEqual(await who.locator('li').allTextContents(), [jaA.display_name]);

      // Without JavaScript, in English: press.
      const e = await en.ctx.newPage();
      await e.goto(threadPath);
      await h.submit(e, 'Helpful', e.locator(`#post-${postId}`));
      assert.equal(new URL(e.url()).pathname, threadPath);
      assert.equal(await e.locator(`#post-${postId} .helpful-button`).getAttribute('aria-pressed'), 'true');
      assert.equal((await e.locator(`#post-${postId} details.helpful-who summary`).textContent()).trim(), '2 found this helpful');

      // The author sees both names; with JavaScript the Japanese colleague takes theirs back.
      await a.goto(threadPath);
      await a.locator(`#post-${postId} details.helpful-who summary`).click();
      assert.deepEqual(await a.locator(`#post-${postId} details.helpful-who li`).allTextContents(), [jaA.display_name, enA.display_name]);
      await Promise.all([j.waitForURL(new RegExp(`${threadPath}#post-${postId}$`)), j.locator(`#post-${postId} .helpful-button`).click()]);
      await j.waitForFunction((id) => document.querySelector(`#post-${id} .helpful-button`)?.getAttribute('aria-pressed') === 'false', postId);
      assert.equal((await j.locator(`#post-${postId} details.helpful-who summary`).textContent()).trim(), '1人が参考になったと評価');
      h.assertNoScriptErrors(problems);
    } finally {
      await author.ctx.close();
      await ja.ctx.close();
      await en.ctx.close();
    }
  });
});
