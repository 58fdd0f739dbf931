// What this file proves: bookmarks work as members use them.
// - JavaScript off, English: "Bookmark" under a post opens its form; a note and a
//   reminder are saved; back on the post with a notice; /bookmarks lists it; a note
//   naming a patient is refused with the text kept.
// - JavaScript on, Japanese, phone: the header's ブックマーク link lists it; the
//   bookmark is changed and removed.

'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

describe('Bookmarks', () => {
  it('are kept with a note and a reminder, listed, changed and removed, with JavaScript off and on', async () => {
    const en = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('keeper'), { js: false });
    try {
      const p = await en.ctx.newPage();
      await p.goto('/new-topic');
      await p.selectOption('#compose-category', { index: 1 });
      await p.fill('#compose-title', 'Deprescribing checklist for care homes');
      await p.fill('#compose-body', 'Our checklist: indication, duration, falls risk, anticholinergic burden.');
      await h.submit(p, 'Post');
      const threadPath = new URL(p.url()).pathname;

      await Promise.all([p.waitForURL(/\/bookmark$/), p.locator('li.post footer a', { hasText: 'Bookmark' }).first().click()]);
      assert.equal((await p.locator('h1').textContent()).trim(), 'Bookmark this post');
      // A note naming a patient is refused, and what was typed stays.
      await p.fill('#bookmark-note', 'Like Mrs. Eleanor Whitfield, born 14 March 1941');
      await h.submit(p, 'Save bookmark');
      assert.match(await p.locator('.field-error').first().textContent(), /Keep patient details out of notes too/);
      assert.equal(await p.inputValue('#bookmark-note'), 'Like Mrs. Eleanor Whitfield, born 14 March 1941');

      await p.fill('#bookmark-note', 'Use at the next MDT');
      await p.selectOption('#bookmark-remind', '1d');
      await h.submit(p, 'Save bookmark');
      assert.equal(new URL(p.url()).pathname, threadPath);
      assert.equal(await h.noticeText(p), 'Bookmarked.');
      await p.goto('/bookmarks');
      const item = p.locator('li.bookmark').first();
      assert.match(await item.textContent(), /Deprescribing checklist for care homes/);
      assert.equal((await item.locator('.note').textContent()).trim(), 'Use at the next MDT');
      assert.match(await item.locator('.meta').textContent(), /Reminder: /);
    } finally {
      await en.ctx.close();
    }

    const ja = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('hozon'), {
      js: true,
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
    });
    try {
      const p = await ja.ctx.newPage();
      const problems = h.watchPage(p);
      await p.goto('/');
      await h.waitForHydration(p);
      await p.locator('a', { hasText: 'Deprescribing checklist for care homes' }).first().click();
      await p.waitForURL(/\/t\/\d+/);
      await p.locator('li.post footer a', { hasText: 'ブックマーク' }).first().click();
      await p.waitForURL(/\/bookmark$/);
      await p.locator('#bookmark-note').waitFor();
      await p.fill('#bookmark-note', '次回の勉強会で共有');
      await Promise.all([p.waitForURL(/\/t\/\d+/), p.locator('button[type=submit]', { hasText: 'ブックマークを保存' }).click()]);
      assert.equal(await h.noticeText(p), 'ブックマークしました。');
      await h.waitForHydration(p);
      await p.locator('header a', { hasText: 'ブックマーク' }).click();
      await p.waitForURL((u) => u.pathname === '/bookmarks');
      const item = p.locator('li.bookmark').first();
      await item.waitFor();
      assert.equal((await item.locator('.note').textContent()).trim(), '次回の勉強会で共有');
      assert.equal(await item.locator('.meta').textContent().then((t) => t.includes('リマインド')), false, 'no reminder set');

      // Removed from its form.
      await item.locator('a', { hasText: 'ブックマーク済み' }).click();
      await p.waitForURL(/\/bookmark$/);
      await Promise.all([p.waitForURL(/\/t\/\d+/), p.locator('button[type=submit]', { hasText: 'ブックマークを外す' }).click()]);
      assert.equal(await h.noticeText(p), 'ブックマークを外しました。');
      await p.goto('/bookmarks');
      assert.match(await p.locator('p.empty').textContent(), /ブックマークはまだありません/);
      h.assertNoScriptErrors(problems);
    } finally {
      await ja.ctx.close();
    }
  });
});
