// What this file proves, in a real browser, in English with JavaScript off and in
// Japanese with JavaScript on:
// - a member opens two-factor sign-in from their profile, sees the QR code drawn on
//   the server and the key to type, is refused a wrong code with a message, and
//   with the app's code gets ten recovery codes, shown once;
// - signing in again asks for a code after the password, and the app's code (or a
//   recovery code) finishes the sign-in;
// - staff sign in with a code too: the harness's admin does so in every test.

'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const totp = require('./lib/totp.js');

const TEXT = {
  en: {
    link: 'Two-factor sign-in', enable: 'Turn on', wrong: 'That code is not right. Check the app and type the code it shows now.',
    codes: 'Your recovery codes', codeTitle: 'Enter your code', signIn: 'Sign in', signOut: 'Sign out',
  },
  ja: {
    link: '2段階認証', enable: '有効にする', wrong: 'コードが正しくありません。アプリに今表示されているコードを入力してください。',
    codes: '復旧コード', codeTitle: 'コードを入力', signIn: 'ログイン', signOut: 'ログアウト',
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

/** Signs out from the header and back in with the password, landing on the code step. */
async function passwordStep(page, t, applicant) {
  await h.submit(page, t.signOut, page.locator('header'));
  await page.goto('/login');
  await page.fill('#login-email', applicant.email);
  await page.fill('#login-password', applicant.password);
  await Promise.all([page.waitForNavigation(), page.click('main form[action="/login"] button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/login/code');
  assert.equal((await page.locator('h1').textContent()).trim(), t.codeTitle);
}

for (const run of [{ lang: 'en', js: false }, { lang: 'ja', js: true }]) {
  describe(`Two-factor sign-in in ${run.lang.toUpperCase()} with JavaScript ${run.js ? 'on' : 'off'}`, () => {
    it('is set up from a server-drawn QR code and then asked for at every sign-in', async () => {
      const adminCtx = await h.newContext(browser, app, { js: false });
      let memberCtx;
      try {
        const admin = await adminCtx.newPage();
        await h.signIn(admin, app.admin.email, app.admin.password);
        assert.equal(new URL(admin.url()).pathname, '/', 'the admin signed in with a code');
        const applicant = h.newApplicant(`tfa${run.lang}`);
        const made = await h.verifiedMember(browser, app, admin, applicant, { js: run.js, locale: LOCALE[run.lang] });
        memberCtx = made.ctx;
        const page = made.page;
        const problems = h.watchPage(page);
        const t = TEXT[run.lang];

        await page.goto('/profile');
        if (run.js) await h.waitForHydration(page);
        await Promise.all([page.waitForURL('**/profile/two-factor'), page.getByRole('link', { name: t.link }).click()]);
        if (run.js) await h.waitForHydration(page);
        assert.equal(await page.locator('.qr svg').count(), 1, 'the QR code is drawn on the server');
        const secret = (await page.locator('code.secret').textContent()).replace(/\s/g, '');
        assert.match(secret, /^[A-Z2-7]{32}$/);

        // A wrong code is refused with a message; the app's code turns it on.
        await page.fill('#enable-code', '000000');
        await h.submit(page, t.enable, page.locator('#enable'));
        assert.equal(await h.fieldErrorText(page.locator('#enable')), t.wrong);
        await page.fill('#enable-code', await totp.nextCode(secret));
        await h.submit(page, t.enable, page.locator('#enable'));
        const codes = await page.locator('ul.codes code').allTextContents();
        assert.equal(codes.length, 10);
        assert.match(await page.locator('.recovery-codes h2').textContent(), new RegExp(t.codes));
        await page.screenshot({ path: path.join(h.ARTIFACTS, `two-factor-codes-${run.lang}-${run.js ? 'js' : 'nojs'}.png`), fullPage: true });

        // Signing in again asks for the code; the app's code finishes it.
        await passwordStep(page, t, applicant);
        if (run.js) await h.waitForHydration(page);
        await page.fill('#sign-in-code', await totp.nextCode(secret));
        await h.submit(page, t.signIn, page.locator('main'));
        assert.equal(new URL(page.url()).pathname, '/');

        // A recovery code does too.
        await passwordStep(page, t, applicant);
        await page.fill('#sign-in-code', codes[0]);
        await h.submit(page, t.signIn, page.locator('main'));
        assert.equal(new URL(page.url()).pathname, '/');

        if (run.js) h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await adminCtx.close();
        if (memberCtx) await memberCtx.close();
      }
    });
  });
}
