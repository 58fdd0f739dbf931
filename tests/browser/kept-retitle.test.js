// What this file proves, in a real browser with JavaScript on and off:
// - nothing typed is lost when the session ends mid-reply: the member signs out in
//   another tab, presses "Post reply", is asked to sign in again, and finds the reply
//   back in the composer, then posts it;
// - a thread whose opening post a moderator removed for patient data is hidden with
//   its title gone; a moderator sees why on the thread page, a title that names a
//   patient is refused with the typed title kept, and a clean one shows the thread to
//   members again under its new title.

'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const { Client, idFrom } = require('./lib/http.js');

let app;
let browser;
let adminCtx;
let adminPage;

before(async () => {
  app = await h.startApp();
  browser = await h.launchBrowser();
  adminCtx = await h.newContext(browser, app, { js: false });
  adminPage = await adminCtx.newPage();
  await h.signIn(adminPage, app.admin.email, app.admin.password);
});

after(async () => {
  if (adminCtx) await adminCtx.close();
  if (browser) await browser.close();
  if (app) await app.stop();
});

const REPLY = 'Kept reply: we restarted apixaban on day 14 after the bleed.';

for (const js of [false, true]) {
  const mode = js ? 'with JavaScript on' : 'with JavaScript off';

  describe(`A reply whose session ended ${mode}`, () => {
    it('comes back in the composer after signing in again, and is posted', async () => {
      const member = h.newApplicant(js ? 'keptOn' : 'keptOff');
      const { ctx, page } = await h.verifiedMember(browser, app, adminPage, member, { js });
      const problems = h.watchPage(page);
      try {
        const client = await Client.fromContext(ctx, app.baseURL);
        const started = await client.post('/new-topic', {
          category: 'internal-medicine',
          title: `Restarting anticoagulation ${js ? 'on' : 'off'}`,
          tags: '',
          body: 'When do you restart a DOAC after a GI bleed?',
        });
        assert.equal(started.status, 303, 'the thread was started');
        const thread = idFrom(started.location, 't');
        await page.goto(`/t/${thread}`);
        if (js) await h.waitForComposer(page);
        await page.fill('#compose-body', REPLY);

        // Signed out in another tab before pressing "Post reply".
        const other = await ctx.newPage();
        await other.goto('/');
        await h.submit(other, 'Sign out');
        await other.close();

        const refused = await h.submit(page, 'Post reply');
        assert.equal(refused.status(), 401);
        assert.match(await page.locator('.form-error').textContent(), /You were signed out, so nothing was posted/);
        await page.fill('#login-email', member.email);
        await page.fill('#login-password', member.password);
        const back = await h.submit(page, 'Sign in');
        assert.equal(back.status(), 200);
        assert.match(await page.locator('.form-error').textContent(), /You are signed in again/);
        assert.equal(await page.inputValue('#compose-body'), REPLY, 'the reply is back in the composer');

        const posted = await h.submit(page, 'Post reply');
        assert.equal(posted.status(), 200);
        assert.equal(new URL(page.url()).pathname, `/t/${thread}`);
        assert.match(await page.locator('ol.posts').textContent(), /restarted apixaban on day 14/);
        // The pages answered at another address hydrated as the pages they are.
        if (js) h.assertNoScriptErrors(problems, { allowedStatus: [401] });
      } finally {
        await ctx.close();
      }
    });
  });

  describe(`A thread removed for patient data ${mode}`, () => {
    it('comes back to members once a moderator gives it a clean title', async () => {
      const author = h.newApplicant(js ? 'removedOn' : 'removedOff');
      const reader = h.newApplicant(js ? 'readerOn' : 'readerOff');
      const a = await h.verifiedMember(browser, app, adminPage, author, { js: false });
      const r = await h.verifiedMember(browser, app, adminPage, reader, { js: false });
      const modCtx = await h.newContext(browser, app, { js });
      try {
        const authorClient = await Client.fromContext(a.ctx, app.baseURL);
        const started = await authorClient.post('/new-topic', {
          category: 'internal-medicine',
          title: `Heel care ${js ? 'on' : 'off'}`,
          tags: 'wounds',
          body: 'Offloading boots for every Braden 12 patient on the ward.',
        });
        const thread = idFrom(started.location, 't');
        const post = idFrom(started.location, 'post');
        const readerClient = await Client.fromContext(r.ctx, app.baseURL);
        assert.equal((await readerClient.post(`/p/${post}/report`, { reason: 'patient_data', note: '' })).status, 303);
        const admin = new Client(app.baseURL);
        await admin.signIn(app.admin.email, app.admin.password);
        const queue = await admin.get('/mod/queue');
        const report = Number(/\/mod\/report\/(\d+)/.exec(queue.html)[1]);
        assert.equal((await admin.post('/mod/claim', { kind: 'report', id: String(report), return_to: '/mod/queue' })).status, 303);
        assert.equal((await admin.post(`/mod/report/${report}`, { decision: 'remove' })).status, 303);

        // Members no longer see it.
        const list = await readerClient.get('/');
        assert.doesNotMatch(list.html, new RegExp(`/t/${thread}"`));

        // The moderator sees why, and the way back.
        const mod = await modCtx.newPage();
        const problems = h.watchPage(mod);
        await h.signIn(mod, app.admin.email, app.admin.password);
        await mod.goto(`/t/${thread}`);
        assert.match(await mod.locator('form.retitle').textContent(), /Members do not see this thread until it has a new title/);
        await mod.fill('#retitle-title', "Mrs. Eleanor Whitfield's heels");
        const refused = await h.submit(mod, 'Retitle');
        assert.equal(refused.status(), 422);
        assert.match(await mod.locator('#retitle-title-error').textContent(), /This may identify a patient/);
        assert.equal(await mod.inputValue('#retitle-title'), "Mrs. Eleanor Whitfield's heels", 'the typed title is kept');

        await mod.fill('#retitle-title', 'Heel offloading in pressure injuries');
        await h.submit(mod, 'Retitle');
        assert.equal(new URL(mod.url()).pathname, `/t/${thread}`);
        assert.equal((await mod.locator('h1').textContent()).trim(), 'Heel offloading in pressure injuries');
        const shown = await readerClient.get('/');
        assert.match(shown.html, /Heel offloading in pressure injuries/);
        if (js) h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await modCtx.close();
        await a.ctx.close();
        await r.ctx.close();
      }
    });
  });
}
