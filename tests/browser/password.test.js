// What this file proves, in a real browser, in English with JavaScript off and in
// Japanese with JavaScript on:
// - a member opens "Change password" from their profile, a wrong current password is
//   refused by its field with every password box emptied (nothing typed is sent back),
//   the right one changes it, this device stays signed in with a notice, the member's
//   other device is signed out, and the new password signs in;
// - a member who forgot their password: an admin presses "Password reset link" on
//   /admin/users and sees the link once; the member opens it signed out, sets a new
//   password (a mistyped one is refused first), lands on the sign-in page with a
//   notice, and signs in with it; the link does not work twice;
// - the sessions list on /profile names each device (Chromium: "Chrome on Linux"),
//   marks this one, and signs out another with one button;
// - an admin signs a member out on every device from /admin/users.

'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');

const TEXT = {
  en: {
    endAll: 'Sign out everywhere',
    endedAll: 'That member is signed out on every device.',
    thisDevice: 'this device',
    signOut: 'Sign out',
    ended: 'That device is signed out.',
    set: 'Set password',
    mismatch: 'The two new passwords are not the same.',
    reset: 'Your new password is set. Sign in with it.',
    unusable: 'This link has expired or was already used. Ask an admin for a new one.',
    submit: 'Change password',
    wrong: 'This is not your current password.',
    changed: 'Your password is changed. Every other device is signed out.',
  },
  ja: {
    endAll: 'すべての端末からログアウト',
    endedAll: 'その会員をすべての端末からログアウトしました。',
    thisDevice: 'この端末',
    signOut: 'ログアウト',
    ended: 'その端末をログアウトしました。',
    set: 'パスワードを設定',
    mismatch: '新しいパスワードが一致しません。',
    reset: '新しいパスワードを設定しました。ログインしてください。',
    unusable: 'このリンクは期限切れか、すでに使われています。管理者に新しいリンクを依頼してください。',
    submit: 'パスワードを変更',
    wrong: '現在のパスワードが正しくありません。',
    changed: 'パスワードを変更しました。ほかの端末はすべてログアウトされました。',
  },
};

const NEW_PASSWORD = 'lantern harbour morning round 58';

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
  describe(`Changing a password ${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`, () => {
    it('refuses a wrong current password, then changes it and signs out the other device', async () => {
      const member = h.newApplicant(`pw${lang}`);
      const { ctx, page } = await h.verifiedMember(browser, app, adminPage, member, { js, locale });
      const problems = h.watchPage(page);
      // The member's other device.
      const otherCtx = await h.newContext(browser, app, { js: false });
      const other = await otherCtx.newPage();
      try {
        await h.signIn(other, member.email, member.password);
        await other.goto('/profile');
        assert.equal(new URL(other.url()).pathname, '/profile', 'the other device is signed in');

        await page.goto('/profile');
        await page.click('a[href="/profile/password"]');
        await page.waitForURL((u) => u.pathname === '/profile/password');
        assert.equal(new URL(page.url()).pathname, '/profile/password');
        if (js) await h.waitForHydration(page);

        await page.fill('#password-current_password', 'not the right password');
        await page.fill('#password-new_password', NEW_PASSWORD);
        await page.fill('#password-new_password_confirm', NEW_PASSWORD);
        const refused = await h.submit(page, t.submit);
        assert.equal(refused.status(), 422);
        const field = page.locator('.field', { has: page.locator('#password-current_password') });
        assert.equal(await h.fieldErrorText(field), t.wrong);
        for (const id of ['current_password', 'new_password', 'new_password_confirm']) {
          assert.equal(await page.inputValue(`#password-${id}`), '', `the ${id} box is empty again`);
        }
        assert.ok(!(await page.content()).includes(NEW_PASSWORD), 'the typed password is not in the page');

        if (js) await h.waitForHydration(page);
        await page.fill('#password-current_password', member.password);
        await page.fill('#password-new_password', NEW_PASSWORD);
        await page.fill('#password-new_password_confirm', NEW_PASSWORD);
        const changed = await h.submit(page, t.submit);
        assert.equal(changed.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/profile');
        assert.equal(await h.noticeText(page), t.changed);

        await other.goto('/profile');
        assert.equal(new URL(other.url()).pathname, '/login', 'the other device is signed out');
        await h.signIn(other, member.email, NEW_PASSWORD);
        await other.goto('/profile');
        assert.equal(new URL(other.url()).pathname, '/profile', 'the new password signs in');
        h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await otherCtx.close();
        await ctx.close();
      }
    });
  });
}

for (const [js, locale, lang] of [[false, 'en-US', 'en'], [true, 'ja-JP', 'ja']]) {
  const t = TEXT[lang];
  describe(`A reset link ${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`, () => {
    it('is made by an admin, sets a new password once, and leads to sign-in', async () => {
      const member = h.newApplicant(`reset${lang}`);
      const made = await h.verifiedMember(browser, app, adminPage, member, { js: false });
      await made.ctx.close();

      await adminPage.goto('/admin/users');
      const row = adminPage.locator('tr', { hasText: member.email });
      const shown = await h.submit(adminPage, 'Password reset link', row);
      assert.equal(shown.status(), 200);
      const link = await adminPage.locator('a.reset-url').getAttribute('href');
      assert.match(link, /^\/reset\/[0-9a-f]{64}$/);

      const ctx = await h.newContext(browser, app, { js, locale });
      const page = await ctx.newPage();
      const problems = h.watchPage(page);
      try {
        await page.goto(link);
        if (js) await h.waitForHydration(page);
        await page.fill('#reset-new_password', NEW_PASSWORD);
        await page.fill('#reset-new_password_confirm', 'not the same phrase at all');
        const refused = await h.submit(page, t.set);
        assert.equal(refused.status(), 422);
        const confirm = page.locator('.field', { has: page.locator('#reset-new_password_confirm') });
        assert.equal(await h.fieldErrorText(confirm), t.mismatch);

        if (js) await h.waitForHydration(page);
        await page.fill('#reset-new_password', NEW_PASSWORD);
        await page.fill('#reset-new_password_confirm', NEW_PASSWORD);
        const done = await h.submit(page, t.set);
        assert.equal(done.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/login');
        assert.equal(await h.noticeText(page), t.reset);

        // Used once: the same link now says so.
        await page.goto(link);
        if (js) await h.waitForHydration(page);
        await page.fill('#reset-new_password', NEW_PASSWORD);
        await page.fill('#reset-new_password_confirm', NEW_PASSWORD);
        const again = await h.submit(page, t.set);
        assert.equal(again.status(), 422);
        assert.equal((await page.locator('.form-error').textContent()).trim(), t.unusable);
        h.assertNoScriptErrors(problems, { allowedStatus: [422] });
      } finally {
        await ctx.close();
      }
      const check = await h.newContext(browser, app, { js: false });
      const p = await check.newPage();
      await h.signIn(p, member.email, NEW_PASSWORD);
      assert.equal(new URL(p.url()).pathname, '/', 'the new password signs in');
      await check.close();
    });
  });
}

for (const [js, locale, lang] of [[false, 'en-US', 'en'], [true, 'ja-JP', 'ja']]) {
  const t = TEXT[lang];
  describe(`The sessions list ${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`, () => {
    it('names each device, marks this one, and signs out another', async () => {
      const member = h.newApplicant(`sessions${lang}`);
      const { ctx, page } = await h.verifiedMember(browser, app, adminPage, member, { js, locale });
      const otherCtx = await h.newContext(browser, app, { js: false });
      const other = await otherCtx.newPage();
      const problems = h.watchPage(page);
      try {
        await h.signIn(other, member.email, member.password);
        await page.goto('/profile');
        if (js) await h.waitForHydration(page);
        const items = page.locator('ul.sessions li');
        assert.equal(await items.count(), 2, 'two sessions are listed');
        for (let k = 0; k < 2; k += 1) {
          assert.equal((await items.nth(k).locator('.device').textContent()).trim(), 'Chrome on Linux');
        }
        const mine = page.locator('ul.sessions li.current');
        assert.equal((await mine.locator('.badge').textContent()).trim(), t.thisDevice);
        assert.equal(await mine.locator('button').count(), 0, 'this session has no sign-out button');
        const theirs = page.locator('ul.sessions li:not(.current)');
        const res = await h.submit(page, t.signOut, theirs);
        assert.equal(res.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/profile');
        assert.equal(await h.noticeText(page), t.ended);
        assert.equal(await page.locator('ul.sessions li').count(), 1);
        await other.goto('/profile');
        assert.equal(new URL(other.url()).pathname, '/login', 'the other device is signed out');
        h.assertNoScriptErrors(problems);
      } finally {
        await otherCtx.close();
        await ctx.close();
      }
    });
  });
}

for (const [js, locale, lang] of [[false, 'en-US', 'en'], [true, 'ja-JP', 'ja']]) {
  const t = TEXT[lang];
  describe(`An admin ${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`, () => {
    it('signs a member out on every device', async () => {
      const member = h.newApplicant(`endall${lang}`);
      const { ctx, page } = await h.verifiedMember(browser, app, adminPage, member, { js: false });
      const staffCtx = await h.newContext(browser, app, { js, locale });
      const staff = await staffCtx.newPage();
      const problems = h.watchPage(staff);
      try {
        await h.signIn(staff, app.admin.email, app.admin.password);
        await staff.goto('/admin/users');
        if (js) await h.waitForHydration(staff);
        const row = staff.locator('tr', { hasText: member.email });
        const res = await h.submit(staff, t.endAll, row);
        assert.equal(res.status(), 200);
        assert.equal(new URL(staff.url()).pathname, '/admin/users');
        assert.equal(await h.noticeText(staff), t.endedAll);
        await page.goto('/profile');
        assert.equal(new URL(page.url()).pathname, '/login', 'the member is signed out');
        h.assertNoScriptErrors(problems);
      } finally {
        await staffCtx.close();
        await ctx.close();
      }
    });
  });
}
