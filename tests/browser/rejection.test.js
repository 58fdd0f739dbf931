// What this file proves: a moderator can turn an application down with a reason,
// and the applicant can put it right, in a real browser with JavaScript on and off:
//   the admin claims the application and rejects it with a written reason; the
//   applicant sees that reason on the pending page, corrects the licence number and
//   sends the application again; the admin then finds the corrected number (marked
//   as resubmitted) in the queue.
// It also proves that a blank reason is refused on that applicant's card, and that
// a still-pending applicant can correct their details the same way.

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

/** Registers `applicant` in a new context and returns the context and page (on /pending). */
async function register(applicant, js) {
  const ctx = await h.newContext(browser, app, { js });
  const page = await ctx.newPage();
  await page.goto('/register');
  await h.fillRegistration(page, applicant);
  await h.sendApplication(page, applicant);
  return { ctx, page };
}

describe('Correcting an application that is still pending (JavaScript off)', () => {
  // Same correction path as after a rejection, without needing a rejection first.
  it('puts the corrected licence number in front of the admin, without a resubmission mark', async () => {
    const applicant = h.newApplicant('pendingFix');
    const { ctx, page } = await register(applicant, false);
    const adminCtx = await h.newContext(browser, app, { js: false });
    try {
      assert.equal(await page.inputValue('#resubmit-licence_number'), applicant.licence_number);
      await page.fill('#resubmit-licence_number', 'RN-PENDING-FIX-7');
      await h.submit(page, 'Send corrected application');
      assert.equal(new URL(page.url()).pathname, '/pending');
      assert.equal(await page.inputValue('#resubmit-licence_number'), 'RN-PENDING-FIX-7');

      const adminPage = await adminCtx.newPage();
      await h.signIn(adminPage, app.admin.email, app.admin.password);
      await adminPage.goto('/mod/verification');
      const { card } = await h.applicantCard(adminPage, applicant.email);
      assert.match(await card.textContent(), /RN-PENDING-FIX-7/);
      assert.equal(await card.locator('.badge').count(), 0, 'never rejected, so not marked as resubmitted');
    } finally {
      await ctx.close();
      await adminCtx.close();
    }
  });
});

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript on' : 'with JavaScript off';

  describe(`Rejecting and correcting an application ${mode}`, () => {
    it('shows the applicant the reason and puts the corrected licence number back in the queue', async () => {
      const applicant = h.newApplicant(js ? 'rejectOn' : 'rejectOff');
      const reason = `Licence ${applicant.licence_number} is not on the Ontario register; please check the number.`;
      const corrected = `RN-CORRECTED-${js ? 1 : 2}`;
      const { ctx, page } = await register(applicant, js);
      const adminCtx = await h.newContext(browser, app, { js });
      try {
        const problems = h.watchPage(page);
        const adminPage = await adminCtx.newPage();
        const adminProblems = h.watchPage(adminPage);

        // The admin writes a reason and rejects.
        await h.signIn(adminPage, app.admin.email, app.admin.password);
        await adminPage.goto('/mod/verification');
        let { card, id } = await h.claimApplicant(adminPage, applicant.email);
        const reasonBox = card.getByLabel('Reason for rejection (shown to the applicant)');
        await reasonBox.fill(reason);
        await h.submit(adminPage, 'Reject', card);
        assert.equal(
          await h.noticeText(adminPage),
          'The application is rejected; the applicant sees your reason.',
          `rejecting with a reason did not succeed; the card says: ${await h.fieldErrorText(adminPage.locator(`#applicant-${id}`))}`,
        );
        assert.equal(await adminPage.locator(`#applicant-${id}`).count(), 0, 'the rejected applicant left the queue');

        // The applicant sees the reason, and the form holds their current details.
        await page.goto('/pending');
        assert.equal(await page.locator('h1').textContent(), 'Your application was not accepted');
        assert.equal((await page.locator('#rejection-reason').textContent()).trim(), reason);
        assert.equal(await page.inputValue('#resubmit-licence_number'), applicant.licence_number);
        assert.equal(await page.inputValue('#resubmit-jurisdiction'), applicant.jurisdiction);

        // They correct the licence number and send the application again.
        await page.fill('#resubmit-licence_number', corrected);
        await h.submit(page, 'Send corrected application');
        assert.equal(new URL(page.url()).pathname, '/pending');
        assert.equal(await page.locator('h1').textContent(), 'Your application is being checked');
        assert.match(await h.noticeText(page) ?? '(no notice)', /corrected application is back in the queue/);

        // The admin sees the corrected number, marked as a resubmission.
        await adminPage.goto('/mod/verification');
        ({ card, id } = await h.applicantCard(adminPage, applicant.email));
        const text = await card.textContent();
        assert.match(text, new RegExp(corrected));
        assert.doesNotMatch(text, new RegExp(`${applicant.licence_number}(?!\\d)`), 'the old number is gone');
        assert.equal(await card.locator('.badge').count(), 1, 'the card is marked as resubmitted');

        if (js) {
          h.assertNoScriptErrors(problems);
          h.assertNoScriptErrors(adminProblems);
        }
      } finally {
        await ctx.close();
        await adminCtx.close();
      }
    });

    it('refuses a rejection whose reason is blank and says so on that applicant\'s card', async () => {
      const applicant = h.newApplicant(js ? 'noReasonOn' : 'noReasonOff');
      const { ctx } = await register(applicant, js);
      const adminCtx = await h.newContext(browser, app, { js });
      try {
        const adminPage = await adminCtx.newPage();
        await h.signIn(adminPage, app.admin.email, app.admin.password);
        await adminPage.goto('/mod/verification');
        let { card, id } = await h.claimApplicant(adminPage, applicant.email);
        // An empty box is stopped by the browser (the textarea is `required`), so
        // send only spaces: the browser lets them through and the server must refuse.
        await card.getByLabel('Reason for rejection (shown to the applicant)').fill('   ');
        const res = await h.submit(adminPage, 'Reject', card);
        assert.equal(res.status(), 422);
        ({ card } = await h.applicantCard(adminPage, applicant.email));
        const error = adminPage.locator(`#applicant-${id} .field-error`);
        assert.equal(await error.count(), 1, 'the message is on this applicant\'s card');
        assert.notEqual((await error.textContent()).trim(), '');
        assert.equal(await adminPage.locator('.field-error').count(), 1, 'and on no other card');
      } finally {
        await ctx.close();
        await adminCtx.close();
      }
    });
  });
}
