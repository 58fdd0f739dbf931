// What this file proves: the forum's main safety story works in a real browser,
// with JavaScript on (hydrated, no script errors) and off (plain HTML forms):
//   a member starts a thread about a case that names the patient and gives her
//   date of birth; the post is held, only its author sees it, with the name and the
//   date highlighted by kind; she removes the name but keeps the date and sends it
//   for review as it is; it is still held (for the date) and waits for a moderator;
//   meanwhile another member does not see it anywhere; the admin, acting as
//   moderator, finds it in the moderation queue, claims it and approves it as it is;
//   the other member then finds the thread on the forum and reads the text (date
//   included), and the author is told that a moderator published her post.

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

const NAME = 'Eleanor Whitfield';
const DATE = '14 March 1941';
const CASE = `Mrs. ${NAME}, born ${DATE}, was admitted with aspiration pneumonia.`;
const REDACTED = `The patient, born ${DATE}, was admitted with aspiration pneumonia.`;

/** The highlighted spans in `scope` as [{ kind, text }], in order. */
function marks(scope) {
  return scope.locator('mark').evaluateAll((ms) => ms.map((m) => ({ kind: m.dataset.kind, text: m.textContent })));
}

/** The text of `locator` with runs of white space folded, for comparing prose. */
async function prose(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

for (const js of [true, false]) {
  const mode = js ? 'with JavaScript on' : 'with JavaScript off';

  describe(`A post naming a patient is held, redacted in part, and approved by a moderator ${mode}`, () => {
    it('keeps the post from other members until the moderator approves it, then shows it and tells the author', async () => {
      const title = `Aspiration pneumonia after a stroke: antibiotics or not? (${js ? 'on' : 'off'})`;
      const author = h.newApplicant(js ? 'writerOn' : 'writerOff');
      const reader = h.newApplicant(js ? 'readerOn' : 'readerOff');
      const adminCtx = await h.newContext(browser, app, { js });
      const contexts = [adminCtx];
      try {
        const adminPage = await adminCtx.newPage();
        const adminProblems = h.watchPage(adminPage);
        await h.signIn(adminPage, app.admin.email, app.admin.password);
        const { ctx: authorCtx, page } = await h.verifiedMember(browser, app, adminPage, author, { js });
        contexts.push(authorCtx);
        const { ctx: readerCtx, page: readerPage } = await h.verifiedMember(browser, app, adminPage, reader, { js });
        contexts.push(readerCtx);
        const problems = h.watchPage(page);
        const readerProblems = h.watchPage(readerPage);

        // The author opens the composer from the forum's front page.
        await page.goto('/');
        assert.equal((await page.locator('h1').textContent()).trim(), 'Latest threads');
        if (js) await h.waitForHydration(page);
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/new-topic'),
          page.locator('main').getByRole('link', { name: 'New thread' }).click(),
        ]);
        const composer = page.locator('form.composer');
        await composer.waitFor();
        if (js) {
          // The live check is drawn only by the hydrated page; wait for the composer to
          // settle before typing, so that what is typed is what the page's state holds.
          await h.waitForComposer(page);
          assert.equal((await page.locator('div.live-check p.ok').textContent()).trim(), 'Nothing that could identify a patient found so far.');
        } else {
          assert.equal(await page.locator('div.live-check').count(), 0, 'without JS there is no live check');
        }
        await page.selectOption('select[name=category]', 'internal-medicine');
        await page.fill('input[name=title]', title);
        await page.fill('input[name=tags]', 'pneumonia geriatrics');
        await page.fill('#compose-body', CASE);
        if (js) {
          // Before anything is sent, the browser already warns about both identifiers.
          await page.locator('div.live-check p.warn').waitFor();
          assert.deepEqual(await marks(page.locator('div.live-check .preview')), [
            { kind: 'NAME', text: NAME },
            { kind: 'DATE', text: DATE },
          ]);
        }
        await h.submit(page, /^Post$/, composer);

        // Held: the author lands on the post's own page, which highlights what was found.
        const heldURL = new URL(page.url());
        const m = /^\/p\/(\d+)$/.exec(heldURL.pathname);
        assert.ok(m, `a post naming a patient should lead to /p/{id}, not ${heldURL.pathname}`);
        const postId = Number(m[1]);
        if (js) await h.waitForComposer(page);
        // One message for one outcome: the held panel, no banner repeating it.
        assert.equal(await h.noticeText(page), null);
        const panel = page.locator('section.held-panel');
        assert.equal((await panel.locator('h2').textContent()).trim(), 'Held for review');
        assert.equal(await prose(panel.locator('p.meta')), 'Not yet sent to moderators: edit it or send it for review.');
        assert.deepEqual(await marks(panel.locator('.held-text').last()), [
          { kind: 'NAME', text: NAME },
          { kind: 'DATE', text: DATE },
        ]);
        assert.equal(await prose(panel.locator('.held-text').last()), `Mrs. ${NAME}Name, born ${DATE}Date, was admitted with aspiration pneumonia.`);
        assert.equal(await panel.locator('button', { hasText: 'Use all suggested replacements' }).count(), 1);
        assert.equal(await panel.locator('button', { hasText: 'Send for review as it is' }).count(), 1);
        const threadHref = await page.locator('main p.meta a', { hasText: 'Back to the thread' }).getAttribute('href');
        const threadId = Number(/^\/t\/(\d+)/.exec(threadHref)?.[1]);
        assert.ok(threadId > 0, `no thread link on the held page (${threadHref})`);

        // The edit composer holds what she wrote.
        const edit = page.locator('form.composer:has(input[name=action][value=edit])');
        assert.equal(await edit.locator('input[name=title]').inputValue(), title);
        assert.equal(await edit.locator('textarea[name=body]').inputValue(), CASE);

        // She removes the name only, keeps the date, and sends it for review as it is.
        await edit.locator('textarea[name=body]').fill(REDACTED);
        if (js) {
          await page.waitForFunction(() => document.querySelectorAll('div.live-check .preview mark').length === 1);
          assert.deepEqual(await marks(page.locator('div.live-check .preview')), [{ kind: 'DATE', text: DATE }]);
        }
        await h.submit(page, 'Send for review as it is', edit);
        assert.equal(new URL(page.url()).pathname, `/p/${postId}`, 'the edited post is still held (for the date)');
        assert.equal(await h.noticeText(page), null, 'the panel says it, once');
        if (js) await h.waitForComposer(page);
        assert.equal(await prose(panel.locator('p.meta')), 'Sent to the moderators; waiting for review. You will be notified of their decision.');
        assert.deepEqual(await marks(panel.locator('.held-text').last()), [{ kind: 'DATE', text: DATE }]);
        assert.equal(await panel.locator('button', { hasText: 'Send for review as it is' }).count(), 0, 'already sent');
        assert.equal(await edit.locator('textarea[name=body]').inputValue(), REDACTED);

        // Another member sees nothing of it: not on the forum, not at the thread's address.
        await readerPage.goto('/');
        assert.equal((await readerPage.locator('h1').textContent()).trim(), 'Latest threads');
        assert.ok(!(await readerPage.locator('body').textContent()).includes(title), 'the held thread\'s title is on the reader\'s front page');
        assert.equal(await readerPage.locator(`#thread-${threadId}`).count(), 0);
        const hidden = await readerPage.goto(`/t/${threadId}`);
        assert.equal(hidden.status(), 404, `a held thread should not exist for other members (got ${hidden.status()})`);
        const hiddenText = await readerPage.locator('body').textContent();
        assert.ok(!hiddenText.includes(title) && !hiddenText.includes(DATE), 'the held thread shows through /t/{id}');

        // The admin, as moderator, opens the queue from the header and finds the item.
        await adminPage.goto('/');
        if (js) await h.waitForHydration(adminPage);
        await Promise.all([
          adminPage.waitForURL((u) => u.pathname === '/mod/queue'),
          adminPage.locator('header nav').getByRole('link', { name: 'Moderation queue', exact: true }).click(),
        ]);
        assert.equal((await adminPage.locator('h1').textContent()).trim(), 'Moderation queue');
        const item = adminPage.locator('li.queue-item', { hasText: author.display_name });
        await assert.doesNotReject(item.waitFor(), `the queue has no item from ${author.display_name}`);
        assert.equal(await item.count(), 1);
        const revisionId = Number((await item.getAttribute('id')).replace(/^held-/, ''));
        assert.ok(revisionId > 0, `queue item id ${await item.getAttribute('id')}`);
        assert.equal((await item.locator('.badge').textContent()).trim(), 'Held post');
        // The item sums up what was found: the date only, since the name was removed before sending.
        assert.equal((await item.locator('p').nth(1).textContent()).trim(), 'Date');
        if (js) await h.waitForHydration(adminPage);
        await Promise.all([
          adminPage.waitForURL((u) => u.pathname === `/mod/held/${revisionId}`),
          item.getByRole('link', { name: 'Open' }).click(),
        ]);
        assert.equal((await adminPage.locator('h1').textContent()).trim(), 'Held post');
        await adminPage.locator('main .held-text').last().waitFor();
        if (js) await h.waitForHydration(adminPage);
        assert.match(await prose(adminPage.locator('main p.meta').first()), new RegExp(`By ${author.display_name}`));
        assert.deepEqual(await marks(adminPage.locator('main .held-text').last()), [{ kind: 'DATE', text: DATE }]);
        assert.match(await prose(adminPage.locator('main .held-text').last()), /^The patient, born 14 March 1941Date, was admitted/);
        assert.equal(await adminPage.locator('button', { hasText: 'Approve and publish' }).count(), 0, 'no decision before claiming');

        // Claim, then approve as it is.
        await h.submit(adminPage, 'Claim');
        assert.equal(await h.noticeText(adminPage), 'You have claimed this item.');
        // After claiming, the page holds the redaction composer too.
        if (js) await h.waitForComposer(adminPage);
        assert.match(await prose(adminPage.locator('div.claim')), /Claimed by you until/);
        await h.submit(adminPage, 'Approve and publish');
        assert.equal(new URL(adminPage.url()).pathname, '/mod/queue');
        assert.equal(await h.noticeText(adminPage), 'The post is published.');
        assert.equal(await adminPage.locator(`#held-${revisionId}`).count(), 0, 'the approved item left the queue');

        // The other member now finds the thread on the forum and reads it, date and all.
        await readerPage.goto('/');
        const row = readerPage.locator(`#thread-${threadId}`);
        assert.equal(await row.count(), 1, 'the approved thread is on the reader\'s front page');
        assert.equal((await row.locator('a.thread-title').textContent()).trim(), title);
        assert.match(await prose(row.locator('.meta')), new RegExp(author.display_name));
        if (js) await h.waitForHydration(readerPage);
        await Promise.all([
          readerPage.waitForURL((u) => u.pathname === `/t/${threadId}`),
          row.locator('a.thread-title').click(),
        ]);
        await readerPage.locator('ol.posts li.post').first().waitFor();
        if (js) await h.waitForComposer(readerPage);
        assert.equal((await readerPage.locator('h1').textContent()).trim(), title);
        const post = readerPage.locator(`#post-${postId}`);
        assert.equal((await post.locator('.author').textContent()).trim(), author.display_name);
        assert.equal(await prose(post.locator('.post-body')), REDACTED);
        // And on a full page load of the thread, too.
        await readerPage.goto(`/t/${threadId}`);
        assert.equal(await prose(readerPage.locator(`#post-${postId} .post-body`)), REDACTED);

        // The author is told: the header counts the unread notification, and the list says what happened.
        await page.goto('/');
        const count = page.locator('header .notifications-link span.count');
        assert.equal(await count.count(), 1, 'the header shows an unread count');
        const unread = Number((await count.textContent()).trim());
        assert.ok(unread >= 1, `unread count ${unread}`);
        if (js) await h.waitForHydration(page);
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/notifications'),
          page.locator('header .notifications-link').click(),
        ]);
        const told = page.locator('li.notification', { hasText: 'A moderator published your post' });
        await assert.doesNotReject(told.first().waitFor(), 'no notification about the published post');
        assert.equal(await prose(told.locator('a')), `A moderator published your post in “${title}”`);
        assert.match(await told.locator('a').getAttribute('href'), /^\/n\/\d+$/, 'opens through the server');
        assert.equal(await page.locator('li.notification.unread').count(), unread, 'the header count matches the unread items');
        // Opening it lands on the published post in its thread and marks it read.
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/t/${threadId}`),
          told.locator('a').click(),
        ]);
        assert.equal(new URL(page.url()).hash, `#post-${postId}`);
        await page.goto('/notifications');
        assert.equal(await page.locator('li.notification.unread').count(), unread - 1, 'the opened one is read');

        if (js) {
          h.assertNoScriptErrors(problems);
          // The reader asked for the held thread and got the expected 404.
          h.assertNoScriptErrors(readerProblems, { allowed404: [/\/favicon\.ico$/, new RegExp(`/t/${threadId}$`)] });
          h.assertNoScriptErrors(adminProblems);
        }
      } finally {
        for (const c of contexts) await c.close();
      }
    });
  });
}
