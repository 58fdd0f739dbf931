// What this file proves, in a real browser, once with the moderator in English with
// JavaScript off and the member in Japanese with JavaScript on, once the other way:
// - staff find a member on /mod/members by the start of their name, open the
//   member's record and suspend them with a reason and a length;
// - the member is signed out at once; signed in again, every page leads to the
//   suspension notice, which gives the reason and the end in the member's language;
// - staff lift the suspension and the member is back in the forum.

'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');

const TEXT = {
  en: {
    find: 'Find', suspend: 'Suspend', suspended: 'The member is suspended and signed out everywhere.',
    title: 'Your account is suspended', lift: 'Lift the suspension', lifted: 'The suspension is lifted.',
  },
  ja: {
    find: '検索', suspend: '利用停止', suspended: '会員を利用停止にし、すべての端末からログアウトさせました。',
    title: 'アカウントは利用停止中です', lift: '利用停止を解除', lifted: '利用停止を解除しました。',
  },
};
const LOCALE = { en: 'en-US', ja: 'ja-JP' };
const REASON = 'Posted a ward photo with a patient wristband visible after two reminders.';

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

const runs = [
  { staff: { lang: 'en', js: false }, member: { lang: 'ja', js: true } },
  { staff: { lang: 'ja', js: true }, member: { lang: 'en', js: false } },
];

for (const run of runs) {
  const label = (r) => `${r.lang.toUpperCase()} with JavaScript ${r.js ? 'on' : 'off'}`;
  describe(`Suspension: staff ${label(run.staff)}, member ${label(run.member)}`, () => {
    it('keeps the member to the notice until staff lift it', async () => {
      const staffCtx = await h.newContext(browser, app, { js: run.staff.js, locale: LOCALE[run.staff.lang] });
      let memberCtx;
      try {
        const staff = await staffCtx.newPage();
        const staffProblems = h.watchPage(staff);
        await h.signIn(staff, app.admin.email, app.admin.password);
        // The applicant is verified from an English queue (the helper reads its words).
        const verifierCtx = await h.newContext(browser, app, { js: false });
        const verifier = await verifierCtx.newPage();
        await h.signIn(verifier, app.admin.email, app.admin.password);
        const applicant = h.newApplicant(`susp${run.member.lang}`);
        const made = await h.verifiedMember(browser, app, verifier, applicant, { js: run.member.js, locale: LOCALE[run.member.lang] });
        await verifierCtx.close();
        memberCtx = made.ctx;
        const member = made.page;
        const memberProblems = h.watchPage(member);
        await member.goto('/');
        assert.equal(new URL(member.url()).pathname, '/');

        // Staff find the member by the start of the name and open the record.
        const s = TEXT[run.staff.lang];
        await staff.goto('/mod/members');
        if (run.staff.js) await h.waitForHydration(staff);
        await staff.fill('#members-q', applicant.display_name.slice(0, 6));
        await h.submit(staff, s.find, staff.locator('form.member-search'));
        const link = staff.locator('ul.members a', { hasText: applicant.display_name });
        await assert.doesNotReject(link.waitFor(), `the search did not find ${applicant.display_name}`);
        await Promise.all([staff.waitForURL(/\/mod\/members\/\d+$/), link.click()]);
        assert.match(await staff.locator('h1').textContent(), new RegExp(applicant.display_name));

        // Suspend for three days with a reason.
        if (run.staff.js) await h.waitForHydration(staff);
        await staff.fill('#member-reason', REASON);
        await staff.selectOption('#member-days', '3');
        await h.submit(staff, s.suspend, staff.locator('#suspend'));
        assert.equal(await h.noticeText(staff), s.suspended);
        assert.match(await staff.locator('#current').textContent(), /wristband/);

        // The member was signed out; signed in again, only the notice opens.
        const m = TEXT[run.member.lang];
        await member.goto('/notifications');
        assert.equal(new URL(member.url()).pathname, '/login');
        await h.signIn(member, applicant.email, applicant.password);
        assert.equal(new URL(member.url()).pathname, '/suspended');
        if (run.member.js) await h.waitForHydration(member);
        assert.equal((await member.locator('h1').textContent()).trim(), m.title);
        assert.match(await member.locator('main').textContent(), /wristband visible after two reminders/);
        await member.screenshot({ path: path.join(h.ARTIFACTS, `suspended-${run.member.lang}-${run.member.js ? 'js' : 'nojs'}.png`), fullPage: true });
        for (const where of ['/', '/new-topic', '/profile']) {
          await member.goto(where);
          assert.equal(new URL(member.url()).pathname, '/suspended', `${where} opened while suspended`);
        }

        // Staff lift it; the member is back in the forum.
        await staff.reload();
        await h.submit(staff, s.lift, staff.locator('#current'));
        assert.equal(await h.noticeText(staff), s.lifted);
        await member.goto('/');
        assert.equal(new URL(member.url()).pathname, '/');
        await member.goto('/new-topic');
        assert.equal(new URL(member.url()).pathname, '/new-topic');

        if (run.staff.js) h.assertNoScriptErrors(staffProblems);
        if (run.member.js) h.assertNoScriptErrors(memberProblems);
      } finally {
        await staffCtx.close();
        if (memberCtx) await memberCtx.close();
      }
    });
  });
}
