// What this file proves: no payload of the shared XSS corpus (../shared/xss/*.txt,
// one payload per line) runs script or turns into live markup anywhere Rounds shows
// it, whether it was typed as a post's text, a thread's title or a display name,
// with JavaScript on (after hydration, dialogs trapped, every element poked) and
// off (the HTML as served). Every payload goes through the app's own forms over
// HTTP (fast, and the same routes and fields a browser sends), then every page that
// shows it is rendered in headless Chromium:
//   - display names: the verification queue and moderation queue (as applicants),
//     thread lists, thread pages, the user list, notifications, a sample of own
//     headers and profiles;
//   - titles: thread lists and every thread page (heading and <title>);
//   - post texts: every reply page, and the sanitized HTML the server serves;
//   - held posts (what the detector holds, plus one deliberately held copy of each
//     file): the author's page and the moderator's page (raw text, highlighted,
//     in a textarea and in hidden fields), then published after approval;
//   - payloads the forms refuse (control characters) on the refused form.
// Limits the app sets, applied to the payloads (and said in the test output):
// titles are cut to 200 characters, display names to 40 (and names that are the
// same after cutting, ignoring case, are registered once; their payloads are
// posted by a stand-in author).

'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./lib/app.js');
const { Client, register, idFrom } = require('./lib/http.js');
const { inspect, visitor } = require('./lib/inert.js');

const PAYLOAD_DIR = path.join(h.REPO, '..', 'shared', 'xss');
const MAX_TITLE = 200;
const MAX_NAME = 40;
const MAX_BODY = 30_000;
const NAME_SAMPLE_FILES = ['polyglots.txt', 'brutelogic.txt'];

// Rust's notion of white space (char::is_whitespace) and of control characters
// (char::is_control), which the server's validation and title clean-up use.
const WS = '\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const rustTrim = (s) => s.replace(new RegExp(`^[${WS}]+|[${WS}]+$`, 'gu'), '');
const words = (s) => s.split(new RegExp(`[${WS}]+`, 'u')).filter(Boolean);
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const cut = (s, n) => [...s].slice(0, n).join('');
const length = (s) => [...s].length;

/** Every payload, in file order: { file, line, label, text }. Fails loudly if the corpus is missing. */
function loadPayloads() {
  if (!fs.existsSync(PAYLOAD_DIR)) throw new Error(`the XSS corpus is missing: ${PAYLOAD_DIR} does not exist`);
  const files = fs.readdirSync(PAYLOAD_DIR).filter((f) => f.endsWith('.txt')).sort();
  if (!files.length) throw new Error(`the XSS corpus ${PAYLOAD_DIR} has no *.txt files`);
  const out = [];
  for (const file of files) {
    const raw = fs.readFileSync(path.join(PAYLOAD_DIR, file), 'utf8');
    // One payload per line, split on \n only; never trimmed (some depend on their spaces).
    const lines = raw.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    assert.ok(lines.length > 0, `${file} holds no payloads`);
    lines.forEach((text, k) => {
      assert.notEqual(text, '', `${file}:${k + 1} is empty`);
      out.push({ file, line: k + 1, label: `${file}:${k + 1}`, text });
    });
  }
  return out;
}

/** Runs `fn` over `items` with at most `n` at a time; results in order. */
async function mapLimit(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k], k);
    }
  }));
  return out;
}

/** Fails with every finding of a visit, labelled with what was being shown. */
function assertInert(seen, what) {
  for (const d of seen.decoded || []) decodedTitles.add(d);
  const issues = [];
  if (seen.status !== seen.expectedStatus) issues.push(`status ${seen.status}, expected ${seen.expectedStatus}`);
  for (const p of seen.problems) issues.push(p);
  for (const t of seen.trapped || []) issues.push(`ran: ${t}`);
  for (const m of seen.mismatches) issues.push(`text of ${m.sel}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  assert.deepEqual(issues, [], `${what} (${seen.url}):\n  ${issues.join('\n  ')}`);
}

/** Fails if a visitor saw dialogs, page errors, console errors or navigations away. */
function assertQuiet(v, what) {
  const { dialogs, pageErrors, consoleErrors, navigations } = v.log;
  assert.deepEqual({ dialogs, pageErrors, consoleErrors, navigations }, { dialogs: [], pageErrors: [], consoleErrors: [], navigations: [] }, what);
}

let app;
let browser;
let admin;
let payloads;
/** The stand-in author for payloads whose name could not be registered. */
let poster;
/** Per payload: { name: {raw, expected, accepted, key, dupOf, client, email, id}, title: {...}, body: {...} }. */
let rows;
let categories;
const held = [];
const fileThreads = new Map();
const notes = [];
/** Titles whose browser-tab text showed typed character references decoded (known app bug). */
const decodedTitles = new Set();

before(async () => {
  payloads = loadPayloads();
  app = await h.startApp();
  browser = await h.launchBrowser();
  admin = new Client(app.baseURL);
  await admin.signIn(app.admin.email, app.admin.password);

  const keys = new Map();
  rows = payloads.map((p, i) => {
    const nameRaw = cut(p.text, MAX_NAME);
    const nameExpected = rustTrim(nameRaw);
    const nameOk = nameExpected !== '' && !CONTROL.test(nameExpected);
    const key = nameExpected.toLowerCase();
    const dupOf = nameOk && keys.has(key) ? keys.get(key) : null;
    if (nameOk && dupOf === null) keys.set(key, i);
    const titleRaw = cut(p.text, MAX_TITLE);
    const titleTrimmed = rustTrim(titleRaw);
    return {
      p,
      name: { raw: nameRaw, expected: nameExpected, accepted: nameOk, dupOf, cut: length(p.text) > MAX_NAME },
      title: { raw: titleRaw, expected: words(titleTrimmed).join(' '), accepted: titleTrimmed !== '' && !CONTROL.test(titleTrimmed), cut: length(p.text) > MAX_TITLE },
      body: { raw: p.text, expected: p.text.replace(/\r\n/g, '\n'), accepted: rustTrim(p.text) !== '' && !BODY_CONTROL.test(p.text) && length(p.text) <= MAX_BODY },
    };
  });
  const count = (f) => rows.filter(f).length;
  notes.push(
    `${payloads.length} payloads from ${new Set(payloads.map((p) => p.file)).size} files`,
    `titles cut to ${MAX_TITLE} characters: ${count((r) => r.title.cut)}; display names cut to ${MAX_NAME}: ${count((r) => r.name.cut)}`,
    `names identical (ignoring case) after cutting, registered once: ${count((r) => r.name.dupOf !== null)}`,
    `refused for control characters: ${count((r) => !r.name.accepted)} names, ${count((r) => !r.title.accepted)} titles, ${count((r) => !r.body.accepted)} texts`,
  );
});

after(async () => {
  if (decodedTitles.size) notes.push(`KNOWN BUG: <title> does not escape "&", so ${decodedTitles.size} titles show typed character references decoded in the browser tab`);
  for (const n of notes) console.log(`# ${n}`);
  if (browser) await browser.close();
  if (app) await app.stop();
});

/** The account that posts payload `i`: its own if its name was registered, else the stand-in. */
function authorOf(i) {
  const n = rows[i].name;
  return n.client ? { client: n.client, name: n.expected } : { client: poster.client, name: poster.name };
}

describe('Payloads as display names, waiting for verification', () => {
  before(async () => {
    const a = h.newApplicant('poster');
    a.display_name = 'Dr Poster';
    poster = { client: new Client(app.baseURL), name: a.display_name, email: a.email };
    const res = await register(poster.client, a);
    assert.equal(res.status, 303, 'the stand-in author could not register');

    // Every name is sent; the forms must take exactly the ones expected.
    await mapLimit(rows, 3, async (r, i) => {
      if (r.name.dupOf !== null) return;
      const a = h.newApplicant(`xss${i}`);
      a.display_name = r.name.raw;
      const client = new Client(app.baseURL);
      const res = await register(client, a);
      if (r.name.accepted) {
        assert.equal(res.status, 303, `registering the name of ${r.p.label} (${JSON.stringify(r.name.raw)}) was refused (${res.status})`);
        assert.equal(res.location, '/pending');
        Object.assign(r.name, { client, email: a.email });
      } else {
        assert.equal(res.status, 422, `the name of ${r.p.label} holds control characters and should be refused`);
        assert.match(res.html, /id="register-display_name-error"/, `${r.p.label}: the refusal is not about the name`);
      }
    });
    const queue = await admin.get('/api/verification_queue');
    assert.equal(queue.status, 200);
    const byEmail = new Map(JSON.parse(queue.html).map((x) => [x.email, x]));
    for (const r of rows) {
      if (!r.name.client) continue;
      const x = byEmail.get(r.name.email);
      assert.ok(x, `${r.name.email} is not in the verification queue`);
      assert.equal(x.display_name, r.name.expected, `the server stored the name of ${r.p.label} differently`);
      r.name.id = x.id;
    }
    poster.id = byEmail.get(poster.email).id;
    notes.push(`accounts registered with payload names: ${rows.filter((r) => r.name.client).length}`);
  });

  for (const js of [false, true]) {
    it(`shows every applicant's name as text in the verification queue and the moderation queue, with JavaScript ${js ? 'on' : 'off'}`, async () => {
      const v = await visitor(h, browser, app, { js, client: admin });
      try {
        const named = rows.filter((r) => r.name.client);
        const seen = await v.visit('/mod/verification', {
          content: 'li.applicant h2',
          texts: named.map((r) => [`#applicant-${r.name.id} > h2`, r.name.expected]),
        });
        assertInert(seen, 'the verification queue');
        assert.equal(seen.checked, named.length);
        assertInert(await v.visit('/mod/queue?kind=verification', { content: 'li.queue-item' }), 'the moderation queue');
        assertQuiet(v, 'the queues');
      } finally {
        await v.ctx.close();
      }
    });
  }
});

describe('Payloads in titles, texts and names of held posts', () => {
  before(async () => {
    // The admin verifies everyone over HTTP, as the queue's Verify button does.
    // Posting below is done one request at a time: concurrent replies make the
    // server fail with "database is locked" (a bug reported separately).
    await mapLimit([poster.id, ...rows.filter((r) => r.name.client).map((r) => r.name.id)], 1, async (id) => {
      const res = await admin.post('/mod/verification', { user_id: String(id), decision: 'verify' });
      assert.equal(res.status, 303, `verifying user ${id} failed (${res.status})`);
    });
    const home = await poster.client.get('/api/forum_home?category=&page=1');
    assert.equal(home.status, 200, 'the stand-in author is not a verified member');
    categories = JSON.parse(home.html).categories;

    for (const file of [...new Set(payloads.map((p) => p.file))]) {
      const title = `Payloads from the ${file.replace(/\.txt$/, '')} list`;
      const res = await poster.client.post('/new', {
        category: categories[0].slug, title, tags: '', body: 'Each reply below is one payload from this list.',
      });
      assert.equal(res.status, 303);
      fileThreads.set(file, { id: idFrom(res.location, 't'), title });
    }

    const remember = async (client, res, what) => {
      if (res.location.startsWith('/p/')) {
        const pid = idFrom(res.location, 'p');
        const d = JSON.parse((await client.get(`/api/post_detail?id=${pid}`)).html);
        const r0 = d.revisions[0];
        const item = { client, pid, tid: d.thread_id, rev: r0.id, opening: d.opening, title: r0.title, body: r0.body_md, bodyFindings: r0.findings.body.length, what };
        held.push(item);
        return item;
      }
      return { pid: idFrom(res.location, 'post'), tid: idFrom(res.location, 't') };
    };

    await mapLimit(rows, 1, async (r, i) => {
      const { client } = authorOf(i);
      const t = await client.post('/new', {
        category: categories[i % categories.length].slug,
        title: r.title.raw,
        tags: '',
        body: 'An opening post with nothing to hide.',
        review: '1',
      });
      if (r.title.accepted) {
        assert.equal(t.status, 303, `the title ${r.p.label} was refused (${t.status})`);
        r.title.thread = await remember(client, t, `title ${r.p.label}`);
      } else {
        assert.equal(t.status, 422, `the title ${r.p.label} holds control characters and should be refused`);
        assert.match(t.html, /id="compose-title-error"/);
      }
      const b = await client.post(`/t/${fileThreads.get(r.p.file).id}/reply`, { body: r.body.raw, review: '1' });
      if (r.body.accepted) {
        assert.equal(b.status, 303, `the text ${r.p.label} was refused (${b.status})`);
        r.body.post = await remember(client, b, `text ${r.p.label}`);
      } else {
        // (The refused reply comes back as "Page not found" with status 422: a bug
        // reported separately. The refused text is checked on the new-thread form.)
        assert.equal(b.status, 422, `the text ${r.p.label} holds control characters and should be refused`);
      }
    });

    // One deliberately held copy of each file: all its payloads in one text, with a
    // patient's name, so that each author and moderator page shows a whole file raw.
    for (const file of fileThreads.keys()) {
      const body = ['Seen by Mrs. Eleanor Whitfield.', '', ...rows.filter((r) => r.p.file === file && r.body.accepted).map((r) => r.body.raw)].join('\n');
      assert.ok(length(body) <= MAX_BODY, `${file} is too long for one post`);
      const res = await poster.client.post('/new', {
        category: categories[0].slug, title: `Held copy of the ${file.replace(/\.txt$/, '')} list`, tags: '', body, review: '1',
      });
      assert.equal(res.status, 303);
      assert.match(res.location, /^\/p\/\d+$/, `the copy of ${file} naming a patient was not held`);
      await remember(poster.client, res, `held copy of ${file}`);
    }
    // The admin claims every held post, so their pages show the decision forms too.
    for (const item of held) {
      const res = await admin.post('/mod/claim', { kind: 'held', id: String(item.rev), return_to: `/mod/held/${item.rev}` });
      assert.equal(res.status, 303, `claiming revision ${item.rev} failed`);
    }
    notes.push(`held: ${held.map((x) => x.what).join('; ')}`);
  });

  for (const js of [false, true]) {
    it(`shows each held payload to its author as text, highlighted, in the editor and in the history, with JavaScript ${js ? 'on' : 'off'}`, async () => {
      const v = await visitor(h, browser, app, { js });
      try {
        for (const item of held) {
          await v.as(item.client);
          const texts = [
            ['.held-panel .held-text:has(+ .actions)', item.body, '.kind-tag'],
            ['.revisions pre.source', item.body],
          ];
          const values = [['form.composer textarea[name=body]', item.body]];
          if (item.opening) {
            texts.push(['main h1', item.title], ['head > title', `${item.title} · Rounds`], ['.held-panel h3:first-of-type + .held-text', item.title, '.kind-tag']);
            values.push(['form.composer input[name=title]', item.title]);
          }
          // The hydrated composer previews a text with findings, highlighted.
          if (js && item.bodyFindings) texts.push(['form.composer .live-check .preview', item.body]);
          assertInert(await v.visit(`/p/${item.pid}`, { texts, values }), `the author's page of the ${item.what}`);
        }
        assertQuiet(v, 'the authors\' pages');
      } finally {
        await v.ctx.close();
      }
    });

    it(`shows each held payload to the moderator as text in the queue and on its page, with JavaScript ${js ? 'on' : 'off'}`, async () => {
      const v = await visitor(h, browser, app, { js, client: admin });
      try {
        assertInert(await v.visit('/mod/queue?kind=held', { content: 'li.queue-item' }), 'the moderation queue');
        for (const item of held) {
          const texts = [['main > .held-text:has(+ .claim)', item.body, '.kind-tag']];
          const values = [['form.composer textarea[name=body]', item.body]];
          if (item.opening) {
            texts.push(['main > div.held-text:first-of-type', item.title, '.kind-tag']);
            values.push(['form.composer input[name=title]', item.title]);
          }
          if (js && item.bodyFindings) texts.push(['form.composer .live-check .preview', item.body]);
          assertInert(await v.visit(`/mod/held/${item.rev}`, { texts, values }), `the moderator's page of the ${item.what}`);
        }
        assertQuiet(v, 'the moderator\'s pages');
      } finally {
        await v.ctx.close();
      }
    });
  }
});

describe('Payloads in published titles, texts and names', () => {
  /** Thread lists as the server's data has them: [{ page, threads }]. */
  const lists = [];
  /** Reply pages of the file threads: [{ tid, page, posts }]. */
  const replyPages = [];
  /** Payload title threads: [{ r, tid, pid, title, author }]. */
  const titled = [];
  let categoryName;

  before(async () => {
    // The moderator approves, as they are, the posts the detector held on its own.
    for (const item of held.filter((x) => !x.what.startsWith('held copy'))) {
      const res = await admin.post(`/mod/held/${item.rev}`, { decision: 'approve' });
      assert.equal(res.status, 303, `approving revision ${item.rev} failed (${res.status})`);
      const d = JSON.parse((await item.client.get(`/api/post_detail?id=${item.pid}`)).html);
      assert.equal(d.state, 'published', `the ${item.what} was not published by the approval`);
    }
    categoryName = new Map(categories.map((c) => [c.slug, c.name_en]));

    for (let page = 1; ; page += 1) {
      const home = JSON.parse((await admin.get(`/api/forum_home?category=&page=${page}`)).html);
      lists.push({ page, threads: home.list.threads });
      if (page >= home.list.pages) break;
    }
    const listed = new Map(lists.flatMap((l) => l.threads).map((t) => [t.id, t]));
    rows.forEach((r, i) => {
      if (!r.title.thread) return;
      const t = listed.get(r.title.thread.tid);
      assert.ok(t, `the thread of the title ${r.p.label} is not listed after approval`);
      assert.equal(t.title, r.title.expected, `the server stored the title ${r.p.label} differently`);
      assert.equal(t.author, authorOf(i).name, `the thread of ${r.p.label} has another author`);
      titled.push({ r, tid: t.id, pid: r.title.thread.pid, title: t.title, author: t.author });
    });
    for (const { id: tid } of fileThreads.values()) {
      for (let page = 1; ; page += 1) {
        const t = JSON.parse((await admin.get(`/api/thread_page?id=${tid}&page=${page}&quote=`)).html);
        replyPages.push({ tid, page, title: t.title, posts: t.posts });
        if (page >= t.pages) break;
      }
    }
    const replies = replyPages.flatMap((p) => p.posts).filter((p) => p.number > 1);
    assert.equal(replies.length, rows.filter((r) => r.body.accepted).length, 'every accepted text is a reply');
    assert.ok(replies.every((p) => p.state === 'published'), 'every reply is published');
    notes.push(`list pages: ${lists.length}; title threads: ${titled.length}; reply pages: ${replyPages.length}`);
  });

  for (const js of [false, true]) {
    const mode = `with JavaScript ${js ? 'on' : 'off'}`;

    it(`shows every title and author name as text on every page of the thread list, ${mode}`, async () => {
      const v = await visitor(h, browser, app, { js, client: admin });
      try {
        for (const { page, threads } of lists) {
          const texts = threads.flatMap((t) => [
            [`#thread-${t.id} a.thread-title`, t.title],
            [`#thread-${t.id} .meta`, `${categoryName.get(t.category)} · ${t.author}`],
          ]);
          const seen = await v.visit(`/?page=${page}`, { content: 'ol.threads', texts });
          assertInert(seen, `thread list page ${page}`);
          assert.equal(seen.checked, texts.length);
        }
        assertQuiet(v, 'the thread lists');
      } finally {
        await v.ctx.close();
      }
    });

    it(`shows every text sanitized, and every author name as text, on every reply page, ${mode}`, async () => {
      const v = await visitor(h, browser, app, { js, client: admin });
      try {
        for (const { tid, page, title, posts } of replyPages) {
          const seen = await v.visit(`/t/${tid}?page=${page}`, {
            texts: [['main h1', title], ['head > title', `${title} · Rounds`], ...posts.map((p) => [`#post-${p.id} .author`, p.author])],
            htmls: posts.map((p) => [`#post-${p.id} .post-body`, p.html]),
          });
          assertInert(seen, `page ${page} of thread ${tid}`);
        }
        assertQuiet(v, 'the reply pages');
      } finally {
        await v.ctx.close();
      }
    });

    it(`shows every title as text in its thread page's heading and browser tab, ${mode}`, async () => {
      const v = await visitor(h, browser, app, { js, client: admin });
      try {
        for (const t of titled) {
          const seen = await v.visit(`/t/${t.tid}`, {
            texts: [['main h1', t.title], ['head > title', `${t.title} · Rounds`], [`#post-${t.pid} .author`, t.author]],
          });
          assertInert(seen, `the thread of the title ${t.r.p.label}`);
        }
        assertQuiet(v, 'the thread pages');
      } finally {
        await v.ctx.close();
      }
    });

    it(`shows every name as text in the user list and in the notifications of the threads' author, ${mode}`, async () => {
      const v = await visitor(h, browser, app, { js, client: admin });
      try {
        const named = rows.filter((r) => r.name.client);
        const seen = await v.visit('/admin/users', {
          content: 'table.users',
          texts: named.map((r) => [`#user-${r.name.id} > td:first-child`, r.name.expected]),
        });
        assertInert(seen, 'the user list');
        assert.equal(seen.checked, named.length);

        // Every reply told the file threads' author; the page shows the latest ones.
        await v.as(poster.client);
        const expected = new Set();
        for (const { title, posts } of replyPages) {
          for (const p of posts) if (p.number > 1 && p.author !== poster.name) expected.add(`${p.author} replied to “${title}”`);
        }
        const told = await v.visit('/notifications', { content: 'ol.notifications', collect: ['li.notification > p:first-child'] });
        assertInert(told, 'the notifications');
        const [items] = told.collected;
        assert.equal(items.length, Math.min(50, expected.size), 'the notifications page shows the latest 50');
        assert.deepEqual(items.filter((t) => !expected.has(t)), [], 'notifications whose text is not a name and a title as typed');
        assertQuiet(v, 'the user list and notifications');
      } finally {
        await v.ctx.close();
      }
    });

    it(`shows members their own payload name as text in the header and on their profile (a sample), ${mode}`, async () => {
      const files = js ? NAME_SAMPLE_FILES.slice(0, 1) : NAME_SAMPLE_FILES;
      const sample = rows.filter((r) => r.name.client && files.includes(r.p.file));
      assert.ok(sample.length > 0);
      const v = await visitor(h, browser, app, { js });
      try {
        for (const r of sample) {
          await v.as(r.name.client);
          const seen = await v.visit('/profile', {
            content: 'dl.details',
            texts: [['header a.who', r.name.expected], ['dl.details > dd:first-of-type', r.name.expected]],
          });
          assertInert(seen, `the profile of the name ${r.p.label}`);
        }
        assertQuiet(v, 'the profiles');
      } finally {
        await v.ctx.close();
      }
    });
  }

  it('serves, for every text, sanitized HTML that holds nothing executable when parsed on its own', async () => {
    const ctx = await h.newContext(browser, app, { js: false });
    try {
      const page = await ctx.newPage();
      await page.goto('/login');
      const problems = [];
      for (const { posts } of replyPages) {
        for (const p of posts) {
          const found = await page.evaluate(inspect, { html: p.html });
          for (const x of found.problems) problems.push(`post ${p.id}: ${x}`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });
});

describe('Payloads the forms refuse (control characters)', () => {
  for (const js of [false, true]) {
    it(`gives each refused name, title and text back as typed, as inert text, with JavaScript ${js ? 'on' : 'off'}`, async () => {
      const refused = rows.filter((r) => !r.name.accepted || !r.title.accepted || !r.body.accepted);
      assert.ok(refused.length > 0);
      // What a text field keeps of a value: browsers drop line breaks from <input>.
      const asInput = (s) => s.replace(/[\r\n]/g, '');
      const visitorCtx = await visitor(h, browser, app, { js });
      const memberCtx = await visitor(h, browser, app, { js, client: poster.client });
      try {
        for (const r of refused) {
          if (!r.name.accepted) {
            const v = visitorCtx;
            await v.ctx.clearCookies();
            assertInert(await v.visit('/register', { content: 'main' }), 'the application form');
            const a = h.newApplicant('refused');
            a.display_name = r.name.raw;
            await h.fillRegistration(v.page, a);
            assert.equal(await v.page.inputValue('#register-display_name'), asInput(r.name.raw));
            const seen = await v.submit(v.page.locator('button[type=submit]', { hasText: 'Send application' }), {
              expect: 422, content: 'main form', values: [['#register-display_name', asInput(r.name.raw)]],
              texts: [['#register-display_name-error', 'Please remove control characters.']],
            });
            assertInert(seen, `the refused name ${r.p.label}`);
          }
          if (!r.title.accepted || !r.body.accepted) {
            const v = memberCtx;
            assertInert(await v.visit('/new'), 'the new-thread form');
            await v.page.selectOption('select[name=category]', categories[0].slug);
            await v.page.fill('#compose-title', r.title.raw);
            await v.page.fill('#compose-body', r.body.raw);
            const errors = [];
            if (!r.title.accepted) errors.push(['#compose-title-error', 'Please remove control characters.']);
            if (!r.body.accepted) errors.push(['#compose-body-error', 'Please remove control characters.']);
            const seen = await v.submit(v.page.locator('form.composer button[type=submit]', { hasText: /^Post$/ }), {
              expect: 422,
              content: 'main form',
              values: [['#compose-title', asInput(r.title.raw)], ['#compose-body', r.body.expected]],
              texts: errors,
            });
            assertInert(seen, `the refused title or text ${r.p.label}`);
          }
        }
        assertQuiet(visitorCtx, 'the application form');
        assertQuiet(memberCtx, 'the new-thread form');
      } finally {
        await visitorCtx.ctx.close();
        await memberCtx.ctx.close();
      }
    });
  }
});
