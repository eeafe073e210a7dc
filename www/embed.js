// The iframe embed: mounts the widget from query parameters (view, lang, zone, service, theme)
// and tells the parent page its height, in Pym.js's message format and as AMP `embed-size`.
import init, { mount } from './pkg/vats_pilot_lean.js';

const params = new URLSearchParams(location.search);
const app = document.getElementById('app');
const opt = (k) => params.get(k) ?? undefined;
// Pym.js parents pass the child id in the URL; our parent snippet tells it in its first message.
let childId = params.get('childId') ?? '';

let last = 0;
function postHeight(again = false) {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if ((height === last && !again) || window.parent === window) return;
  last = height;
  // A Pym.js message needs the child id; AMP's embed-size does not.
  if (childId) window.parent.postMessage(['pym', childId, 'height', String(height)].join('xPYMx'), '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}
// The parent's "width" message (Pym.js) may come before or after this frame has content: it
// names this frame if the URL did not, and asks for the height again.
// Our parent snippet also says whether its page is light or dark; a frame whose theme is auto
// follows the page rather than the reader's system setting.
let handle;
let pageTheme;
const themeAuto = (params.get('theme') ?? 'auto') === 'auto';
addEventListener('message', (e) => {
  if (e.source !== window.parent) return;
  const d = e.data;
  if (d && d.sentinel === 'vats-pilot' && d.type === 'theme' && (d.theme === 'light' || d.theme === 'dark')) {
    if (themeAuto && d.theme !== pageTheme) {
      pageTheme = d.theme;
      handle?.update({ theme: pageTheme });
    }
    return;
  }
  if (typeof d !== 'string' || !d.startsWith('pymxPYMx')) return;
  const [, id, type] = d.split('xPYMx');
  if (type !== 'width') return;
  if (!childId) childId = id;
  postHeight(true);
});
addEventListener('load', () => postHeight(true));

try {
  await init();
  app.replaceChildren();
  handle = mount(app, { view: opt('view'), lang: opt('lang'), zone: opt('zone'), service: opt('service'), theme: (themeAuto && pageTheme) || opt('theme'), hashPrefix: params.has('hash') ? params.get('hash') : undefined, filesUrl: new URL('.', import.meta.url).href });
  app.setAttribute('data-ready', '');
} catch (e) {
  app.textContent = `The guide could not start: ${e && e.message ? e.message : e}`;
}
new ResizeObserver(() => postHeight()).observe(document.documentElement);
postHeight(true);
