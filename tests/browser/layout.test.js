// What this file proves, on a phone-sized screen (390×844), in English and Japanese,
// with JavaScript off and on:
// - a wide table in a post scrolls sideways in its own box: no word in a cell is
//   broken across lines (it used to break after every character), and the page
//   itself never scrolls sideways;
// - the report form's choices lay out cleanly: each radio button is button-sized and
//   sits on the same line as its words.

'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const { Client, idFrom } = require('./lib/http.js');

const PHONE = { width: 390, height: 844 };

const TABLE = [
  'Our night-team crib sheet for delirium, for comments:',
  '',
  '| Drug | Starting dose | Maximum dose | Renal adjustment | Monitoring |',
  '|---|---|---|---|---|',
  '| Haloperidol | 0.5 mg at night | 5 mg a day | none needed | QTc and extrapyramidal signs |',
  '| Quetiapine | 12.5 mg at night | 200 mg a day | none needed | sedation and orthostatic hypotension |',
  '| 抑肝散 | 2.5 g 一日2回 | 7.5 g 一日 | 不要 | 低カリウム血症 |',
].join('\n');

let app;
let browser;
let adminCtx;
let adminPage;
let threadId;

before(async () => {
  app = await h.startApp();
  browser = await h.launchBrowser();
  adminCtx = await h.newContext(browser, app, { js: false });
  adminPage = await adminCtx.newPage();
  await h.signIn(adminPage, app.admin.email, app.admin.password);
  // The admin writes the thread, so members see a "Report" link on its post.
  const client = await Client.fromContext(adminCtx, app.baseURL);
  const started = await client.post('/new-topic', {
    category: 'internal-medicine',
    title: 'Delirium drugs at night: a crib sheet',
    tags: '',
    body: TABLE,
  });
  assert.equal(started.status, 303, 'the thread was started');
  threadId = idFrom(started.location, 't');
});

after(async () => {
  if (adminCtx) await adminCtx.close();
  if (browser) await browser.close();
  if (app) await app.stop();
});

/** Words of every table cell that the browser drew on more than one line. */
async function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const cell of document.querySelectorAll('.post-body td, .post-body th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Latin words only: Japanese text may break between any two characters.
        const re = /[A-Za-z0-9.]+/g;
        for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** For each report choice: the radio's width and whether its words start on its line. */
async function choiceLayout(page) {
  return page.evaluate(() => [...document.querySelectorAll('label.choice')].map((label) => {
    const radio = label.querySelector('input[type=radio]').getBoundingClientRect();
    const text = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
    const range = document.createRange();
    range.selectNodeContents(text);
    const first = range.getClientRects()[0];
    const middle = radio.top + radio.height / 2;
    return {
      text: text.data.trim(),
      radioWidth: radio.width,
      sameLine: first.top <= middle && middle <= first.bottom,
      after: first.left >= radio.right,
    };
  }));
}

for (const [js, locale, lang] of [[false, 'en-US', 'en'], [true, 'ja-JP', 'ja']]) {
  const mode = `${lang === 'en' ? 'in English' : 'in Japanese'} with JavaScript ${js ? 'on' : 'off'}`;

  describe(`On a phone ${mode}`, () => {
    let ctx;
    let page;

    before(async () => {
      const member = h.newApplicant(`layout${lang}`);
      ({ ctx, page } = await h.verifiedMember(browser, app, adminPage, member, { js, locale, viewport: PHONE }));
    });

    after(async () => {
      if (ctx) await ctx.close();
    });

    it('a wide table scrolls in its own box and keeps its words whole', async () => {
      const problems = h.watchPage(page);
      await page.goto(`/t/${threadId}`);
      if (js) await h.waitForHydration(page);
      assert.equal(await page.locator('.post-body table').count(), 1, 'the table is rendered');
      assert.deepEqual(await brokenWords(page), [], 'no word of a cell is broken across lines');
      const widths = await page.evaluate(() => {
        const t = document.querySelector('.post-body table');
        return { page: document.documentElement.scrollWidth, screen: window.innerWidth, table: t.scrollWidth, box: t.clientWidth };
      });
      assert.ok(widths.page <= widths.screen, `the page scrolls sideways: ${JSON.stringify(widths)}`);
      assert.ok(widths.table > widths.box, `the table is wider than the screen and scrolls in its box: ${JSON.stringify(widths)}`);
      h.assertNoScriptErrors(problems);
    });

    it("the report form's choices sit beside their radio buttons", async () => {
      await page.goto(`/t/${threadId}`);
      const report = page.locator('a[href$="/report"]').first();
      await page.goto(await report.getAttribute('href'));
      if (js) await h.waitForHydration(page);
      const choices = await choiceLayout(page);
      assert.equal(choices.length, 4, 'four reasons are offered');
      for (const c of choices) {
        assert.ok(c.radioWidth < 40, `the radio for "${c.text}" is ${c.radioWidth}px wide`);
        assert.ok(c.sameLine && c.after, `"${c.text}" is not beside its radio button: ${JSON.stringify(c)}`);
      }
      const wide = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(wide, 'the report page does not scroll sideways');
    });
  });
}
