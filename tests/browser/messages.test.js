// What this file proves: direct messages work as members use them, and stay private.
// - JavaScript off, English: from a colleague's profile, "Send a message" opens the
//   form with the "To" field filled in; an unknown name is refused with the text
//   kept; sent, the conversation opens with its private note.
// - JavaScript on, Japanese, phone: the header's メッセージ link lists it with 未読 1;
//   the colleague reads it and replies with the composer; left open five minutes,
//   the reply's たった今 ("just now") reads 5分前.
// - Back with JavaScript off: the writer is notified of the reply and finds it by
//   searching their own messages; a third member gets 404 for the conversation and
//   does not find it in the forum's search, until the writer adds them to it.

'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

describe('Direct messages', () => {
  it('reach only the people written to, in English without JavaScript and in Japanese on a phone', async () => {
    const readerApplicant = h.newApplicant('reader');
    const reader = await h.verifiedMember(s.browser, s.app, s.adminPage, readerApplicant, {
      js: true,
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
    });
    const writer = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('writer'), { js: false });
    const outsiderApplicant = h.newApplicant('outsider');
    const outsider = await h.verifiedMember(s.browser, s.app, s.adminPage, outsiderApplicant, { js: false });
    try {
      // Writer, JavaScript off: from the profile to the form, a refusal, then sent.
      const w = await writer.ctx.newPage();
      await w.goto(`/u/${encodeURIComponent(readerApplicant.display_name)}`);
      await Promise.all([w.waitForURL(/\/messages\/new\?to=/), w.locator('a', { hasText: 'Send a message' }).click()]);
      assert.equal(await w.inputValue('#compose-to'), readerApplicant.display_name);
      await w.fill('#compose-to', 'Nobody Here');
      await w.fill('#compose-title', 'Sepsis bundle audit');
      await w.fill('#compose-body', 'Could you share the lactate repeat times from your audit? Ours slip at night.');
      await h.submit(w, 'Send');
      assert.match(await h.fieldErrorText(w), /No verified member is called “Nobody Here”/);
      assert.equal(await w.inputValue('#compose-body'), 'Could you share the lactate repeat times from your audit? Ours slip at night.');
      await w.fill('#compose-to', readerApplicant.display_name);
      await h.submit(w, 'Send');
      const threadPath = new URL(w.url()).pathname;
      assert.match(threadPath, /^\/t\/\d+$/);
      assert.match(await w.locator('.thread-head').textContent(), /A private conversation: only the people in it can read it\./);

      // Reader, JavaScript on, Japanese, phone.
      const r = reader.page;
      const problems = h.watchPage(r);
      await r.goto('/');
      await h.waitForHydration(r);
      await r.locator('header a', { hasText: 'メッセージ' }).click();
      await r.waitForURL((u) => u.pathname === '/messages');
      const row = r.locator('li.conversation', { hasText: 'Sepsis bundle audit' });
      await row.waitFor();
      assert.match(await row.textContent(), /未読 1/);
      await row.locator('a.unread').click();
      await r.waitForURL(/\/t\/\d+/);
      await h.waitForHydration(r);
      assert.match(await r.locator('.post-body').first().textContent(), /lactate repeat times/);
      assert.match(await r.locator('.thread-head').textContent(), /非公開の会話です/);
      await r.screenshot({ path: path.join(h.ARTIFACTS, 'messages-ja-phone.png'), fullPage: true });
      await h.waitForComposer(r);
      await r.fill('#compose-body', '夜間は2回目の乳酸値が平均40分遅れていました。');
      await Promise.all([r.waitForURL(/\/t\/\d+/), r.locator('button[type=submit]', { hasText: '返信する' }).click()]);
      await r.locator('.post-body', { hasText: '平均40分遅れていました' }).waitFor();
      h.assertNoScriptErrors(problems);

      // A page left open says again how long ago things were: "just now" moves on.
      const later = await reader.ctx.newPage();
      await later.clock.install();
      await later.goto(new URL(r.url()).pathname);
      await h.waitForHydration(later);
      const when = later.locator('li.post time').last();
      assert.equal((await when.textContent()).trim(), 'たった今');
      await later.clock.fastForward('05:00');
      await assert.doesNotReject(
        later.waitForFunction(() => [...document.querySelectorAll('li.post time')].pop().textContent.trim() === '5分前', null, { timeout: 5000 }),
        'the relative time should read 5分前 five minutes later',
      );
      await later.close();

      // Writer again: notified, and the reply is found in their own messages.
      await w.goto('/notifications');
      assert.match(await w.locator('main').textContent(), new RegExp(`${readerApplicant.display_name} wrote to you: “Sepsis bundle audit”`));
      await w.goto('/messages?q=' + encodeURIComponent('乳酸値'));
      assert.match(await w.locator('.message-hits').textContent(), /平均40分遅れていました/);

      // Nobody else: the conversation is not there for the outsider, nor in search.
      const o = await outsider.ctx.newPage();
      const res = await o.goto(threadPath);
      assert.equal(res.status(), 404);
      await o.goto('/search?q=lactate');
      assert.doesNotMatch(await o.locator('main').textContent(), /Sepsis bundle audit/);
      await o.goto('/messages');
      assert.doesNotMatch(await o.locator('main').textContent(), /Sepsis bundle audit/);

      // Until a participant adds them (JavaScript off): then they read it from the start.
      await w.goto(threadPath);
      await w.fill('#participants-name', outsiderApplicant.display_name);
      await h.submit(w, 'Add');
      assert.equal(await h.noticeText(w), 'Added to the conversation.');
      const again = await o.goto(threadPath);
      assert.equal(again.status(), 200);
      assert.match(await o.locator('main').textContent(), /lactate repeat times/);
    } finally {
      await reader.ctx.close();
      await writer.ctx.close();
      await outsider.ctx.close();
    }
  });
});
