// What this file proves: the composer works from the keyboard alone, with the `@` and
// `#` suggestions (JavaScript on, English, desktop).
// - Tab moves from the category to the title, the tags and the text box.
// - Typing `@Dr_Quo` lists the two members whose names start so; the arrow key moves
//   to the second, Enter writes its mention; Escape closes a list without writing.
// - `#nur` offers the Nursing category, Tab writes a link to it.
// - Tab reaches "Post", whose focus is visible, and Enter posts: the mention and the
//   link are in the post.

'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const h = require('./lib/app.js');

const s = h.withAdmin();

describe('The composer from the keyboard', () => {
  it('fills, suggests and posts without a pointer', async () => {
    const writerA = h.newApplicant('writer');
    const quokkaA = h.newApplicant('quokka');
    const quollA = h.newApplicant('quoll');
    const writer = await h.verifiedMember(s.browser, s.app, s.adminPage, writerA, { js: true });
    const quokka = await h.verifiedMember(s.browser, s.app, s.adminPage, quokkaA, { js: false });
    const quoll = await h.verifiedMember(s.browser, s.app, s.adminPage, quollA, { js: false });
    try {
      const p = await writer.ctx.newPage();
      const problems = h.watchPage(p);
      await p.goto('/new-topic');
      await h.waitForComposer(p);
      await p.focus('#compose-category');
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('Tab');
      assert.equal(await p.evaluate(() => document.activeElement.id), 'compose-title');
      await p.keyboard.type('Night-time agitation: who has tried what');
      await p.keyboard.press('Tab');
      await p.keyboard.type('delirium');
      // On to the text box, past the formatting buttons.
      for (let n = 0; n < 12 && (await p.evaluate(() => document.activeElement.id)) !== 'compose-body'; n += 1) {
        await p.keyboard.press('Tab');
      }
      assert.equal(await p.evaluate(() => document.activeElement.id), 'compose-body');
      await p.keyboard.type('Asking @Dr_Quo');
      const list = p.locator('#compose-suggest');
      await list.locator('li').nth(1).waitFor();
      assert.deepEqual(
        (await list.locator('li').allTextContents()).map((t) => t.split(' @')[0].trim()),
        [quokkaA.display_name, quollA.display_name],
      );
      assert.equal(await p.getAttribute('#compose-body', 'aria-activedescendant'), 'compose-suggest-0');
      await p.keyboard.press('ArrowDown');
      assert.equal(await p.getAttribute('#compose-body', 'aria-activedescendant'), 'compose-suggest-1');
      await p.keyboard.press('Enter');
      const quollMention = `@${quollA.display_name.replace(/ /g, '_')}`;
      assert.equal(await p.inputValue('#compose-body'), `Asking ${quollMention} `);
      assert.equal(await list.isVisible(), false, 'closed once picked');
      // Escape closes a list and writes nothing.
      await p.keyboard.type('and @Dr_Quok');
      await list.locator('li').first().waitFor();
      await p.keyboard.press('Escape');
      assert.equal(await list.isVisible(), false);
      await p.keyboard.press('Backspace');
      for (let n = 0; n < 'and @Dr_Quo'.length; n += 1) await p.keyboard.press('Backspace');
      await p.keyboard.type('about the ward, see #nur');
      await list.locator('li', { hasText: 'Nursing' }).waitFor();
      await p.keyboard.press('Tab');
      const body = await p.inputValue('#compose-body');
      assert.equal(body, `Asking ${quollMention} about the ward, see [#Nursing](/c/nursing) `);
      await p.keyboard.type('— melatonin at nine helped us.');
      // On to "Post", then Enter.
      for (let n = 0; n < 12 && (await p.evaluate(() => document.activeElement.textContent.trim())) !== 'Post'; n += 1) {
        await p.keyboard.press('Tab');
      }
      // Where the keyboard is shows: a visible outline on the focused button.
      assert.notEqual(await p.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
      await Promise.all([p.waitForURL(/\/t\/\d+/), p.keyboard.press('Enter')]);
      const post = p.locator('li.post').first();
      assert.match(await post.textContent(), new RegExp(quollMention));
      assert.equal(await post.locator('a[href="/c/nursing"]').textContent(), '#Nursing');
      // The mentioned member is told.
      const q = await quoll.ctx.newPage();
      await q.goto('/notifications');
      assert.match(await q.locator('main').textContent(), new RegExp(`${writerA.display_name} mentioned you`));
      h.assertNoScriptErrors(problems);
    } finally {
      await writer.ctx.close();
      await quokka.ctx.close();
      await quoll.ctx.close();
    }
  });
});
