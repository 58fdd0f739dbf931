// What this file proves (JavaScript on only: the live check is the hydrated page's
// work): while a member types a case into the composer, the page itself warns
// that a patient's name is in the text, highlights it by kind and offers the
// suggested replacement, without sending anything to the server while typing or
// replacing; one click replaces the name in the text, the warning clears, and the
// post then goes straight out (nothing left to hold).

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

describe('The composer\'s live check with JavaScript on', () => {
  it('warns about a patient\'s name while it is typed, without a request to the server, and replaces it in one click', async () => {
    const member = h.newApplicant('typist');
    const adminCtx = await h.newContext(browser, app, { js: false });
    let ctx;
    try {
      const adminPage = await adminCtx.newPage();
      await h.signIn(adminPage, app.admin.email, app.admin.password);
      ({ ctx } = await h.verifiedMember(browser, app, adminPage, member, { js: true }));
      const page = await ctx.newPage();
      const problems = h.watchPage(page);

      await page.goto('/new-topic');
      // Hydrated, the site's detector lists fetched once, and the page settled.
      await h.waitForComposer(page);
      const check = page.locator('form.composer div.live-check');
      assert.equal((await check.locator('p.ok').textContent()).trim(), 'Nothing that could identify a patient found so far.');

      // From here on, everything happens in the page: record any request it makes.
      const requests = [];
      page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));

      const body = page.locator('#compose-body');
      await body.click();
      await body.pressSequentially('Seen today: Mrs. Eleanor Whitfield has a cough.');
      await check.locator('p.warn').waitFor();
      assert.equal(
        (await check.locator('p.warn').textContent()).trim(),
        '1 possible identifiers found. Replace them, or send the post for review.',
      );
      const marks = await check.locator('.preview mark').evaluateAll((ms) => ms.map((m) => ({ kind: m.dataset.kind, text: m.textContent })));
      assert.deepEqual(marks, [{ kind: 'NAME', text: 'Eleanor Whitfield' }]);
      assert.equal(
        (await check.locator('.preview').textContent()),
        'Seen today: Mrs. Eleanor Whitfield has a cough.',
        'the preview shows the text as typed, with the name marked',
      );
      const finding = check.locator('ul.findings li');
      assert.equal(await finding.count(), 1);
      assert.equal((await finding.locator('.kind').textContent()).trim(), 'Name');
      assert.equal(await finding.locator('mark[data-kind=NAME]').textContent(), 'Eleanor Whitfield');
      assert.equal((await finding.locator('code').textContent()).trim(), '[name]');
      assert.deepEqual(requests, [], 'typing made requests');

      // One click replaces the name with the suggestion, in the text itself.
      await finding.getByRole('button', { name: 'Replace' }).click();
      await check.locator('p.ok').waitFor();
      assert.equal(await body.inputValue(), 'Seen today: Mrs. [name] has a cough.');
      assert.equal(await check.locator('p.warn').count(), 0);
      assert.equal(await check.locator('mark').count(), 0);
      assert.equal((await check.locator('p.ok').textContent()).trim(), 'Nothing that could identify a patient found so far.');
      assert.deepEqual(requests, [], 'replacing made requests');

      // What is sent is the replaced text: nothing is held, the post is published.
      await page.selectOption('select[name=category]', 'nursing');
      await page.fill('input[name=title]', 'A cough that would not settle');
      await h.submit(page, /^Post$/, page.locator('form.composer'));
      const url = new URL(page.url());
      assert.match(url.pathname, /^\/t\/\d+$/, `a clean post is published, not held (went to ${url.pathname})`);
      assert.equal(await h.noticeText(page), 'Your post is published.');
      const post = page.locator(url.hash);
      assert.equal((await post.locator('.post-body').textContent()).trim(), 'Seen today: Mrs. [name] has a cough.');

      h.assertNoScriptErrors(problems);
    } finally {
      if (ctx) await ctx.close();
      await adminCtx.close();
    }
  });
});
