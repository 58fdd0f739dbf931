// What this file proves: moderators teach the detector in a real browser, with
// JavaScript on and off, in English and in Japanese:
//   a member's post is held for a word the detector takes for a patient's name (the
//   supplier's trainer, "Mr. X from the wound-care supplier"); the moderator claims it, marks that finding "not patient
//   data" and adds the word to the never-hold list in one click, sees the mark, and
//   approves the post; the word is listed under Detector lists and the detector's
//   record counts the decision (no post text on that page); the next post with the
//   word is published at once, and with JS on the composer's live check no longer
//   warns about it (nor, for a name in the title, does it stay silent). A colleague thanked by their display name is not held either:
//   the composer asks the server which names are members' (JS on) and the server
//   decides the same way on submit (JS on and off).

'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
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

const TEXT = {
  en: {
    claim: 'Claim',
    never: (t) => `Not patient data — never hold “${t}”`,
    noticeNever: 'Marked as not patient data, and the term is on the never-hold list.',
    marked: 'Marked: not patient data',
    approve: 'Approve and publish',
    approved: 'The post is published.',
    record: "The detector's record",
    name: 'Name',
    lang: 'English',
  },
  ja: {
    claim: '担当する',
    never: (t) => `患者情報ではない —「${t}」を今後保留しない`,
    noticeNever: '患者情報ではないと記録し、語句を「保留しない語句」に加えました。',
    marked: '患者情報ではないと判定済み',
    approve: '承認して公開',
    approved: '投稿を公開しました。',
    record: '検出器の実績',
    name: '氏名',
    lang: '英語',
  },
};

const RUNS = [
  { js: true, lang: 'en', term: 'Pennock', colleague: 'Amara Okonkwo' },
  { js: false, lang: 'en', term: 'Halvard', colleague: 'Kenji Okafor' },
  { js: true, lang: 'ja', term: 'Quillan', colleague: 'Ingrid Solberg' },
  { js: false, lang: 'ja', term: 'Ashcombe', colleague: 'Mateo Ruiz' },
];

/** Presses the header's language switcher until the page is in `lang`. */
async function useLanguage(page, lang) {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await Promise.all([page.waitForNavigation(), page.locator('form.lang-switch button').click()]);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
}

/** Opens the composer, writes `body` as a new thread and posts it; returns the path landed on. */
async function postThread(page, js, title, body, { expectClean = false } = {}) {
  await page.goto('/new-topic');
  if (js) await h.waitForComposer(page);
  await page.selectOption('select[name=category]', 'internal-medicine');
  await page.fill('input[name=title]', title);
  await page.fill('#compose-body', body);
  if (js && expectClean) {
    // The live check agrees with the server before anything is sent.
    await assert.doesNotReject(
      page.locator('div.live-check p.ok').waitFor({ timeout: 10_000 }),
      `the live check still warns about: ${body}`,
    );
  }
  await h.submit(page, /^Post$/, page.locator('form.composer'));
  return new URL(page.url()).pathname;
}

for (const run of RUNS) {
  const mode = `${run.js ? 'with JavaScript on' : 'with JavaScript off'}, ${run.lang === 'en' ? 'in English' : 'in Japanese'}`;
  const t = TEXT[run.lang];

  describe(`A moderator marks a finding "not patient data" ${mode}`, () => {
    it('adds the word to the never-hold list, records the decision, and the next post goes through', async () => {
      const adminCtx = await h.newContext(browser, app, { js: run.js });
      const contexts = [adminCtx];
      try {
        const adminPage = await adminCtx.newPage();
        const adminProblems = h.watchPage(adminPage);
        await h.signIn(adminPage, app.admin.email, app.admin.password);
        const author = h.newApplicant(`teach${run.js ? 'On' : 'Off'}${run.lang}`);
        const { ctx, page } = await h.verifiedMember(browser, app, adminPage, author, { js: run.js });
        contexts.push(ctx);
        const colleague = { ...h.newApplicant('colleague'), display_name: run.colleague };
        const { ctx: colleagueCtx } = await h.verifiedMember(browser, app, adminPage, colleague, { js: run.js });
        contexts.push(colleagueCtx);
        const problems = h.watchPage(page);

        // With JS on, the live check screens the title as the server does.
        if (run.js) {
          await page.goto('/new-topic');
          await h.waitForComposer(page);
          await page.fill('input[name=title]', 'Mrs. Eleanor Whitfield keeps falling');
          const inTitle = page.locator('div.live-check li.in-field');
          await assert.doesNotReject(inTitle.first().waitFor({ timeout: 10_000 }), 'a name in the title is warned about');
          assert.match(await inTitle.first().textContent(), /Whitfield/);
        }

        // Held for the word alone.
        const body = `Mr. ${run.term} from the wound-care supplier showed us the protocol; it worked well on our unit.`;
        const held = await postThread(page, run.js, 'Protocols on our unit', body);
        const m = /^\/p\/(\d+)$/.exec(held);
        assert.ok(m, `the post should be held (landed on ${held}); pick another word if the detector changed`);
        await h.submit(page, 'Send for review as it is', page.locator('form:has(input[name=action][value=review])'));

        // The moderator, in the run's language, finds it and claims it.
        await useLanguage(adminPage, run.lang);
        await adminPage.goto('/mod/queue');
        const item = adminPage.locator('li.queue-item', { hasText: author.display_name });
        await item.waitFor();
        const rev = Number((await item.getAttribute('id')).replace(/^held-/, ''));
        await adminPage.goto(`/mod/held/${rev}`);
        if (run.js) await h.waitForHydration(adminPage);
        assert.equal(await adminPage.locator('#findings').count(), 0, 'no verdicts before claiming');
        await h.submit(adminPage, t.claim);
        if (run.js) await h.waitForComposer(adminPage);

        // One click: not patient data, and never hold this word.
        const finding = adminPage.locator('#findings li', { has: adminPage.locator('mark', { hasText: run.term }) });
        assert.equal(await finding.count(), 1);
        assert.equal((await finding.locator('.kind').textContent()).trim(), t.name);
        assert.ok((await finding.locator('.why').textContent()).trim().length > 0, 'each finding says why');
        await h.submit(adminPage, t.never(run.term), finding);
        assert.equal(new URL(adminPage.url()).pathname, `/mod/held/${rev}`);
        assert.equal(await h.noticeText(adminPage), t.noticeNever);
        if (run.js) await h.waitForComposer(adminPage);
        const marked = adminPage.locator('#findings li.marked');
        assert.equal(await marked.count(), 1);
        assert.equal((await marked.locator('.badge').textContent()).trim(), t.marked);
        await adminPage.screenshot({ path: path.join(h.ARTIFACTS, `teaching-held-${run.lang}-${run.js ? 'js' : 'nojs'}.png`), fullPage: true });
        await h.submit(adminPage, t.approve);
        assert.equal(await h.noticeText(adminPage), t.approved);

        // Visible under Detector lists, and counted in the record, without any post text.
        await adminPage.goto('/admin/site-lists');
        assert.ok((await adminPage.locator('#list-never').textContent()).includes(run.term));
        const record = adminPage.locator('#record');
        await record.locator('table.record').first().waitFor();
        assert.equal((await record.locator('h2').textContent()).trim(), t.record);
        const row = record.locator('table.record tbody tr', { has: adminPage.locator('th', { hasText: t.name }) })
          .filter({ hasText: t.lang });
        assert.equal(await row.count(), 1, 'a row for names in English posts');
        assert.ok(Number((await row.locator('td').nth(3).textContent()).trim()) >= 1, 'the approval is counted');
        assert.ok(!(await record.textContent()).includes('worked well'), 'no post text on the record');

        // The next post with the word is published at once (and the live check agrees).
        const next = await postThread(page, run.js, 'Protocols on our unit, again', `Anyone else? ${body}`, { expectClean: true });
        assert.match(next, /^\/t\/\d+/, `the word no longer holds a post (landed on ${next})`);

        // A colleague thanked by their display name is not a patient.
        const thanks = `Thanks ${run.colleague} for covering the night shift.`;
        const landed = await postThread(page, run.js, 'Night shift cover', thanks, { expectClean: true });
        const found = landed.startsWith('/p/') ? await page.locator('mark').allTextContents() : [];
        assert.match(landed, /^\/t\/\d+/, `thanking a member by name was held (landed on ${landed}, found ${found})`);

        await useLanguage(adminPage, 'en');
        if (run.js) {
          h.assertNoScriptErrors(problems);
          h.assertNoScriptErrors(adminProblems);
        }
      } finally {
        for (const c of contexts) await c.close();
      }
    });
  });
}
