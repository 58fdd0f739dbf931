// What this file proves, in a real browser, in English with JavaScript off and in
// Japanese with JavaScript on: a member changes their display name on /profile (a
// taken name is refused with what they typed kept), opens their public profile from
// there, and a colleague reaches that profile from the author's name on a thread —
// with the name, verified profession and latest posts, and no workplace or licence;
// times follow the browser's zone (JavaScript on) until the member picks one.

'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const { Client } = require('./lib/http.js');

const TEXT = {
  en: { save: 'Save', rename: 'Change display name', renamed: 'Your display name is changed.', link: 'Your public profile', verified: 'Verified Nurse', taken: /taken/ },
  ja: { save: '保存', rename: '表示名を変更', renamed: '表示名を変更しました。', link: '公開プロフィール', verified: '確認済み：看護師', taken: /すでに使われている/ },
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
  describe(`Display name and public profile in ${run.lang.toUpperCase()} with JavaScript ${run.js ? 'on' : 'off'}`, () => {
    it('renames on /profile and shows the profile from the thread page', async () => {
      const adminCtx = await h.newContext(browser, app, { js: false });
      let memberCtx;
      try {
        const admin = await adminCtx.newPage();
        await h.signIn(admin, app.admin.email, app.admin.password);
        const applicant = h.newApplicant(`prof${run.lang}`);
        const made = await h.verifiedMember(browser, app, admin, applicant, { js: run.js, locale: LOCALE[run.lang], timezoneId: 'Europe/Berlin' });
        memberCtx = made.ctx;
        const page = made.page;
        const problems = h.watchPage(page);
        const t = TEXT[run.lang];

        // A thread of theirs, started over HTTP with the browser's session.
        const http = await Client.fromContext(memberCtx, app.baseURL);
        const title = `Wound care at home ${run.lang}`;
        const res = await http.post('/new-topic', { category: 'internal-medicine', title, tags: '', body: 'Which dressing do you use for a stage 2 pressure ulcer at home?' });
        assert.equal(res.status, 303, 'thread posted');
        const thread = res.location.split('#')[0];

        // A taken name is refused, with what was typed kept.
        await page.goto('/profile');
        if (run.js) await h.waitForHydration(page);
        await page.fill('#rename-display_name', 'dr admin');
        await h.submit(page, t.rename, page.locator('#rename'));
        assert.match(await h.fieldErrorText(page.locator('#rename')), t.taken);
        assert.equal(await page.inputValue('#rename-display_name'), 'dr admin');
        const name = `${applicant.display_name} Ward 4`;
        await page.fill('#rename-display_name', name);
        await h.submit(page, t.rename, page.locator('#rename'));
        assert.equal(await h.noticeText(page), t.renamed);

        // The public profile, from the profile page and from the thread.
        await Promise.all([page.waitForURL(/\/u\//), page.getByRole('link', { name: t.link }).click()]);
        assert.equal((await page.locator('h1').textContent()).trim(), name);
        const text = await page.locator('main').textContent();
        assert.match(text, new RegExp(t.verified));
        assert.match(text, new RegExp(title));
        assert.doesNotMatch(text, /General hospital|RN-1\d{5}/, 'no workplace or licence');
        await page.screenshot({ path: path.join(h.ARTIFACTS, `profile-${run.lang}-${run.js ? 'js' : 'nojs'}.png`), fullPage: true });
        await admin.goto(thread);
        await Promise.all([admin.waitForURL(/\/u\//), admin.locator('.post-head .author a').first().click()]);
        assert.equal((await admin.locator('h1').textContent()).trim(), name);

        // Times: the browser's zone once its script has run (JS on), else the
        // language's; then the zone the member chooses.
        // (The exact time is the title of how long ago: "just now" / 「たった今」.)
        const stamp = page.locator('.post-head time').first();
        const zoneOf = async () => (await stamp.getAttribute('title')).trim().split(' ').pop();
        await page.goto(thread);
        if (run.js) await h.waitForHydration(page);
        await page.goto(thread);
        assert.match(await zoneOf(), run.js ? /^CES?T$/ : /^UTC$/);
        assert.match((await stamp.textContent()).trim(), /^(just now|\d+ minutes? ago|たった今|\d+分前)$/);
        await page.goto('/profile');
        await page.selectOption('#settings-time_zone', 'America/New_York');
        await h.submit(page, t.save, page.locator('#settings'));
        await page.goto(thread);
        assert.match(await zoneOf(), /^E[SD]T$/);

        if (run.js) h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await adminCtx.close();
        if (memberCtx) await memberCtx.close();
      }
    });
  });
}
