// What this file proves: when the application form is refused, the browser gets
// the same form back (status 422) holding everything the user typed except the
// password, with each message placed next to its own field and tied to it for
// screen readers, with JavaScript on and off. With JS on, the returned page still
// hydrates without script errors, and a corrected form then goes through.

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

/** Asserts the message of field `name` sits inside that field's block and is announced with it. */
async function assertErrorNextTo(page, name, pattern) {
  const input = page.locator(`#register-${name}`);
  const error = page.locator(`#register-${name}-error`);
  assert.equal(await error.count(), 1, `no message for ${name}`);
  assert.match((await error.textContent()).trim(), pattern);
  // Same .field wrapper as the input, marked invalid, and described by the message.
  const field = page.locator('.field', { has: input });
  assert.equal(await field.locator(`#register-${name}-error`).count(), 1, `the ${name} message is not next to its field`);
  assert.match(await field.getAttribute('class'), /\bhas-error\b/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.ok((await input.getAttribute('aria-describedby') || '').split(' ').includes(`register-${name}-error`));
}

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript on' : 'with JavaScript off';

  describe(`A refused application form ${mode}`, () => {
    it('comes back with what was typed, without the password, and the message next to the password field', async () => {
      const ctx = await h.newContext(browser, app, { js });
      try {
        const page = await ctx.newPage();
        const problems = h.watchPage(page);
        const a = { ...h.newApplicant(js ? 'typedOn' : 'typedOff'), password: 'password1234' };
        await page.goto('/register');
        await h.fillRegistration(page, a);

        const res = await h.submit(page, 'Send application');
        assert.equal(res.status(), 422);
        assert.equal(new URL(page.url()).pathname, '/register');
        assert.equal(await page.locator('h1').textContent(), 'Apply to join Rounds');

        // What the user typed is still there…
        assert.equal(await page.inputValue('#register-email'), a.email);
        assert.equal(await page.inputValue('#register-display_name'), a.display_name);
        assert.equal(await page.inputValue('#register-licence_number'), a.licence_number);
        assert.equal(await page.inputValue('#register-jurisdiction'), a.jurisdiction);
        assert.equal(await page.inputValue('#register-npi'), a.npi);
        assert.equal(await page.inputValue('#register-specialty'), a.specialty);
        assert.equal(await page.inputValue('#register-workplace'), a.workplace);
        assert.equal(await page.inputValue('#register-profession'), a.profession);
        // …except the password, which is never sent back (not even in the HTML).
        assert.equal(await page.inputValue('#register-password'), '');
        assert.ok(!(await page.content()).includes(a.password), 'the password appears in the returned page');

        // The password message is next to the password field; the others have none.
        await assertErrorNextTo(page, 'password', /too common/i);
        assert.equal(await page.locator('.field-error').count(), 1, 'only the password is wrong');

        // Putting the password right sends the application. With JS on, the live
        // hint proves the returned (422) page hydrated too.
        if (js) {
          await page.click('#register-password');
          await page.keyboard.type(h.GOOD_PASSWORD);
          await assert.doesNotReject(
            page.locator('.hint.live', { hasText: `${h.GOOD_PASSWORD.length} characters so far` }).waitFor(),
            'the refused form did not hydrate (no live password hint)',
          );
        } else {
          await page.fill('#register-password', h.GOOD_PASSWORD);
        }
        await h.sendApplication(page, { ...a, password: h.GOOD_PASSWORD });

        if (js) h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await ctx.close();
      }
    });

    it('marks every wrong field at once and keeps the right ones', async () => {
      const ctx = await h.newContext(browser, app, { js });
      try {
        const page = await ctx.newPage();
        const problems = h.watchPage(page);
        const a = { ...h.newApplicant(js ? 'manyOn' : 'manyOff'), password: 'short', npi: '1234567890', licence_number: '' };
        await page.goto('/register');
        await h.fillRegistration(page, a);

        const res = await h.submit(page, 'Send application');
        assert.equal(res.status(), 422);
        await assertErrorNextTo(page, 'password', /12/);
        await assertErrorNextTo(page, 'npi', /.+/);
        await assertErrorNextTo(page, 'licence_number', /.+/);
        assert.equal(await page.locator('.field-error').count(), 3);
        assert.equal(await page.inputValue('#register-npi'), a.npi, 'the wrong NPI is shown so it can be corrected');
        assert.equal(await page.inputValue('#register-email'), a.email);
        assert.equal(await page.inputValue('#register-display_name'), a.display_name);

        if (js) h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await ctx.close();
      }
    });
  });
}
