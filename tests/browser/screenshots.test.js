// What this file proves: every main page (the forum's too: thread list, thread,
// composer, a held post, notifications, the moderation queue and a held post opened
// by a moderator) renders in English and in Japanese at a
// phone viewport (390×844) and a desktop one (1280×900), and we keep a full-page
// PNG of each under tests/browser/artifacts/ (<lang>-<viewport>-<page>.png) for
// people to look at. It also checks that no page scrolls sideways on the phone
// (nothing wider than the screen), which is the most common phone layout bug.
//
// Japanese glyphs only render with a CJK font installed (Debian: fonts-noto-cjk);
// without it the Japanese screenshots show boxes, but the test still passes.

'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const { Client, api, idFrom } = require('./lib/http.js');

const THREAD_TITLE = 'Aspiration pneumonia in a frail older patient: when do you stop antibiotics?';
const HELD_TITLE = 'Readmitted with aspiration pneumonia';

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

// The forum pages show what the `before` hook below posts; their addresses hold ids.
const ids = {};

// Who looks at which page: anonymous visitor, pending applicant, verified member, or admin.
// `path` may be a function (called once the ids exist); `also` checks one more text.
const PAGES = [
  { name: 'landing', who: 'visitor', path: '/', h1: { en: 'Share cases. Never patients.', ja: '症例は共有する。患者は守る。' } },
  { name: 'register', who: 'visitor', path: '/register', h1: { en: 'Apply to join Rounds', ja: 'Roundsへの参加申請' } },
  { name: 'login', who: 'visitor', path: '/login', h1: { en: 'Sign in', ja: 'ログイン' } },
  { name: 'pending', who: 'applicant', path: '/pending', h1: { en: 'Your application is being checked', ja: '申請を確認しています' } },
  { name: 'profile', who: 'admin', path: '/profile', h1: { en: 'Your profile', ja: 'プロフィール' } },
  { name: 'verification-queue', who: 'admin', path: '/mod/verification', h1: { en: 'Verification queue', ja: '資格確認キュー' } },
  { name: 'admin-users', who: 'admin', path: '/admin/users', h1: { en: 'Users', ja: 'ユーザー管理' } },
  { name: 'member-home', who: 'admin', path: '/', h1: { en: 'Latest threads', ja: '最新のスレッド' } },
  { name: 'forum-threads', who: 'member', path: '/', h1: { en: 'Latest threads', ja: '最新のスレッド' } },
  { name: 'new-thread', who: 'member', path: '/new-topic', h1: { en: 'New thread', ja: '新しいスレッド' } },
  {
    name: 'thread', who: 'member', path: () => `/t/${ids.thread}`,
    h1: { en: THREAD_TITLE, ja: THREAD_TITLE },
    also: { selector: 'section#reply h2', en: 'Reply', ja: '返信する' },
  },
  {
    name: 'held-post', who: 'member', path: () => `/p/${ids.heldPost}`,
    h1: { en: HELD_TITLE, ja: HELD_TITLE },
    also: { selector: 'section.held-panel h2', en: 'Held for review', ja: '確認のため保留中' },
  },
  {
    name: 'search', who: 'member', path: '/search?q=antibiotics',
    h1: { en: 'Search', ja: '検索' },
    also: { selector: 'li.search-hit mark', en: 'antibiotics', ja: 'antibiotics' },
  },
  { name: 'notifications', who: 'member', path: '/notifications', h1: { en: 'Notifications', ja: '通知' } },
  { name: 'mod-queue', who: 'admin', path: '/mod/queue', h1: { en: 'Moderation queue', ja: 'モデレーションキュー' } },
  {
    name: 'mod-held', who: 'admin', path: () => `/mod/held/${ids.heldRevision}`,
    h1: { en: 'Held post', ja: '保留中の投稿' },
    also: { selector: 'section.decisions button.button:not(.danger)', en: 'Approve and publish', ja: '承認して公開' },
  },
];

let app;
let browser;
const contexts = {};

before(async () => {
  fs.mkdirSync(h.ARTIFACTS, { recursive: true });
  app = await h.startApp();
  browser = await h.launchBrowser();

  // Two applicants: one stays pending (and fills the queue), the other is the
  // applicant whose pending page we photograph.
  const applicant = h.newApplicant('pending');
  for (const who of ['visitor', 'applicant', 'admin']) {
    contexts[who] = await h.newContext(browser, app, { js: true });
  }
  const page = await contexts.applicant.newPage();
  await page.goto('/register');
  await h.fillRegistration(page, applicant);
  await h.sendApplication(page, applicant);
  await page.close();
  const admin = await contexts.admin.newPage();
  await h.signIn(admin, app.admin.email, app.admin.password);

  // A verified member with a published thread (with replies) and a held post sent
  // for review, which the admin has claimed. Posted over HTTP with the members'
  // browser sessions: these pages are about how things look, not how they are made.
  const { ctx: memberCtx } = await h.verifiedMember(browser, app, admin, h.newApplicant('member'), { js: true });
  contexts.member = memberCtx;
  await admin.close();
  const member = await Client.fromContext(contexts.member, app.baseURL);
  const adminHttp = await Client.fromContext(contexts.admin, app.baseURL);
  let res = await member.post('/new-topic', {
    category: 'elder-care',
    title: THREAD_TITLE,
    tags: 'pneumonia antibiotics 誤嚥性肺炎',
    body: 'We usually treat for **5 to 7 days** and stop once:\n\n- the fever has settled for 48 hours,\n- oral intake is back,\n- CRP is falling.\n\nHow do others decide?',
  });
  assert.equal(res.status, 303);
  ids.thread = idFrom(res.location, 't');
  for (const [who, body] of [
    [adminHttp, 'Five days is enough for most. A swallow assessment before restarting oral intake matters more than the choice of antibiotic.'],
    [member, '発熱が落ち着いてから3日ほどで中止しています。再開前の嚥下評価のほうが大切だと思います。'],
  ]) {
    res = await who.post(`/t/${ids.thread}/reply`, { body });
    assert.match(res.location || '', /^\/t\//, 'a clean reply is published');
  }
  res = await member.post('/new-topic', {
    category: 'internal-medicine',
    title: HELD_TITLE,
    tags: '',
    body: 'Mrs. Eleanor Whitfield, born 14 March 1941, was admitted with aspiration pneumonia for the third time this year.',
    review: '1',
  });
  assert.match(res.location || '', /^\/p\/\d+$/, 'the post naming a patient is held');
  ids.heldPost = idFrom(res.location, 'p');
  ids.heldRevision = (await api(member, 'post', { id: ids.heldPost })).revisions[0].id;
  res = await adminHttp.post('/mod/claim', { kind: 'held', id: String(ids.heldRevision), return_to: '/mod/queue' });
  assert.equal(res.status, 303);
});

after(async () => {
  if (browser) await browser.close();
  if (app) await app.stop();
});

/** Switches the language with the header switcher until the page is in `lang`. */
async function ensureLang(page, lang) {
  if ((await page.locator('html').getAttribute('lang')) !== lang) {
    await Promise.all([page.waitForNavigation(), page.locator('form.lang-switch button').click()]);
  }
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
}

/**
 * How wide the document is compared with the screen, and which elements stick out
 * past the right edge (ignoring content clipped by a scrolling box such as
 * .table-wrap, except absolutely positioned elements, which such a box does not
 * clip unless it is positioned itself).
 */
function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el) => {
      if (getComputedStyle(el).position === 'absolute') return false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .map((el) => {
        const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5) };
  });
}

for (const lang of ['en', 'ja']) {
  describe(`Screenshots of the main pages in ${lang === 'en' ? 'English' : 'Japanese'}`, () => {
    for (const p of PAGES) {
      it(`captures the ${p.name} page on a phone and a desktop, without sideways scrolling on the phone`, async () => {
        const page = await contexts[p.who].newPage();
        try {
          await page.goto(typeof p.path === 'function' ? p.path() : p.path);
          await ensureLang(page, lang);
          await page.waitForLoadState('networkidle');
          // Let web fonts (CJK fallback) settle before taking the picture.
          await page.evaluate(() => document.fonts.ready);
          assert.equal((await page.locator('h1').first().textContent()).trim(), p.h1[lang]);
          if (p.also) assert.equal((await page.locator(p.also.selector).first().textContent()).trim(), p.also[lang]);

          let phoneOverflow = null;
          for (const [vpName, size] of Object.entries(VIEWPORTS)) {
            await page.setViewportSize(size);
            const file = path.join(h.ARTIFACTS, `${lang}-${vpName}-${p.name}.png`);
            fs.rmSync(file, { force: true });
            await page.screenshot({ path: file, fullPage: true });
            const { size: bytes } = fs.statSync(file);
            assert.ok(bytes > 1000, `${file} is empty or nearly so (${bytes} bytes)`);
            if (vpName === 'phone') phoneOverflow = await sidewaysOverflow(page);
          }

          // Checked after both pictures are saved, so a failure still leaves them to look at.
          assert.ok(
            phoneOverflow.scrollWidth <= phoneOverflow.width,
            `the ${p.name} page scrolls sideways on a phone (${phoneOverflow.scrollWidth}px > ${phoneOverflow.width}px); ` +
              `sticking out: ${phoneOverflow.culprits.join(', ') || '(not found)'}`,
          );
        } finally {
          await page.close();
        }
      });
    }
  });
}
