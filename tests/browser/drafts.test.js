// What this file proves: drafts are kept on the server as members write.
// - With JavaScript on, in Japanese on a phone: a new thread half-written is saved a
//   few seconds after typing stops (the status line says so), and is all there again
//   after the page is closed and opened; posting it leaves an empty composer.
// - With JavaScript off, in English: "Save draft" under a reply keeps it, the thread
//   page brings it back, and "Discard draft" throws it away.

'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

describe('Drafts', () => {
  it('are saved as one types with JavaScript, and by a button without it', async () => {
    const jaA = h.newApplicant('kango');
    const enA = h.newApplicant('nurse');
    const ja = await h.verifiedMember(s.browser, s.app, s.adminPage, jaA, { js: true, locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    const en = await h.verifiedMember(s.browser, s.app, s.adminPage, enA, { js: false });
    try {
      const j = await ja.ctx.newPage();
      const problems = h.watchPage(j);
      await j.goto('/new-topic');
      await h.waitForComposer(j);
      await j.selectOption('#compose-category', { index: 2 });
      await j.fill('#compose-title', '夜間せん妄の予防');
      await j.fill('#compose-body', 'メラトニンを21時に2mg。まだ書きかけ');
      await j.waitForFunction(() => /下書きを保存しました/.test(document.querySelector('.draft-status')?.textContent || ''), null, { timeout: 15_000 });
      await j.close();
      const k = await ja.ctx.newPage();
      await k.goto('/new-topic');
      await h.waitForComposer(k);
      assert.equal(await k.inputValue('#compose-title'), '夜間せん妄の予防');
      assert.equal(await k.inputValue('#compose-body'), 'メラトニンを21時に2mg。まだ書きかけ');
      assert.notEqual(await k.inputValue('#compose-category'), '');
      await k.fill('#compose-body', 'メラトニンを21時に2mg。夜間の覚醒が減りました。');
      await Promise.all([k.waitForURL(/\/t\/\d+/), k.locator('form.composer button[type=submit]').first().click()]);
      const threadPath = new URL(k.url()).pathname;
      await k.goto('/new-topic');
      await h.waitForComposer(k);
      assert.equal(await k.inputValue('#compose-body'), '', 'posted: the draft went with it');
      h.assertNoScriptErrors(problems);

      // Without JavaScript, in English, under a reply.
      const e = await en.ctx.newPage();
      await e.goto(threadPath);
      await e.fill('#compose-body', 'We tried the same on our ward; half-written');
      await h.submit(e, 'Save draft', e.locator('form.composer'));
      assert.equal(new URL(e.url()).hash, '#reply');
      assert.match(await h.noticeText(e), /^Draft saved\. Only you can see it/);
      assert.equal(await e.inputValue('#compose-body'), 'We tried the same on our ward; half-written');
      await e.goto(threadPath);
      assert.equal(await e.inputValue('#compose-body'), 'We tried the same on our ward; half-written', 'restored on the thread');
      await h.submit(e, 'Discard draft', e.locator('form.composer'));
      assert.equal(await h.noticeText(e), 'Draft discarded.');
      assert.equal(await e.inputValue('#compose-body'), '');
    } finally {
      await ja.ctx.close();
      await en.ctx.close();
    }
  });
});
