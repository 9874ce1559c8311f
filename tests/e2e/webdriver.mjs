// A minimal W3C WebDriver client for tauri-driver: the handful of endpoints the
// end-to-end tests need, over Node's fetch. Keeping it this small avoids pulling a
// browser-automation framework (and its driver downloads) into a machine that has no
// internet.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, capabilities) {
    const value = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: capabilities },
    });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async end() {
    try {
      await this.cmd('DELETE', '');
    } catch {
      // The app may already be gone (the kill -9 test ends it on purpose).
    }
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, v[ELEMENT]);
  }

  async findAll(css) {
    const vs = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return vs.map((v) => new Element(this, v[ELEMENT]));
  }

  /** Polls until `probe` returns a truthy value; fails with `what` after `ms`. */
  async waitFor(what, probe, ms = 15000) {
    const deadline = Date.now() + ms;
    let last;
    while (Date.now() < deadline) {
      try {
        const v = await probe();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new WebDriverError(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
  }

  waitForElement(css, ms) {
    return this.waitFor(`element ${css}`, async () => (await this.findAll(css))[0], ms);
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async setWindowRect(rect) {
    return this.cmd('POST', '/window/rect', rect);
  }
}

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  click() {
    return this.s.cmd('POST', `/element/${this.id}/click`, {});
  }
  clear() {
    return this.s.cmd('POST', `/element/${this.id}/clear`, {});
  }
  type(text) {
    return this.s.cmd('POST', `/element/${this.id}/value`, { text });
  }
  text() {
    return this.s.cmd('GET', `/element/${this.id}/text`);
  }
  property(name) {
    return this.s.cmd('GET', `/element/${this.id}/property/${name}`);
  }
  attribute(name) {
    return this.s.cmd('GET', `/element/${this.id}/attribute/${name}`);
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error || res.status} ${v.message || ''}`);
  }
  return json.value;
}
