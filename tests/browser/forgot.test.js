// What this file proves, in a real browser, in English with JavaScript off and in
// Japanese with JavaScript on:
// - a member who forgot their password follows "Forgot your password?" from the
//   sign-in page, gives their address, sees the same answer an unknown address gets,
//   opens the link from the letter (in their language), sets a new password and signs
//   in with it;
// - a member moves their account to another address from /profile: a wrong password
//   is refused with the new address kept, the right one sends a link to the new
//   address, and confirming it on another device (signed out) changes the address.

'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const mail = require('./lib/mail.js');

const TEXT = {
  en: {
    forgot: 'Forgot your password?',
    send: 'Send the link',
    // This suite's server has no SMTP server (letters are files, read here as the
    // administrator would), so the answer says to ask the administrator; the API
    // suite checks the "on its way" answer against a real SMTP server.
    sent: 'If that address belongs to an account, a link to choose a new password has been made. This site sends no e-mail: ask its administrator for the link (it works once, for 30 minutes).',
    subject: 'Reset your Rounds password',
    set: 'Set password',
    reset: 'Your new password is set. Sign in with it.',
    change: 'Change e-mail address',
    sendConfirm: 'Send the confirmation link',
    wrong: 'This is not your current password.',
    asked: 'A confirmation link is on its way to the new address. Your address changes when you open it.',
    confirmSubject: 'Confirm your new Rounds e-mail address',
    confirm: 'Confirm the new address',
    changed: 'Your e-mail address is changed. Sign in with the new one from now on.',
  },
  ja: {
    forgot: 'パスワードをお忘れですか？',
    send: 'リンクを送る',
    sent: 'そのアドレスがアカウントのものであれば、新しいパスワードを設定するリンクを作成しました。このサイトはメールを送信しないため、管理者にリンクを受け取ってください（30分間、1回だけ有効です）。',
    subject: 'Rounds のパスワード再設定',
    set: 'パスワードを設定',
    reset: '新しいパスワードを設定しました。ログインしてください。',
    change: 'メールアドレスを変更',
    sendConfirm: '確認リンクを送る',
    wrong: '現在のパスワードが正しくありません。',
    asked: '新しいアドレスに確認リンクを送りました。リンクを開くとアドレスが変更されます。',
    confirmSubject: 'Rounds の新しいメールアドレスの確認',
    confirm: '新しいアドレスを確認する',
    changed: 'メールアドレスを変更しました。今後は新しいアドレスでログインしてください。',
  },
};

const NEW_PASSWORD = 'orchard beacon midnight round 64';

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

/** Signs in on a fresh device (the helper's sign-in speaks English). */
async function signsIn(email, password) {
  const check = await h.newContext(browser, app, { js: false });
  try {
    const p = await check.newPage();
    await h.signIn(p, email, password);
    assert.equal(new URL(p.url()).pathname, '/', `${email} signs in`);
  } finally {
    await check.close();
  }
}

for (const [js, locale, lang] of [[false, 'en-US', 'en'], [true, 'ja-JP', 'ja']]) {
  const t = TEXT[lang];
  describe(`A forgotten password ${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`, () => {
    it('is reset from the link in the letter', async () => {
      const member = h.newApplicant(`forgot${lang}`);
      // The member's language is remembered from their own session.
      const made = await h.verifiedMember(browser, app, adminPage, member, { js: false, locale });
      await made.ctx.close();

      const ctx = await h.newContext(browser, app, { js, locale });
      const page = await ctx.newPage();
      const problems = h.watchPage(page);
      try {
        await page.goto('/login');
        await page.click(`a:has-text("${t.forgot}")`);
        await page.waitForURL((u) => u.pathname === '/forgot');
        if (js) await h.waitForHydration(page);

        // An address with no account gets the very same answer.
        await page.fill('#forgot-email', `nobody-${member.email}`);
        const unknown = await h.submit(page, t.send);
        assert.equal(unknown.status(), 200);
        assert.equal(await h.noticeText(page), t.sent);

        await page.goto('/forgot');
        if (js) await h.waitForHydration(page);
        await page.fill('#forgot-email', member.email);
        const known = await h.submit(page, t.send);
        assert.equal(known.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/login');
        assert.equal(await h.noticeText(page), t.sent);
        await page.screenshot({ path: path.join(h.ARTIFACTS, `forgot-sent-${lang}-${js ? 'js' : 'nojs'}.png`), fullPage: true });

        const letter = await mail.waitForLetter(app, member.email, (l) => l.subject === t.subject);
        const link = (letter.text.match(/http:\/\/\S+\/reset\/[0-9a-f]{64}/) || [])[0];
        assert.ok(link, letter.text);
        assert.ok(!mail.letters(app).some((l) => l.to.includes('nobody-')), 'no letter to an unknown address');

        await page.goto(link);
        if (js) await h.waitForHydration(page);
        await page.fill('#reset-new_password', NEW_PASSWORD);
        await page.fill('#reset-new_password_confirm', NEW_PASSWORD);
        const done = await h.submit(page, t.set);
        assert.equal(done.status(), 200);
        assert.equal(await h.noticeText(page), t.reset);
        h.assertNoScriptErrors(problems);
      } finally {
        await ctx.close();
      }
      await signsIn(member.email, NEW_PASSWORD);
    });
  });

  describe(`A new e-mail address ${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`, () => {
    it('is confirmed from the letter sent to it', async () => {
      const member = h.newApplicant(`move${lang}`);
      const { ctx, page } = await h.verifiedMember(browser, app, adminPage, member, { js, locale });
      const problems = h.watchPage(page);
      const newEmail = `moved-${member.email}`;
      try {
        await page.goto('/profile');
        await page.click(`a:has-text("${t.change}")`);
        await page.waitForURL((u) => u.pathname === '/profile/email');
        if (js) await h.waitForHydration(page);
        await page.fill('#email-email', newEmail);
        await page.fill('#email-password', 'not my password at all');
        const refused = await h.submit(page, t.sendConfirm);
        assert.equal(refused.status(), 422);
        const field = page.locator('.field', { has: page.locator('#email-password') });
        assert.equal(await h.fieldErrorText(field), t.wrong);
        assert.equal(await page.inputValue('#email-email'), newEmail, 'the new address is kept');
        assert.equal(await page.inputValue('#email-password'), '', 'the password is not sent back');

        if (js) await h.waitForHydration(page);
        await page.fill('#email-password', member.password);
        const asked = await h.submit(page, t.sendConfirm);
        assert.equal(asked.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/profile');
        assert.equal(await h.noticeText(page), t.asked);

        const letter = await mail.waitForLetter(app, newEmail, (l) => l.subject === t.confirmSubject);
        const link = (letter.text.match(/http:\/\/\S+\/email\/confirm\/[0-9a-f]{64}/) || [])[0];
        assert.ok(link, letter.text);

        // Opened on the phone, signed out.
        const phoneCtx = await h.newContext(browser, app, { js, locale });
        const phone = await phoneCtx.newPage();
        try {
          await phone.goto(link);
          if (js) await h.waitForHydration(phone);
          const confirmed = await h.submit(phone, t.confirm);
          assert.equal(confirmed.status(), 200);
          assert.equal(await h.noticeText(phone), t.changed);
        } finally {
          await phoneCtx.close();
        }
        await signsIn(newEmail, member.password);
        h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await ctx.close();
      }
    });
  });
}
