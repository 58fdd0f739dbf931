// What this file proves: with JavaScript on, once the wasm has hydrated, following
// the app's own links (which the client-side router handles without a full page
// load) shows each page with the same content a full load shows: the verification
// queue, the user list, the profile and the pending page load their data from the
// server functions without errors.

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
  applicant = h.newApplicant('linked');
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

/**
 * Clicks a header link once the page has hydrated (so the client-side router, not
 * a full page load, follows it) and waits until the address is `path`.
 */
async function follow(page, name, path) {
  await h.waitForHydration(page);
  await Promise.all([
    page.waitForURL((u) => u.pathname === path),
    page.locator('header nav').getByRole('link', { name, exact: true }).click(),
  ]);
}

/**
 * Waits until the page shows either `selector` (its data) or an error message,
 * then asserts it is the data: this avoids passing while the page is still loading.
 */
async function assertShows(page, selector, what) {
  await page.locator(`${selector}, main .error`).first().waitFor();
  const error = page.locator('main .error');
  if (await error.count()) assert.fail(`${what} shows an error instead of its data: ${await error.first().textContent()}`);
  assert.ok(await page.locator(selector).count() > 0, `${what} does not show ${selector}`);
}

describe('In-app links with JavaScript on', () => {
  it('show the staff pages and the profile with their data, as a full page load does', async () => {
    const ctx = await h.newContext(browser, app, { js: true });
    try {
      const page = await ctx.newPage();
      const problems = h.watchPage(page);
      await h.signIn(page, app.admin.email, app.admin.password);
      assert.equal((await page.locator('h1').textContent()).trim(), 'Latest threads');

      // Every page load from here on should be client-side: record full loads.
      const fullLoads = [];
      page.on('request', (r) => { if (r.resourceType() === 'document') fullLoads.push(new URL(r.url()).pathname); });

      await follow(page, 'Verification queue', '/mod/verification');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Verification queue');
      await assertShows(page, `li.applicant:has-text("${applicant.email}")`, 'the verification queue');

      await follow(page, 'Users', '/admin/users');
      await assertShows(page, `table.users tr:has-text("${applicant.email}")`, 'the user list');

      await follow(page, app.admin.name, '/profile');
      await assertShows(page, 'dl.details', 'the profile');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Your profile');
      assert.match(await page.locator('dl.details').textContent(), new RegExp(app.admin.email));
      assert.deepEqual(fullLoads, [], 'the links were followed by full page loads, not the client-side router');

      h.assertNoScriptErrors(problems);
    } finally {
      await ctx.close();
    }
  });

  it('show an applicant their pending page from the header link', async () => {
    const ctx = await h.newContext(browser, app, { js: true });
    try {
      const page = await ctx.newPage();
      const problems = h.watchPage(page);
      await h.signIn(page, applicant.email, applicant.password);
      assert.equal(new URL(page.url()).pathname, '/pending');
      // Go to the profile by a full load, then back to /pending by the header link.
      await page.goto('/profile');
      await follow(page, 'My application', '/pending');
      await assertShows(page, 'form[action="/pending"]', 'the pending page');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Your application is being checked');
      h.assertNoScriptErrors(problems);
    } finally {
      await ctx.close();
    }
  });
});
