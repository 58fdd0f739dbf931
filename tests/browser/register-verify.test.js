// What this file proves: the main story of Rounds works in a real browser, both
// with JavaScript on (the wasm hydrates, without script errors) and with
// JavaScript off (plain HTML forms only):
//   a visitor applies from the landing page, lands on the pending page and is kept
//   there; an admin in another browser signs in, opens the verification queue,
//   claims the application and verifies the applicant; the applicant then enters
//   the member home.

'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');

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

for (const js of [true, false]) {
  const mode = js ? 'with JavaScript on' : 'with JavaScript off';

  describe(`Registering, being verified and entering ${mode}`, () => {
    it('takes an applicant from the landing page to the member home once an admin verifies them', async () => {
      const applicant = h.newApplicant(js ? 'jsOn' : 'jsOff');
      const applicantCtx = await h.newContext(browser, app, { js });
      const adminCtx = await h.newContext(browser, app, { js });
      try {
        const page = await applicantCtx.newPage();
        const problems = h.watchPage(page);

        // The landing page explains Rounds and links to the application form.
        await page.goto('/');
        assert.equal(await page.locator('h1').textContent(), 'Share cases. Never patients.');
        // With JS on, wait for hydration so the link below is followed client-side
        // (as a user who reads the page first would have it), not by a full load.
        if (js) await h.waitForHydration(page);
        await Promise.all([
          page.waitForURL('**/register'),
          page.locator('main').getByRole('link', { name: 'Apply to join' }).click(),
        ]);
        assert.equal(new URL(page.url()).pathname, '/register');

        // Fill in the application. With JS on, typing the password shows the live
        // character count, which only the hydrated page can do.
        await h.fillRegistration(page, applicant, { pressPassword: js });
        const hint = page.locator('.hint.live');
        if (js) {
          await assert.doesNotReject(
            page.waitForFunction(() => /\d+ characters so far/.test(document.querySelector('.hint.live')?.textContent || '')),
            'the live password hint never appeared: hydration did not run',
          );
          assert.equal((await hint.textContent()).trim(), `${applicant.password.length} characters so far`);
        } else {
          assert.equal((await hint.textContent()).trim(), '', 'without JS there is no live hint');
        }

        // Sending the application leads to sign-in with a one-time notice — the same
        // answer whether or not the address had an account — and then to the
        // pending page.
        const notice = await h.sendApplication(page, applicant);
        assert.match(notice ?? '(no notice)', /your application is in/);
        assert.equal(await page.locator('h1').textContent(), 'Your application is being checked');
        assert.equal(await page.locator('.notice').count(), 0, 'the notice was shown only once');

        // A pending applicant cannot open the member home: it sends them back to /pending.
        await page.goto('/');
        assert.equal(new URL(page.url()).pathname, '/pending');
        assert.equal(await page.locator('h1').textContent(), 'Your application is being checked');

        // The admin, in another browser context, verifies the applicant from the queue.
        const adminPage = await adminCtx.newPage();
        const adminProblems = h.watchPage(adminPage);
        await h.signIn(adminPage, app.admin.email, app.admin.password);
        await adminPage.goto('/mod/verification');
        assert.equal(await adminPage.locator('h1').textContent(), 'Verification queue');
        const { card, id } = await h.claimApplicant(adminPage, applicant.email);
        assert.match(await card.textContent(), new RegExp(applicant.licence_number));
        assert.match(await card.textContent(), new RegExp(applicant.jurisdiction));
        await h.submit(adminPage, 'Verify', card);
        assert.equal(await h.noticeText(adminPage), 'The applicant is verified.');
        assert.equal(await adminPage.locator(`#applicant-${id}`).count(), 0, 'the verified applicant left the queue');

        // The applicant reloads and is now a member.
        await page.goto('/');
        assert.equal(new URL(page.url()).pathname, '/');
        assert.equal(await page.locator('h1').textContent(), 'Latest threads');

        if (js) {
          h.assertNoScriptErrors(problems);
          h.assertNoScriptErrors(adminProblems);
        }
      } finally {
        await applicantCtx.close();
        await adminCtx.close();
      }
    });
  });
}
