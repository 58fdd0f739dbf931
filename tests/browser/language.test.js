// What this file proves: the language switcher in the header (a plain form) turns
// pages from English to Japanese and back, with JavaScript on and off: it keeps
// the user on the same page, `<html lang>` and the visible text change, and the
// choice sticks (for a visitor in a cookie, for a member in their account).
// With JS on it also checks that the switcher keeps the user on the page they
// reached by an in-app link (client-side navigation after hydration).

'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');

let app;
let browser;
let applicant;

before(async () => {
  app = await h.startApp();
  browser = await h.launchBrowser();
  // One applicant waiting in the queue, so the queue shows a "Verify" button to translate.
  applicant = h.newApplicant('waiting');
  const ctx = await h.newContext(browser, app, { js: false });
  const page = await ctx.newPage();
  await page.goto('/register');
  await h.fillRegistration(page, applicant);
  await h.sendApplication(page, applicant);
  await ctx.close();
});

after(async () => {
  if (browser) await browser.close();
  if (app) await app.stop();
});

/** What a page shows that depends on the language. */
async function languageOf(page) {
  return {
    path: new URL(page.url()).pathname,
    lang: await page.locator('html').getAttribute('lang'),
    h1: (await page.locator('h1').first().textContent()).trim(),
    switcher: (await page.locator('form.lang-switch button').textContent()).trim(),
  };
}

/** Presses the language switcher and waits for the page to come back. */
async function switchLanguage(page) {
  await Promise.all([page.waitForNavigation(), page.locator('form.lang-switch button').click()]);
}

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript on' : 'with JavaScript off';

  describe(`The language switcher ${mode}`, () => {
    it('turns the sign-in page from English to Japanese and back, staying on the page', async () => {
      const ctx = await h.newContext(browser, app, { js });
      try {
        const page = await ctx.newPage();
        const problems = h.watchPage(page);
        await page.goto('/login');
        assert.deepEqual(await languageOf(page), { path: '/login', lang: 'en', h1: 'Sign in', switcher: '日本語' });

        await switchLanguage(page);
        assert.deepEqual(await languageOf(page), { path: '/login', lang: 'ja', h1: 'ログイン', switcher: 'English' });
        // The choice sticks for the visitor: other pages are in Japanese too.
        await page.goto('/register');
        assert.equal((await page.locator('h1').textContent()).trim(), 'Roundsへの参加申請');
        assert.equal(await page.locator('html').getAttribute('lang'), 'ja');

        await page.goto('/login');
        await switchLanguage(page);
        assert.deepEqual(await languageOf(page), { path: '/login', lang: 'en', h1: 'Sign in', switcher: '日本語' });

        if (js) h.assertNoScriptErrors(problems);
      } finally {
        await ctx.close();
      }
    });

    it('turns a signed-in page (the verification queue) to Japanese and back, and remembers it for the account', async () => {
      const ctx = await h.newContext(browser, app, { js });
      const other = await h.newContext(browser, app, { js });
      try {
        const page = await ctx.newPage();
        const problems = h.watchPage(page);
        await h.signIn(page, app.admin.email, app.admin.password);
        await page.goto('/mod/verification');
        assert.deepEqual(await languageOf(page), { path: '/mod/verification', lang: 'en', h1: 'Verification queue', switcher: '日本語' });
        const { card } = await h.claimApplicant(page, applicant.email);
        assert.equal((await card.locator('.decisions button[type=submit]').first().textContent()).trim(), 'Verify');

        await switchLanguage(page);
        assert.deepEqual(await languageOf(page), { path: '/mod/verification', lang: 'ja', h1: '資格確認キュー', switcher: 'English' });
        const { card: jaCard } = await h.applicantCard(page, applicant.email);
        assert.equal((await jaCard.locator('.decisions button[type=submit]').first().textContent()).trim(), '承認する');

        // The account remembers Japanese: signing in from another browser shows it.
        const otherPage = await other.newPage();
        await h.signIn(otherPage, app.admin.email, app.admin.password);
        await otherPage.goto('/profile');
        assert.equal(await otherPage.locator('html').getAttribute('lang'), 'ja');
        assert.equal((await otherPage.locator('h1').textContent()).trim(), 'プロフィール');

        await switchLanguage(page);
        assert.deepEqual(await languageOf(page), { path: '/mod/verification', lang: 'en', h1: 'Verification queue', switcher: '日本語' });

        if (js) h.assertNoScriptErrors(problems);
      } finally {
        await ctx.close();
        await other.close();
      }
    });

    if (js) {
      it('keeps the user on the page they reached by an in-app link', async () => {
        const ctx = await h.newContext(browser, app, { js });
        try {
          const page = await ctx.newPage();
          await page.goto('/login');
          // Once hydrated, this link is followed by the client-side router.
          await h.waitForHydration(page);
          await Promise.all([
            page.waitForURL('**/register'),
            page.locator('main').getByRole('link', { name: 'Apply to join' }).click(),
          ]);
          assert.equal((await page.locator('h1').textContent()).trim(), 'Apply to join Rounds');
          await switchLanguage(page);
          const now = await languageOf(page);
          assert.deepEqual(
            now,
            { path: '/register', lang: 'ja', h1: 'Roundsへの参加申請', switcher: 'English' },
            'switching language on /register (reached by a link) should stay on /register',
          );
        } finally {
          await ctx.close();
        }
      });
    }
  });
}
