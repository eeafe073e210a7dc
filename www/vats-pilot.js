// <vats-pilot>: the embed loader. Defines one custom element (nothing else global), loads the
// widget's WebAssembly only when an element nears the viewport, and mounts each element into
// its own open shadow root so the host page's CSS cannot break it.
// Attributes: lang (en|zh), view (all|map|list|checker), zone, service, theme (auto|light|dark),
// data-src (URL of a newer dataset), hash (keep state in the URL hash under this key prefix).
const base = new URL('.', import.meta.url);
let ready;
let count = 0;
const load = () =>
  (ready ||= import(new URL('pkg/vats_pilot.js', base).href).then(async (m) => {
    await m.default({ module_or_path: new URL('pkg/vats_pilot_bg.wasm', base) });
    return m;
  }));

async function fetchData(src) {
  try {
    const r = await fetch(new URL(src, document.baseURI), { credentials: 'omit' });
    if (!r.ok) return { error: `HTTP ${r.status}` };
    return { json: await r.text() };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

// Follow the host page's own theme toggle (<html data-theme="dark">, class="dark", or
// data-color-scheme) when the element's theme is auto.
const hostTheme = () => {
  const r = document.documentElement;
  const t = `${r.dataset.theme || ''} ${r.dataset.colorScheme || ''} ${r.className}`;
  return /\bdark\b/.test(t) ? 'dark' : /\blight\b/.test(t) ? 'light' : '';
};
const syncTheme = () => document.querySelectorAll('vats-pilot').forEach((el) => {
  const t = hostTheme();
  if (t) el.setAttribute('data-host-theme', t); else el.removeAttribute('data-host-theme');
});
new MutationObserver(syncTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'data-color-scheme'] });

class VatsPilot extends HTMLElement {
  static observedAttributes = ['lang', 'view', 'zone', 'service', 'theme', 'data-src', 'hash'];

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = new URL('widget.css', base).href;
      this.box = document.createElement('div');
      // Until the widget runs, the element's own content (e.g. a static summary) shows.
      root.append(css, document.createElement('slot'), this.box);
      this.uid = `vp${++count}`;
    }
    syncTheme();
    this.io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.io.disconnect();
        this.start();
      }
    }, { rootMargin: '400px 0px' });
    this.io.observe(this);
  }

  disconnectedCallback() {
    this.io?.disconnect();
    this.stop();
  }

  attributeChangedCallback() {
    if (this.handle) this.start();
  }

  stop() {
    if (this.handle) {
      this.handle.unmount();
      this.handle.free();
      this.handle = null;
    }
  }

  async start() {
    const token = (this.token = {});
    try {
      const m = await load();
      const a = (n) => this.getAttribute(n) ?? undefined;
      const opts = {
        lang: a('lang'), view: a('view'), zone: a('zone'), service: a('service'), theme: a('theme'),
        hashPrefix: this.hasAttribute('hash') ? this.getAttribute('hash') : undefined,
        idPrefix: this.uid,
      };
      if (a('data-src')) {
        const d = await fetchData(a('data-src'));
        if (d.json !== undefined) opts.dataJson = d.json; else opts.dataError = d.error;
      }
      if (token !== this.token) return;
      this.stop();
      this.box.replaceChildren();
      this.handle = m.mount(this.box, opts);
      this.shadowRoot.querySelector('slot')?.remove();
      this.setAttribute('data-ready', '');
    } catch (e) {
      this.box.textContent = `vats-pilot: ${e && e.message ? e.message : e}`;
      this.setAttribute('data-error', '');
    }
  }
}

if (!customElements.get('vats-pilot')) customElements.define('vats-pilot', VatsPilot);
