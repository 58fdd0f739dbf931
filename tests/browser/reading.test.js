// What this file proves: reading and following work as members use them.
// - With JavaScript off, in English: a colleague's new thread is on /new with a "New"
//   mark; opening it (the page's <noscript> image) takes it off; choosing "Watching"
//   on the thread (a plain form) brings a notification of the next reply.
// - With JavaScript on, in Japanese on a phone: a member who tracks a long thread
//   sees the posts above the fold marked read and the rest counted unread (未読 N),
//   "jump to the first unread" lands on one, and scrolling to the end clears it.

'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

const LONG = 'Night-time agitation on the ward settled once we cut the 2 a.m. checks to one, '
  + 'dimmed the corridor lights and kept the same nurse on the bay where we could. '
  + 'Families brought in familiar blankets and a radio. Haloperidol use fell by half over the month. ';

describe('Reading and following', () => {
  it('marks new and unread threads with JavaScript off and on, in English and Japanese', async () => {
    const authorA = h.newApplicant('author');
    const enA = h.newApplicant('nurse');
    const jaA = h.newApplicant('kango');
    const author = await h.verifiedMember(s.browser, s.app, s.adminPage, authorA, { js: false });
    const en = await h.verifiedMember(s.browser, s.app, s.adminPage, enA, { js: false });
    const ja = await h.verifiedMember(s.browser, s.app, s.adminPage, jaA, { js: true, locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    try {
      // The author starts a long thread: an opening post and seven replies.
      const a = await author.ctx.newPage();
      await a.goto('/new-topic');
      await a.selectOption('#compose-category', { index: 1 });
      await a.fill('#compose-title', 'Quieter nights on a dementia ward');
      await a.fill('#compose-body', LONG.repeat(2));
      await h.submit(a, 'Post');
      const threadPath = new URL(a.url()).pathname;
      assert.match(threadPath, /^\/t\/\d+$/);
      for (let n = 1; n <= 7; n += 1) {
        await a.goto(threadPath);
        await a.fill('#compose-body', `Week ${n}: ${LONG.repeat(2)}`);
        await h.submit(a, 'Reply');
      }

      // JavaScript off, English: new, then opened, then no longer new.
      const e = await en.ctx.newPage();
      await e.goto('/new');
      const row = e.locator('li.thread-row', { hasText: 'Quieter nights on a dementia ward' });
      assert.equal(await row.locator('.badge.new').textContent(), 'New');
      await Promise.all([e.waitForNavigation(), row.locator('a.thread-title').click()]);
      assert.equal(new URL(e.url()).pathname, threadPath);
      await e.waitForLoadState('load');
      await e.goto('/new');
      assert.equal(await e.locator('li.thread-row', { hasText: 'Quieter nights on a dementia ward' }).count(), 0, 'opened: not new');
      // Watching, through the form; the next reply is a notification.
      await e.goto(threadPath);
      await e.selectOption('#level-thread', 'watch');
      await h.submit(e, 'Save', e.locator('form.level-form'));
      assert.equal(await h.noticeText(e), 'Notification level saved.');
      assert.equal(await e.locator('#level-thread').inputValue(), 'watch');
      await a.goto(threadPath);
      await a.fill('#compose-body', 'Week 8: we kept it going.');
      await h.submit(a, 'Reply');
      await e.goto('/notifications');
      assert.match(await e.locator('main').textContent(), new RegExp(`${authorA.display_name} posted in “Quieter nights on a dementia ward”`));

      // JavaScript on, Japanese, a phone: track the thread, read the top only.
      const j = await ja.ctx.newPage();
      const problems = h.watchPage(j);
      await j.goto(threadPath);
      await h.waitForHydration(j);
      await j.selectOption('#level-thread', 'track');
      await Promise.all([j.waitForURL(threadPath), j.locator('form.level-form button[type=submit]').click()]);
      await h.waitForHydration(j);
      // The tracker marks what scrolled into view after a pause; wait for its call.
      await j.waitForTimeout(2_000);
      await j.goto('/unread');
      await h.waitForHydration(j);
      const jrow = j.locator('li.thread-row', { hasText: 'Quieter nights on a dementia ward' });
      const badge = jrow.locator('a.badge.unread');
      const text = (await badge.textContent()).trim();
      const m = /^未読 (\d+)$/.exec(text);
      assert.ok(m, `an unread count in Japanese, not ${text}`);
      const unread = Number(m[1]);
      assert.ok(unread >= 3 && unread < 9, `only what was not on screen is unread (${unread} of 9)`);
      fs.mkdirSync(h.ARTIFACTS, { recursive: true });
      await j.screenshot({ path: path.join(h.ARTIFACTS, 'reading-unread-ja-phone.png'), fullPage: true });
      // Jump to the first unread post, then scroll to the end.
      await Promise.all([j.waitForURL(/#post-\d+$/), badge.click()]);
      await h.waitForHydration(j);
      const first = new URL(j.url()).hash.replace('#post-', '');
      assert.ok(await j.locator(`#post-${first}`).isVisible());
      await j.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await j.waitForTimeout(2_000);
      await j.goto('/unread');
      assert.equal(await j.locator('li.thread-row', { hasText: 'Quieter nights on a dementia ward' }).count(), 0, 'read to the end');
      assert.match(await j.locator('main').textContent(), /未読はありません/);
      h.assertNoScriptErrors(problems);
    } finally {
      await author.ctx.close();
      await en.ctx.close();
      await ja.ctx.close();
    }
  });
});
