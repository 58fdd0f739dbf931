// What this file proves, in a real browser, in English with JavaScript off and in
// Japanese with JavaScript on: a member downloads their data from /profile (a ZIP
// with their account and posts), then deletes their account keeping their posts
// (a wrong password is refused first, with the choice kept): they leave signed out
// with a notice, cannot sign in again, and their post stays under "former member".

'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const { Client } = require('./lib/http.js');

const TEXT = {
  en: {
    download: 'Download my data', delete: 'Delete my account', keep: 'Keep them in their threads under “Former member”',
    wrong: 'This is not your current password.', deleted: 'Your account is deleted. Thank you for taking part in Rounds.', former: 'Former member',
  },
  ja: {
    download: 'データをダウンロード', delete: 'アカウントを削除', keep: '「退会した会員」の名前でスレッドに残す',
    wrong: '現在のパスワードが正しくありません。', deleted: 'アカウントを削除しました。Rounds へのご参加ありがとうございました。', former: '退会した会員',
  },
};
const LOCALE = { en: 'en-US', ja: 'ja-JP' };

let app;
let browser;

before(async () => {
  app = await h.startApp();
  browser = await h.launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (app) await app.stop();
});

for (const run of [{ lang: 'en', js: false }, { lang: 'ja', js: true }]) {
  describe(`Own data in ${run.lang.toUpperCase()} with JavaScript ${run.js ? 'on' : 'off'}`, () => {
    it('downloads the export, then deletes the account keeping its posts', async () => {
      const adminCtx = await h.newContext(browser, app, { js: false });
      let memberCtx;
      try {
        const admin = await adminCtx.newPage();
        await h.signIn(admin, app.admin.email, app.admin.password);
        const applicant = h.newApplicant(`data${run.lang}`);
        const made = await h.verifiedMember(browser, app, admin, applicant, { js: run.js, locale: LOCALE[run.lang] });
        memberCtx = made.ctx;
        const page = made.page;
        const problems = h.watchPage(page);
        const t = TEXT[run.lang];
        const http = await Client.fromContext(memberCtx, app.baseURL);
        const res = await http.post('/new-topic', { category: 'internal-medicine', title: `Melatonin for delirium ${run.lang}`, tags: '', body: 'We give melatonin 2 mg at 21:00; does anyone start earlier?' });
        assert.equal(res.status, 303);
        const thread = res.location.split('#')[0];

        // The export downloads as a ZIP.
        await page.goto('/profile');
        if (run.js) await h.waitForHydration(page);
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t.download }).click()]);
        assert.match(download.suggestedFilename(), /^rounds-export-\d+-\d{4}-\d{2}-\d{2}\.zip$/);
        const file = path.join(h.ARTIFACTS, `export-${run.lang}.zip`);
        await download.saveAs(file);
        const bytes = fs.readFileSync(file);
        assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP archive');
        assert.ok(bytes.length > 500, `${bytes.length} bytes`);

        // A wrong password is refused, the choice kept; the right one deletes.
        const card = page.locator('#delete');
        await card.getByLabel(t.keep).check();
        await page.fill('#delete-password', 'not-my-password-at-all');
        await h.submit(page, t.delete, card);
        assert.equal(await h.fieldErrorText(page.locator('#delete')), t.wrong);
        assert.ok(await page.locator('#delete-posts-keep').isChecked(), 'the choice is kept');
        await page.fill('#delete-password', applicant.password);
        await h.submit(page, t.delete, page.locator('#delete'));
        assert.equal(new URL(page.url()).pathname, '/');
        assert.equal(await h.noticeText(page), t.deleted);
        await page.screenshot({ path: path.join(h.ARTIFACTS, `deleted-${run.lang}-${run.js ? 'js' : 'nojs'}.png`), fullPage: true });

        // Nobody signs in to it; the post stays under "former member".
        await page.goto('/login');
        await page.fill('#login-email', applicant.email);
        await page.fill('#login-password', applicant.password);
        await Promise.all([page.waitForNavigation(), page.click('main form[action="/login"] button[type=submit]')]);
        assert.equal(new URL(page.url()).pathname, '/login');
        await admin.goto(thread);
        const author = (await admin.locator('.post-head .author').first().textContent()).trim();
        assert.equal(author, TEXT.en.former, 'the admin reads English pages');

        if (run.js) h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await adminCtx.close();
        if (memberCtx) await memberCtx.close();
      }
    });
  });
}
