// The embed builder: an editor picks view, language, zone, service, theme and iframe height;
// the page writes the custom-element and iframe snippets and previews exactly that snippet as
// a page of its own (an iframe whose document is the snippet). A tool page, not the widget:
// its own strings live here in both languages.
import init, { dataset } from './pkg/vats_pilot.js';

const T = {
  en: {
    title: 'Embed builder', intro: 'Choose how the guide should open, check the preview, then copy the snippet into your article or CMS.',
    options: 'Options', view: 'View', viewAll: 'Everything (map, lists, checker, timeline)', viewMap: 'Map', viewList: 'Enterprise lists',
    viewChecker: 'Checker: can I operate this service here?', viewTimeline: 'Timeline of the pilot', lang: 'Language of the guide', zone: 'Pilot area selected at start',
    service: 'Service selected at start (checker)', none: 'None', theme: 'Colour theme',
    themeAuto: 'Automatic (follows the reader and the page)', themeLight: 'Light', themeDark: 'Dark',
    height: 'Initial height of the iframe (pixels)', heightHelp: 'Used until the parent script sizes the frame to its content.',
    base: 'Address of the widget files', baseHelp: 'The folder that holds vats-pilot.js, embed.html and embed-parent.js on your host.',
    baseBad: 'Enter a full address such as https://example.org/vats-pilot/ — the snippets keep the last valid one.',
    previewOf: 'Preview', previewElement: 'Custom element', previewIframe: 'Iframe', snippets: 'Snippets',
    codeElement: 'Custom element (recommended)',
    codeIframe: 'Iframe, with the script that sizes it (for CMSs that only take iframes, AMP, or a strict Content-Security-Policy)',
    codeOembed: 'oEmbed URL', copyElement: 'Copy custom-element snippet', copyIframe: 'Copy iframe snippet', copyOembed: 'Copy oEmbed URL',
    copiedElement: 'Custom-element snippet copied.', copiedIframe: 'Iframe snippet copied.', copiedOembed: 'oEmbed URL copied.',
    copyFailed: 'Could not copy automatically; the text is selected, press Ctrl+C (⌘C on a Mac).',
    preview: 'Live preview', previewHelp: 'The preview runs exactly the snippet above, as a page of its own.',
    previewTitle: 'Preview of the embed', other: '中文', otherLang: 'zh', noData: 'The list of areas and services could not be loaded; ids are shown instead.',
  },
  zh: {
    title: '嵌入代码生成器', intro: '选择指南打开时的显示方式，查看预览，然后把代码复制到文章或内容管理系统中。',
    options: '选项', view: '视图', viewAll: '全部（地图、名单、核对工具、时间线）', viewMap: '地图', viewList: '企业名单',
    viewChecker: '核对工具：我能在这里经营这项业务吗？', viewTimeline: '试点进程时间线', lang: '指南语言', zone: '初始选中的试点地区',
    service: '初始选中的业务（核对工具）', none: '无', theme: '配色',
    themeAuto: '自动（跟随读者和页面设置）', themeLight: '浅色', themeDark: '深色',
    height: 'iframe 初始高度（像素）', heightHelp: '在父页面脚本按内容调整框架高度之前使用。',
    base: '组件文件地址', baseHelp: '您的服务器上存放 vats-pilot.js、embed.html 和 embed-parent.js 的文件夹。',
    baseBad: '请输入完整地址，例如 https://example.org/vats-pilot/。代码沿用上一个有效地址。',
    previewOf: '预览', previewElement: '自定义元素', previewIframe: 'iframe', snippets: '嵌入代码',
    codeElement: '自定义元素（推荐）',
    codeIframe: 'iframe 及调整其高度的脚本（适用于只接受 iframe 的内容管理系统、AMP 或严格的内容安全策略）',
    codeOembed: 'oEmbed 地址', copyElement: '复制自定义元素代码', copyIframe: '复制 iframe 代码', copyOembed: '复制 oEmbed 地址',
    copiedElement: '已复制自定义元素代码。', copiedIframe: '已复制 iframe 代码。', copiedOembed: '已复制 oEmbed 地址。',
    copyFailed: '无法自动复制；文本已选中，请按 Ctrl+C（Mac 上按 ⌘C）。',
    preview: '实时预览', previewHelp: '预览运行的正是上方的代码，作为一个独立页面。',
    previewTitle: '嵌入效果预览', other: 'English', otherLang: 'en', noData: '未能加载地区和业务列表，现以代码显示。',
  },
};

// Text for readers inside the snippet, in the guide's language.
const READER = {
  en: {
    fallback: "Interactive guide to China's telecom opening pilot (needs JavaScript).",
    titles: { all: "China's telecom opening pilot: interactive guide", map: "China's telecom opening pilot: map of the pilot areas",
      list: "China's telecom opening pilot: approved enterprises", checker: 'Can I operate this service here?' },
  },
  zh: {
    fallback: '中国增值电信业务扩大对外开放试点互动指南（需要启用 JavaScript）。',
    titles: { all: '中国增值电信业务扩大对外开放试点：互动指南', map: '中国增值电信业务扩大对外开放试点：试点地区地图',
      list: '中国增值电信业务扩大对外开放试点：获批企业', checker: '我能在这里经营这项业务吗？' },
  },
};

const ZONES = ['beijing', 'shanghai', 'hainan', 'shenzhen'];
const $ = (id) => document.getElementById(id);
const form = $('b-form');
const params = new URLSearchParams(location.search);
let ui = params.get('ui') === 'zh' || (!params.has('ui') && /^zh/i.test(navigator.language || '')) ? 'zh' : 'en';
let data = null;
let base = new URL('.', location.href).href;

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The chosen options, cleaned: a bad height falls back to 900, a bad address to the last good one. */
function options() {
  const f = new FormData(form);
  const h = Math.round(Number(f.get('height')));
  const height = Number.isFinite(h) && h >= 200 && h <= 4000 ? h : 900;
  $('b-height').setAttribute('aria-invalid', String(height !== h));
  const typed = String(f.get('base') || '').trim();
  let ok = false;
  try {
    const u = new URL(typed);
    if (/^https?:$/.test(u.protocol)) {
      base = u.href.endsWith('/') ? u.href : `${u.href}/`;
      ok = true;
    }
  } catch { /* keep the last valid address */ }
  $('b-base').setAttribute('aria-invalid', String(!ok));
  $('b-base-help').textContent = ok ? T[ui].baseHelp : T[ui].baseBad;
  return {
    view: f.get('view'), lang: f.get('lang'), zone: f.get('zone'), service: f.get('service'),
    theme: f.get('theme'), height, base, preview: f.get('preview'),
  };
}

function elementSnippet(o) {
  const attrs = [['lang', o.lang], ['view', o.view], ['zone', o.zone], ['service', o.service], ['theme', o.theme === 'auto' ? '' : o.theme]]
    .filter(([, v]) => v).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<script type="module" src="${esc(`${o.base}vats-pilot.js`)}"></script>\n`
    + `<vats-pilot${attrs}>\n  <p>${esc(READER[o.lang].fallback)}</p>\n</vats-pilot>`;
}

function iframeSnippet(o) {
  const q = new URLSearchParams({ view: o.view, lang: o.lang });
  if (o.zone) q.set('zone', o.zone);
  if (o.service) q.set('service', o.service);
  if (o.theme !== 'auto') q.set('theme', o.theme);
  return `<iframe data-vats-pilot src="${esc(`${o.base}embed.html?${q}`)}"\n`
    + `        title="${esc(READER[o.lang].titles[o.view])}" style="width:100%;border:0" height="${o.height}"></iframe>\n`
    + `<script src="${esc(`${o.base}embed-parent.js`)}" async></script>`;
}

const page = (lang, body) => `<!doctype html>\n<html lang="${lang}">\n<head><meta charset="utf-8">`
  + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Preview</title></head>\n'
  + `<body>\n${body}\n</body>\n</html>\n`;

let shown = '';
let timer = 0;
function update() {
  const o = options();
  $('b-code-element').value = elementSnippet(o);
  $('b-code-iframe').value = iframeSnippet(o);
  $('b-code-oembed').value = `${o.base}oembed.json`;
  const doc = page(o.lang, o.preview === 'iframe' ? $('b-code-iframe').value : $('b-code-element').value);
  if (doc === shown) return;
  // Typing in the address or height should not reload the preview on every key.
  clearTimeout(timer);
  timer = setTimeout(() => {
    shown = doc;
    const frame = $('b-preview');
    frame.setAttribute('data-snippet', o.preview);
    frame.srcdoc = doc;
  }, 250);
}

// The preview frame takes the height of its page (same origin, so it can be measured).
let observer;
$('b-preview').addEventListener('load', () => {
  const frame = $('b-preview');
  observer?.disconnect();
  const root = frame.contentDocument?.documentElement;
  if (!root) return;
  observer = new ResizeObserver(() => { frame.style.height = `${Math.max(300, Math.ceil(root.getBoundingClientRect().height) + 4)}px`; });
  observer.observe(root);
});

function fillSelect(select, items) {
  const current = select.value || params.get(select.name) || '';
  select.replaceChildren(new Option(T[ui].none, ''), ...items.map(([value, label]) => new Option(label, value)));
  select.value = items.some(([v]) => v === current) ? current : '';
}

function relabel() {
  const t = T[ui];
  document.documentElement.lang = ui === 'zh' ? 'zh-Hans' : 'en';
  document.title = `${t.title} — ${ui === 'zh' ? '中国增值电信业务扩大对外开放试点' : "China's telecom opening pilot"}`;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t[el.dataset.t]; });
  const toggle = $('b-ui-lang');
  toggle.textContent = t.other;
  toggle.lang = t.otherLang;
  $('b-preview').title = t.previewTitle;
  const zones = data ? data.zones.map((z) => [z.id, z.shortName[ui]]) : ZONES.map((z) => [z, z]);
  fillSelect($('b-zone'), zones);
  const services = data ? data.services.map((s) => [s.id, `${s.code && s.code !== '—' ? `${s.code} — ` : ''}${s.name[ui]}`]) : [];
  fillSelect($('b-service'), services);
  if (!data) $('b-status').textContent = t.noData;
}

async function copy(id, done) {
  const el = $(id);
  try {
    await navigator.clipboard.writeText(el.value);
    $('b-status').textContent = T[ui][done];
  } catch {
    el.focus();
    el.select();
    $('b-status').textContent = T[ui].copyFailed;
  }
}

const COPIED = { 'b-code-element': 'copiedElement', 'b-code-iframe': 'copiedIframe', 'b-code-oembed': 'copiedOembed' };
document.querySelectorAll('[data-copy]').forEach((btn) => btn.addEventListener('click', () => copy(btn.dataset.copy, COPIED[btn.dataset.copy])));
$('b-ui-lang').addEventListener('click', () => { ui = ui === 'zh' ? 'en' : 'zh'; relabel(); update(); });
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());

// Start from the page's own query (?view=checker&lang=zh&zone=hainan …) when given.
for (const name of ['view', 'lang', 'theme', 'height']) {
  const v = params.get(name);
  if (v !== null && form.elements[name]) form.elements[name].value = v;
}
$('b-base').value = params.get('base') || base;
try {
  await init();
  data = dataset();
} catch { data = null; }
relabel();
update();
document.body.setAttribute('data-ready', '');
