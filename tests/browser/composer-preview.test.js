// What this file proves: the composer's preview and formatting buttons work as a
// member uses them.
// - JavaScript off (English, desktop): "Preview" sends the form and the same page comes
//   back with the body rendered as readers will see it and everything typed kept;
//   "Post" then publishes it.
// - JavaScript on (Japanese, phone): the formatting buttons wrap the selection in
//   markdown; "プレビュー" shows the rendered body without leaving the page (one request
//   to the preview function, no form post); the open preview follows the text as the
//   member types; it can be closed; the post is then published.

'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

describe('The composer\'s preview and formatting buttons', () => {
  it('previews without JavaScript by posting the form, keeps what was typed, then posts', async () => {
    const { ctx } = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('previewer'), { js: false });
    try {
      const page = await ctx.newPage();
      const problems = h.watchPage(page);
      await page.goto('/new-topic');
      const body = '**Dose** by weight\n\n- first step\n- second step\n\n<b>raw</b>';
      await page.selectOption('#compose-category', { index: 1 });
      await page.fill('#compose-title', 'Weight-based dosing');
      await page.fill('#compose-body', body);
      assert.equal(await page.locator('.md-preview').count(), 0);
      // JavaScript is off: the toolbar needs it and is not there.
      assert.equal(await page.locator('.composer .toolbar').count(), 0);

      const res = await h.submit(page, 'Preview');
      assert.equal(res.status(), 200);
      const preview = page.locator('section.md-preview');
      assert.equal((await preview.locator('h3').textContent()).trim(), 'Preview: how readers will see it');
      assert.equal(await preview.locator('.post-body strong').textContent(), 'Dose');
      assert.deepEqual(await preview.locator('.post-body li').allTextContents(), ['first step', 'second step']);
      assert.equal(await preview.locator('.post-body b').count(), 0, 'raw HTML is not rendered');
      assert.match(await preview.locator('.post-body').textContent(), /<b>raw<\/b>/);
      fs.mkdirSync(h.ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(h.ARTIFACTS, 'composer-preview-en-nojs.png'), fullPage: true });
      // Everything typed is still there.
      assert.equal(await page.inputValue('#compose-body'), body);
      assert.equal(await page.inputValue('#compose-title'), 'Weight-based dosing');
      assert.notEqual(await page.inputValue('#compose-category'), '');

      await h.submit(page, 'Post');
      assert.match(new URL(page.url()).pathname, /^\/t\/\d+$/);
      assert.equal(await page.locator('.post-body strong', { hasText: 'Dose' }).count(), 1);
      h.assertNoScriptErrors(problems);
    } finally {
      await ctx.close();
    }
  });

  it('formats and previews in place with JavaScript, in Japanese on a phone', async () => {
    const { ctx } = await h.verifiedMember(s.browser, s.app, s.adminPage, h.newApplicant('formatter'), {
      js: true,
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
    });
    try {
      const page = await ctx.newPage();
      const problems = h.watchPage(page);
      await page.goto('/new-topic');
      await h.waitForComposer(page);
      const body = page.locator('#compose-body');
      await body.click();
      await body.pressSequentially('投与量を確認');

      // Select 投与量 and make it bold, then italicise nothing (an empty pair).
      await body.evaluate((el) => { el.focus(); el.setSelectionRange(0, 3); });
      await page.getByRole('button', { name: '太字' }).click();
      assert.equal(await body.inputValue(), '**投与量**を確認');
      const selected = await body.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
      assert.equal(selected, '投与量', 'the wrapped text stays selected');

      const posts = [];
      page.on('request', (r) => { if (r.method() === 'POST') posts.push(new URL(r.url()).pathname); });
      await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
      const preview = page.locator('section.md-preview');
      await preview.locator('.post-body strong').waitFor();
      assert.equal(await preview.locator('.post-body strong').textContent(), '投与量');
      assert.equal((await preview.locator('h3').textContent()).trim(), 'プレビュー（読む人にはこう表示されます）');
      assert.equal(new URL(page.url()).pathname, '/new-topic', 'the page stayed');
      assert.deepEqual(posts, ['/api/preview_post'], 'one request to the preview function, no form post');
      fs.mkdirSync(h.ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(h.ARTIFACTS, 'composer-preview-ja-phone-js.png'), fullPage: true });

      // The open preview follows the text: a list typed with the list button.
      await body.evaluate((el) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
      await body.press('Enter');
      await body.pressSequentially('一つ目');
      await page.getByRole('button', { name: '箇条書き' }).click();
      assert.equal(await body.inputValue(), '**投与量**を確認\n- 一つ目');
      await preview.locator('.post-body li', { hasText: '一つ目' }).waitFor();

      await page.getByRole('button', { name: 'プレビューを閉じる' }).click();
      assert.equal(await page.locator('section.md-preview').count(), 0);

      await page.selectOption('#compose-category', { index: 1 });
      await page.fill('#compose-title', '投与量の確認');
      await Promise.all([
        page.waitForURL(/\/t\/\d+/),
        page.locator('form.composer button[type=submit]', { hasText: '投稿する' }).click(),
      ]);
      assert.equal(await page.locator('.post-body strong', { hasText: '投与量' }).count(), 1);
      h.assertNoScriptErrors(problems);
    } finally {
      await ctx.close();
    }
  });
});
