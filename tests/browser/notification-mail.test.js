// What this file proves, in a real browser, in English with JavaScript off and in
// Japanese with JavaScript on:
// - a reply to a member's thread reaches them as a letter (an .eml file here; the API
//   tests use a real SMTP server) that names the colleague and the thread, links to
//   the reply and holds none of its text;
// - opening the notification, from the notifications page or from the letter, lands
//   on the reply in its thread and marks it read;
// - the letter's unsubscribe link opens a page with one button that stops that kind
//   of e-mail, and the settings page shows the change;
// - the settings page (/profile/notifications) saves a choice per kind.

'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const mail = require('./lib/mail.js');

const TEXT = {
  en: {
    stop: 'Stop these e-mails',
    stopped: 'Done: no more e-mails of that kind. You can turn them on again under Profile → Notifications.',
    settings: 'Notification settings',
    save: 'Save notification settings',
    saved: 'Your notification settings are saved.',
  },
  ja: {
    stop: '配信を停止する',
    stopped: '停止しました。プロフィール → 通知 から、いつでも再開できます。',
    settings: '通知設定',
    save: '通知設定を保存',
    saved: '通知設定を保存しました。',
  },
};

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

for (const [js, locale, lang] of [[false, 'en-US', 'en'], [true, 'ja-JP', 'ja']]) {
  const t = TEXT[lang];
  describe(`Notification letters ${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`, () => {
    it('tell of a reply without its text, and stop with one click', async () => {
      const member = h.newApplicant(`notes${lang}`);
      const { ctx, page } = await h.verifiedMember(browser, app, adminPage, member, { js, locale });
      const problems = h.watchPage(page);
      try {
        // The member's language is remembered for their letters.
        await page.goto('/new-topic');
        if (js) await h.waitForComposer(page);
        await page.selectOption('select[name=category]', 'internal-medicine');
        const title = `Night-time delirium ${lang}`;
        await page.fill('input[name=title]', title);
        await page.fill('#compose-body', 'What helps with delirium on night shifts? Lights, sleep, family visits?');
        await h.submit(page, lang === 'en' ? /^Post$/ : /^投稿する$/, page.locator('form.composer'));
        const thread = new URL(page.url()).pathname.match(/^\/t\/(\d+)/)[1];

        // The admin replies (any colleague would).
        await adminPage.goto(`/t/${thread}`);
        await adminPage.fill('section#reply textarea[name=body]', 'Melatonin and a clock in view helped our ward.');
        await h.submit(adminPage, 'Post reply', adminPage.locator('section#reply'));

        const letter = await mail.waitForLetter(app, member.email, (l) => l.subject.includes(title));
        assert.ok(!letter.text.includes('Melatonin'), 'the reply text stays on Rounds');
        const opens = (letter.text.match(/https?:\/\/\S+\/n\/\d+/) || [])[0];
        assert.ok(opens, `the letter links to the notification: ${letter.text}`);

        // On the notifications page the reply is unread; opening it lands on the reply
        // in its thread (JavaScript on or off) and marks it read.
        await page.goto('/notifications');
        if (js) await h.waitForHydration(page);
        const item = page.locator('li.notification.unread a', { hasText: title });
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/t/${thread}`),
          item.click(),
        ]);
        const landed = new URL(page.url()).hash.match(/^#post-(\d+)$/);
        assert.ok(landed, `lands on the reply: ${page.url()}`);
        assert.ok(await page.locator(`#post-${landed[1]}`).isVisible(), 'the reply is on the page it landed on');
        await page.goto('/notifications');
        assert.equal(await page.locator('li.notification.unread', { hasText: title }).count(), 0, 'opened means read');
        assert.equal(await page.locator('li.notification', { hasText: title }).count(), 1);
        // The letter's link leads to the same place.
        await page.goto(new URL(opens).pathname);
        assert.equal(new URL(page.url()).pathname, `/t/${thread}`);
        assert.equal(new URL(page.url()).hash, `#post-${landed[1]}`);
        const link = (letter.text.match(/http:\/\/\S+\/unsubscribe\/\d+\/reply\/[0-9a-f]{64}/) || [])[0];
        assert.ok(link, letter.text);

        await page.goto(link);
        if (js) await h.waitForHydration(page);
        const done = await h.submit(page, t.stop);
        assert.equal(done.status(), 200);
        assert.equal(await h.noticeText(page), t.stopped);

        await page.goto('/profile');
        await page.click(`a:has-text("${t.settings}")`);
        await page.waitForURL((u) => u.pathname === '/profile/notifications');
        if (js) await h.waitForHydration(page);
        assert.ok(await page.isChecked('#pref-reply-in_app'), 'replies now stay in Rounds');
        await page.check('#pref-mention-off');
        await page.check('#pref-approved-digest');
        const saved = await h.submit(page, t.save);
        assert.equal(saved.status(), 200);
        assert.equal(await h.noticeText(page), t.saved);
        assert.ok(await page.isChecked('#pref-mention-off'));
        assert.ok(await page.isChecked('#pref-approved-digest'), 'the daily e-mail is a choice too');
        h.assertNoScriptErrors(problems);
      } finally {
        await ctx.close();
      }
    });
  });
}
