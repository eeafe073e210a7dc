// <vats-pilot>: the embed loader. Defines one custom element (nothing else global), loads the
// widget's WebAssembly only when an element comes within two screens of the viewport, and
// mounts each element into its own open shadow root so the host page's CSS cannot break it.
// Attributes: lang (en|zh), view (all|map|list|checker|timeline), zone, service, theme (auto|light|dark),
// data-src (URL of a newer dataset), data-src-timeout (ms, default 8000), data-src-max-bytes
// (default 10 MB), hash (keep state in the URL hash under this key prefix).
// Changing lang, view, zone, service or theme updates the live widget (the reader's answers
// stay); only a new data-src (or hash) fetches and mounts again.
const base = new URL('.', import.meta.url);
const modules = {};
let count = 0;
// Two builds: the lean one shows the built-in dataset (what almost every embed needs); the
// full one also reads a newer dataset (data-src). Each is loaded once, when first needed.
// The glue and the wasm are requested together (not one after the other), so the wasm
// does not wait for the glue's round trip; a page's <link rel="preload"> of either is reused.
const load = (full) => {
  const name = full ? 'vats_pilot' : 'vats_pilot_lean';
  if (!modules[name]) {
    const wasm = fetch(new URL(`pkg/${name}_bg.wasm`, base));
    wasm.catch(() => {}); // a failure surfaces through init() below
    modules[name] = import(new URL(`pkg/${name}.js`, base).href).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
  }
  return modules[name];
};

// A newer dataset, or why not: { json } or { error } where error is a code the widget shows
// in the reader's language (timeout, too-large, network, http-404). A host that stalls or
// drips bytes is cut off after `timeout` ms; a body over `maxBytes` is refused.
async function fetchData(src, timeout, maxBytes) {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, timeout);
  try {
    const r = await fetch(new URL(src, document.baseURI), { credentials: 'omit', signal: ctrl.signal });
    if (!r.ok) return { error: `http-${r.status}` };
    if (Number(r.headers.get('content-length')) > maxBytes) { ctrl.abort(); return { error: 'too-large' }; }
    const reader = r.body.getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) { ctrl.abort(); return { error: 'too-large' }; }
      parts.push(value);
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const part of parts) { all.set(part, at); at += part.byteLength; }
    return { json: new TextDecoder().decode(all) };
  } catch {
    return { error: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

const num = (v, fallback) => (Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback);
const LIVE = ['lang', 'view', 'zone', 'service', 'theme'];

// Follow the host page's own theme toggle (<html data-theme="dark">, class="dark", or
// data-color-scheme) when the element's theme is auto.
const hostTheme = () => {
  const r = document.documentElement;
  const t = `${r.dataset.theme || ''} ${r.dataset.colorScheme || ''} ${r.className}`;
  return /\bdark\b/.test(t) ? 'dark' : /\blight\b/.test(t) ? 'light' : '';
};
// --- Theme from the host page's background -------------------------------------------------
// Without a toggle, `auto` follows what the reader sees behind the widget, not the system
// setting: a white article on a dark phone gets the light widget. The background is the
// nearest backgrounds up the tree (through shadow hosts) laid over the page's canvas.
const darkOS = matchMedia('(prefers-color-scheme: dark)');
let probe;
const rgba = (css) => {
  const m = css.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  // Other colour syntaxes (oklch(), color(), …): let a 1×1 canvas convert them.
  probe ||= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
};
const backgroundTheme = (el) => {
  const layers = [];
  for (let n = el; n; n = n.parentElement || n.getRootNode().host) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  // The canvas under the page is dark only when the page opts into a dark colour scheme.
  const scheme = `${getComputedStyle(document.documentElement).colorScheme} ${document.querySelector('meta[name="color-scheme"]')?.content || ''}`;
  const darkCanvas = /dark/.test(scheme) && (!/light/.test(scheme) || darkOS.matches);
  let rgb = darkCanvas ? [18, 18, 18] : [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) rgb = rgb.map((v, i) => v * (1 - a) + [r, g, b][i] * a);
  const lum = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const L = 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]);
  // Dark when white text would read better on it than black text.
  return L < 0.179 ? 'dark' : 'light';
};
// --- end of theme from the host page's background ------------------------------------------

const syncTheme = () => document.querySelectorAll('vats-pilot').forEach((el) => {
  const t = hostTheme() || backgroundTheme(el);
  if (t) el.setAttribute('data-host-theme', t); else el.removeAttribute('data-host-theme');
});
new MutationObserver(syncTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'data-color-scheme'] });
// --- Theme from the host page's background, kept current -----------------------------------
// Look again when the page restyles its root or body, when the system setting changes (a page
// may follow it), and once every stylesheet has arrived.
new MutationObserver(syncTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
if (document.body) new MutationObserver(syncTheme).observe(document.body, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
darkOS.addEventListener('change', syncTheme);
addEventListener('load', syncTheme);
// --- end ------------------------------------------------------------------------------------

class VatsPilot extends HTMLElement {
  static observedAttributes = [...LIVE, 'data-src', 'hash'];

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
    }, { rootMargin: '200% 0px' }); // start two screens ahead: the download takes time on a phone
    this.io.observe(this);
  }

  disconnectedCallback() {
    this.io?.disconnect();
    this.stop();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.handle || before === after) return;
    if (!LIVE.includes(name)) { this.start(); return; }
    try {
      this.handle.update({ [name]: after });
    } catch (e) {
      console.warn(`vats-pilot: ${e && e.message ? e.message : e}`);
    }
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
      const a = (n) => this.getAttribute(n) ?? undefined;
      const m = await load(Boolean(a('data-src')));
      const d = a('data-src') ? await fetchData(a('data-src'), num(a('data-src-timeout'), 8000), num(a('data-src-max-bytes'), 10e6)) : {};
      if (token !== this.token) return;
      // Attributes are read after the fetch, so a change made meanwhile is not lost.
      const opts = {
        lang: a('lang'), view: a('view'), zone: a('zone'), service: a('service'), theme: a('theme'),
        hashPrefix: this.hasAttribute('hash') ? this.getAttribute('hash') : undefined,
        idPrefix: this.uid,
        dataJson: d.json, dataError: d.error,
        // "Get the data" links to the files published beside this loader.
        filesUrl: base.href,
      };
      this.stop();
      this.box.replaceChildren();
      performance.mark('vats-pilot:mount-start');
      this.handle = m.mount(this.box, opts);
      performance.measure('vats-pilot:mount', 'vats-pilot:mount-start');
      this.shadowRoot.querySelector('slot')?.remove();
      this.setAttribute('data-ready', '');
    } catch (e) {
      // The element's own content (the static summary) stays; the reason goes to the console.
      console.warn(`vats-pilot: ${e && e.message ? e.message : e}`);
      this.setAttribute('data-error', '');
    }
  }
}

if (!customElements.get('vats-pilot')) customElements.define('vats-pilot', VatsPilot);
