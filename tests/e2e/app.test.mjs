// End to end: the real app (WebKitGTK) under Xvfb, driven through tauri-driver, against
// a real library on disk. Run by scripts/test.sh inside xvfb-run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from './webdriver.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const target = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const BIN = process.env.PERSONA_STUDIO_BIN ?? path.join(target, 'debug', 'persona-studio');
const DRIVER = 'http://127.0.0.1:4444';
const OUT = path.join(root, 'tests', 'output');

let driver;

// Test only: the app's "choose photo" reads this file instead of opening the native
// dialog, which WebDriver cannot drive (src-tauri/src/dialogs.rs). Set before the driver
// starts so the apps it launches inherit it.
process.env.PERSONA_STUDIO_TEST_PHOTO = path.join(import.meta.dirname, 'fixtures', 'portrait.jpg');

before(async () => {
  assert.ok(fs.existsSync(BIN), `the app binary is missing at ${BIN}; scripts/test.sh builds it`);
  fs.mkdirSync(OUT, { recursive: true });
  const exe = which('tauri-driver') ?? path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver');
  driver = spawn(exe, ['--port', '4444', '--native-port', '4445'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${DRIVER}/status`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error('tauri-driver did not start');
});

after(() => driver?.kill());

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tempLibrary() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'persona-e2e-'));
}

function cli(dir, ...args) {
  return spawnSync(BIN, ['--data-dir', dir, ...args], { encoding: 'utf8', env: cleanEnv() });
}

/**
 * `cli` right after the window closed: an exiting process drops its memory (ps no longer
 * shows its arguments) a moment before its open files, the library's lock among them,
 * so a refusal for a lock in use is asked again for a few seconds.
 */
async function cliAfterExit(dir, ...args) {
  let r = cli(dir, ...args);
  for (let i = 0; i < 50 && r.status !== 0 && /is in use/.test(r.stderr); i++) {
    await sleep(100);
    r = cli(dir, ...args);
  }
  return r;
}

function cleanEnv() {
  const env = { ...process.env };
  delete env.PERSONA_STUDIO_DATA;
  return env;
}

async function launch(dir) {
  const s = await Session.start(DRIVER, {
    'tauri:options': { application: BIN, args: ['--data-dir', dir] },
  });
  await s.setWindowRect({ width: 1280, height: 800 }).catch(() => {});
  return s;
}

/** The pids of app processes running on this library. */
function appPids(dir) {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .filter((l) => l.includes(BIN) && l.includes(dir))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

/** Waits until no app process holds the library any more. */
async function waitForExit(dir) {
  for (let i = 0; i < 100 && appPids(dir).length > 0; i++) await sleep(100);
  assert.deepEqual(appPids(dir), [], 'the app did not exit');
}

async function texts(s, css) {
  const els = await s.findAll(css);
  return Promise.all(els.map((e) => e.text()));
}

async function setField(el, text) {
  await el.click();
  await el.clear();
  await el.type(text);
}

test('first start offers the example library, and the library window shows it', async () => {
  const dir = tempLibrary();
  const s = await launch(dir);
  try {
    const install = await s.waitForElement('[data-testid="install-example"]');
    await install.click();
    await s.waitFor('three persona cards', async () => (await s.findAll('[data-testid="persona-card"]')).length === 3);
    const names = (await texts(s, '[data-testid="persona-card-name"]')).sort();
    assert.deepEqual(names, ['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
    await sleep(300); // let hover and fade-in transitions settle before the picture
    const png = await s.screenshot();
    fs.writeFileSync(path.join(OUT, 'library.png'), png);
    if (process.env.PERSONA_STUDIO_UPDATE_DOCS === '1') {
      fs.mkdirSync(path.join(root, 'docs', 'screenshots'), { recursive: true });
      fs.writeFileSync(path.join(root, 'docs', 'screenshots', 'library.png'), png);
    }

    // A second launch on the same library brings the running window forward.
    const again = spawnSync(BIN, ['--data-dir', dir], { encoding: 'utf8', env: cleanEnv(), timeout: 15000 });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /already open on this library/);

    // The CLI cannot take the library while the window holds it.
    const locked = cli(dir, 'persona', 'list', '--json');
    assert.notEqual(locked.status, 0);
    assert.match(locked.stderr, /is in use by another Persona Studio process \(pid \d+\)/);
    assert.equal(locked.stderr.trim().split('\n').length, 1);
  } finally {
    await s.end();
  }
  await waitForExit(dir);
  const listed = await cliAfterExit(dir, 'persona', 'list', '--json');
  assert.equal(listed.status, 0, `persona list after the window closed: ${listed.stderr}`);
  assert.equal(JSON.parse(listed.stdout).length, 3);
});

test('vertical slice: create, rename and edit a persona; the saved edit survives kill -9 and a restart', async () => {
  const dir = tempLibrary();
  assert.equal(cli(dir, 'example', 'install').status, 0);
  const s = await launch(dir);
  try {
    (await s.waitForElement('[data-testid="new-persona"]')).click();
    const name = await s.waitForElement('[data-testid="new-persona-name"]');
    await name.type('Ana the Baker');
    await (await s.find('[data-testid="new-persona-submit"]')).click();

    const nameField = await s.waitForElement('[data-testid="persona-name"]');
    await setField(nameField, 'Ana the Early Baker');
    const age = (await s.findAll('[data-testid="fact-value"]'))[0];
    await setField(age, '34 — wakes at 4 am');

    const status = await s.find('[data-testid="save-status"]');
    await s.waitFor('the editor to report the edits saved', async () => (await status.attribute('data-state')) === 'saved');
  } catch (e) {
    fs.writeFileSync(path.join(OUT, 'vertical-slice-failure.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
    throw e;
  }

  // Kill the app the moment the UI says "saved": no clean shutdown, no flush on exit.
  const pids = appPids(dir);
  assert.equal(pids.length, 1, `expected one app process, found ${pids}`);
  process.kill(pids[0], 'SIGKILL');
  await waitForExit(dir);
  await s.end();

  const shown = cli(dir, 'persona', 'show', 'Ana the Early Baker', '--json');
  assert.equal(shown.status, 0, shown.stderr);
  const persona = JSON.parse(shown.stdout);
  const facts = persona.modules.find((m) => m.id === 'facts');
  assert.equal(facts.body.rows[0].value, '34 — wakes at 4 am');

  // Start again: the library and the editor show the change.
  const s2 = await launch(dir);
  try {
    await s2.waitFor('the renamed persona in the library', async () =>
      (await texts(s2, '[data-testid="persona-card-name"]')).includes('Ana the Early Baker'),
    );
    const cards = await s2.findAll('[data-testid="persona-card"]');
    for (const card of cards) {
      if ((await card.text()).includes('Ana the Early Baker')) {
        await card.click();
        break;
      }
    }
    const age = await s2.waitFor('the facts of the reopened persona', async () => (await s2.findAll('[data-testid="fact-value"]'))[0]);
    assert.equal(await age.property('value'), '34 — wakes at 4 am');
    assert.equal(await (await s2.find('[data-testid="persona-name"]')).property('value'), 'Ana the Early Baker');
  } finally {
    await s2.end();
  }
});

/** A library with the example installed, and its project shared as the file `name`. */
function exampleBundle(name) {
  const from = tempLibrary();
  assert.equal(cli(from, 'example', 'install').status, 0);
  const bundle = path.join(from, name);
  const exported = cli(from, 'bundle', 'export', '--project', 'Example store', '--out', bundle);
  assert.equal(exported.status, 0, exported.stderr);
  return { from, bundle };
}

/**
 * Waits for the import view of the file `name`. WebKitWebDriver's element text is
 * empty inside a modal <dialog> (the top layer), so the name is read from the DOM.
 */
function waitForImportOf(s, name) {
  return s.waitFor(`the import view for ${name}`, async () => {
    const shown = (await s.findAll('[data-testid="import-file-name"]'))[0];
    return shown && (await shown.property('textContent')) === name;
  });
}

test('a .persona file opens in the import view: at start (`open FILE`) and from a second launch', async () => {
  const { from, bundle } = exampleBundle('Example store.persona');
  const json = path.join(from, 'tara.json');
  const single = cli(from, 'persona', 'export', 'Tech-savvy Tara', '--format', 'json', '--out', json);
  assert.equal(single.status, 0, single.stderr);

  const dir = tempLibrary();
  const s = await Session.start(DRIVER, {
    'tauri:options': { application: BIN, args: ['--data-dir', dir, 'open', bundle] },
  });
  try {
    await s.setWindowRect({ width: 1280, height: 800 }).catch(() => {});
    await waitForImportOf(s, 'Example store.persona');
    await s.waitFor('the three personas of the file', async () => (await s.findAll('[data-testid="import-persona"]')).length === 3);
    await sleep(300);
    fs.writeFileSync(path.join(OUT, 'import.png'), await s.screenshot());
    await (await s.find('[data-testid="import-confirm"]')).click();
    await s.waitFor('the imported personas in the library', async () => (await s.findAll('[data-testid="persona-card"]')).length === 3);

    // A double-click on another file while the window is open: the desktop runs
    // `persona-studio FILE`, which hands the file to this window and exits.
    const again = spawnSync(BIN, ['--data-dir', dir, json], { encoding: 'utf8', env: cleanEnv(), timeout: 15000 });
    assert.equal(again.status, 0, again.stderr);
    await waitForImportOf(s, 'tara.json');
    // Tara is already there (same id): keep both is the default and adds a copy.
    await s.waitFor('the conflict choice', async () => (await s.findAll('[data-testid="import-policy-skip"]')).length === 1);
    await (await s.find('[data-testid="import-policy-skip"]')).click();
    await s.waitFor('the outcome to say it skips Tara', async () =>
      /skips 1/.test(await (await s.find('[data-testid="import-outcome"]')).property('textContent')),
    );
    await (await s.find('[data-testid="import-confirm"]')).click();
    await s.waitFor('the import view to close', async () => (await s.findAll('[data-testid="import-dialog"][open]')).length === 0);
  } catch (e) {
    fs.writeFileSync(path.join(OUT, 'import-failure.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
    throw e;
  } finally {
    await s.end();
  }
  await waitForExit(dir);
  const list = JSON.parse((await cliAfterExit(dir, 'persona', 'list', '--json')).stdout);
  assert.deepEqual(list.map((p) => p.name).sort(), ['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
  const original = JSON.parse(cli(from, 'persona', 'show', 'Frugal Fred', '--json').stdout);
  const imported = JSON.parse(cli(dir, 'persona', 'show', 'Frugal Fred', '--json').stdout);
  assert.deepEqual(imported, original);
});

test('a .persona file dropped on the window opens the import view and imports', async () => {
  const { bundle } = exampleBundle('shared.persona');

  const dir = tempLibrary();
  const s = await Session.start(DRIVER, { 'tauri:options': { application: BIN, args: ['--data-dir', dir] } });
  try {
    await s.setWindowRect({ width: 1280, height: 800 }).catch(() => {});
    await s.waitForElement('main');
    // What WebKitGTK delivers when a file manager drops a file (the app turns Tauri's
    // own drop handling off): HTML5 drag events whose DataTransfer holds the file.
    await s.execute(
      `const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
       const transfer = new DataTransfer();
       transfer.items.add(new File([bytes], arguments[1]));
       const target = document.querySelector('main');
       for (const type of ['dragenter', 'dragover', 'drop']) {
         target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
       }`,
      [fs.readFileSync(bundle).toString('base64'), 'Команда.persona'],
    );
    await waitForImportOf(s, 'Команда.persona');
    await s.waitFor('the three personas of the file', async () => (await s.findAll('[data-testid="import-persona"]')).length === 3);
    assert.ok(fs.existsSync(path.join(dir, 'incoming', 'Команда.persona')), 'the dropped bytes are kept under incoming/');
    await (await s.find('[data-testid="import-confirm"]')).click();
    await s.waitFor('the imported personas in the library', async () => (await s.findAll('[data-testid="persona-card"]')).length === 3);
  } catch (e) {
    fs.writeFileSync(path.join(OUT, 'drop-failure.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
    throw e;
  } finally {
    await s.end();
  }
  await waitForExit(dir);
  const list = JSON.parse((await cliAfterExit(dir, 'persona', 'list', '--json')).stdout);
  assert.deepEqual(list.map((p) => p.name).sort(), ['Frugal Fred', 'Procurement Paul', 'Tech-savvy Tara']);
});

test('the export dialog previews the sheet the app draws', async () => {
  const dir = tempLibrary();
  assert.equal(cli(dir, 'example', 'install').status, 0);
  const s = await launch(dir);
  try {
    await s.waitFor('the example personas', async () => (await s.findAll('[data-testid="persona-card"]')).length === 3);
    const cards = await s.findAll('[data-testid="persona-card"]');
    for (const card of cards) {
      if ((await card.text()).includes('Tech-savvy Tara')) {
        await card.click();
        break;
      }
    }
    await (await s.waitForElement('[data-testid="export-sheet"]')).click();
    const img = await s.waitForElement('[data-testid="export-preview"]', 30000);
    await s.waitFor('the preview to be decoded', async () => (await img.property('naturalWidth')) > 0, 30000);
    // A4 landscape at the preview's 110 dpi: 1286 × 909 pixels.
    assert.equal(await img.property('naturalWidth'), 1286);
    assert.equal(await img.property('naturalHeight'), 909);
    await sleep(1000);
    const still = await s.findAll('[data-testid="export-preview"]');
    fs.writeFileSync(path.join(OUT, 'export-preview.png'), await s.screenshot());
    assert.equal(still.length, 1, 'the preview went away');
  } finally {
    await s.end();
  }
});

test('library search runs in the app, and module edits with undo and redo reach the library on disk', async () => {
  const dir = tempLibrary();
  assert.equal(cli(dir, 'example', 'install').status, 0);
  const s = await launch(dir);
  try {
    await s.waitFor('three persona cards', async () => (await s.findAll('[data-testid="persona-card"]')).length === 3);
    // A word from deep in Tara's sheet (a goal), without its capital: Studio::search.
    const search = await s.waitForElement('[data-testid="library-search"]');
    await search.type('AUTOMATION');
    await s.waitFor('the search to narrow the cards to Tara', async () => {
      const names = await texts(s, '[data-testid="persona-card-name"]');
      return names.length === 1 && names[0] === 'Tech-savvy Tara';
    });
    (await s.find('[data-testid="persona-card"]')).click();
    await s.waitForElement('[data-testid="persona-name"]');

    // Add a list module, undo it, redo it: what is stored is what the sheet shows.
    (await s.find('[data-testid="add-module"]')).click();
    (await s.waitForElement('[data-testid="add-module-list"]')).click();
    await s.waitForElement('[data-module="list-1"]');
    (await s.find('[data-testid="undo"]')).click();
    await s.waitFor('undo to remove the module', async () => (await s.findAll('[data-module="list-1"]')).length === 0);
    (await s.find('[data-testid="redo"]')).click();
    const title = await s.waitForElement('[data-module="list-1"] [data-testid="module-title"]');
    await setField(title, 'Rituals');
    const status = await s.find('[data-testid="save-status"]');
    await s.waitFor('the edits saved', async () => (await status.attribute('data-state')) === 'saved');
  } catch (e) {
    fs.writeFileSync(path.join(OUT, 'editor-search-failure.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
    throw e;
  } finally {
    await s.end();
  }
  await waitForExit(dir);
  const shown = await cliAfterExit(dir, 'persona', 'show', 'Tech-savvy Tara', '--json');
  assert.equal(shown.status, 0, shown.stderr);
  const added = JSON.parse(shown.stdout).modules.find((m) => m.id === 'list-1');
  assert.equal(added?.title, 'Rituals');
  assert.equal(added?.body.kind, 'list');
});

/** Chooses an option of a <select> as a user would (the change event included). */
async function choose(s, css, value) {
  await s.cmd('POST', '/execute/sync', {
    script: `const el = document.querySelector(arguments[0]);
      el.value = arguments[1];
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));`,
    args: [css, value],
  });
}

const ENTER = '\uE007';

test('a full persona from a template and a preset, with a photo, is all there after a restart', async () => {
  const dir = tempLibrary();
  assert.equal(cli(dir, 'project', 'new', 'Corner shop').status, 0);
  const s = await launch(dir);
  try {
    (await s.waitForElement('[data-testid="new-persona"]')).click();
    await (await s.waitForElement('[data-testid="new-persona-name"]')).type('Coupon Carla');
    await choose(s, '[data-testid="new-persona-template"]', 'ecommerce-shopper');
    await s.waitForElement('[data-testid="new-persona-preset"]');
    await choose(s, '[data-testid="new-persona-preset"]', 'coupon-hunter');
    await (await s.find('[data-testid="new-persona-submit"]')).click();

    const archetype = await s.waitForElement('[data-testid="persona-archetype"]');
    assert.equal(await archetype.property('value'), 'Discount and coupon hunter');
    await setField(await s.find('[data-testid="persona-quote"]'), 'Если нет промокода — жду распродажу.');
    const facts = await s.findAll('[data-testid="fact-value"]');
    await setField(facts[0], '38');
    await setField(facts[2], 'Kaunas, Lietuva');
    const goalsAdd = await s.find('[data-module="goals"] [data-testid="list-add"]');
    await goalsAdd.click();
    await goalsAdd.type(`Tiết kiệm mỗi tháng${ENTER}`);
    const tagAdd = await s.find('[data-module="brands"] [data-testid="tag-add"]');
    await tagAdd.click();
    await tagAdd.type(`淘宝${ENTER}`);

    // The native dialog is replaced by PERSONA_STUDIO_TEST_PHOTO (see before()).
    await (await s.find('[data-testid="photo-choose"]')).click();
    // The crop step shows the photo the app checked, decoded by WebKitGTK itself.
    const cropped = await s.waitForElement('[data-testid="crop-image"]');
    await s.waitFor('the photo to show in the crop step', async () => (await cropped.property('naturalWidth')) > 0);
    const frame = await s.find('[data-testid="crop-frame"]');
    await frame.click();
    await frame.type('+');
    fs.writeFileSync(path.join(OUT, 'photo-crop.png'), await s.screenshot());
    await (await s.find('[data-testid="crop-apply"]')).click();
    const img = await s.waitForElement('[data-testid="avatar-photo"]');
    assert.match(await img.attribute('src'), /^blob:/);
    const status = await s.find('[data-testid="save-status"]');
    await s.waitFor('everything saved', async () => (await status.attribute('data-state')) === 'saved');
    fs.writeFileSync(path.join(OUT, 'full-persona.png'), await s.screenshot());
  } catch (e) {
    fs.writeFileSync(path.join(OUT, 'full-persona-failure.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
    throw e;
  } finally {
    await s.end();
  }
  await waitForExit(dir);

  const shown = await cliAfterExit(dir, 'persona', 'show', 'Coupon Carla', '--json');
  assert.equal(shown.status, 0, shown.stderr);
  const p = JSON.parse(shown.stdout);
  assert.equal(p.template, 'ecommerce-shopper');
  assert.equal(p.quote, 'Если нет промокода — жду распродажу.');
  assert.match(p.photo, /^[0-9a-f]{64}$/);
  const body = (id) => p.modules.find((m) => m.id === id).body;
  assert.equal(body('facts').rows[0].value, '38');
  assert.equal(body('facts').rows[2].value, 'Kaunas, Lietuva');
  assert.ok(body('goals').items.includes('Tiết kiệm mỗi tháng'));
  assert.ok(body('drivers').items.includes('Discount codes and vouchers'));
  assert.deepEqual(body('brands').tags, ['淘宝']);
  assert.equal(body('mindset').rows[0].value, 5);

  // Start again: the card and the editor show everything, the photo included.
  const s2 = await launch(dir);
  try {
    const card = await s2.waitForElement('[data-testid="persona-card"]');
    await s2.waitForElement('[data-testid="persona-card"] [data-testid="avatar-photo"]');
    await card.click();
    const quote = await s2.waitForElement('[data-testid="persona-quote"]');
    assert.equal(await quote.property('value'), 'Если нет промокода — жду распродажу.');
    assert.equal(await (await s2.find('[data-testid="persona-archetype"]')).property('value'), 'Discount and coupon hunter');
    const facts = await s2.findAll('[data-testid="fact-value"]');
    assert.equal(await facts[2].property('value'), 'Kaunas, Lietuva');
    const tags = await texts(s2, '[data-module="brands"] [data-testid="tag"]');
    assert.ok(tags.some((t) => t.includes('淘宝')), `tags: ${tags}`);
    const img = await s2.waitForElement('[data-module="header"] [data-testid="avatar-photo"]');
    // The stored photo really loaded: the <img> has the 512 px avatar's pixels.
    await s2.waitFor('the photo to load', async () => (await img.property('naturalWidth')) === 512);
    fs.writeFileSync(path.join(OUT, 'full-persona-restarted.png'), await s2.screenshot());
  } finally {
    await s2.end();
  }
});
