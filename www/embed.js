// The iframe embed: mounts the widget from query parameters (view, lang, zone, service, theme)
// and tells the parent page its height, in Pym.js's message format and as AMP `embed-size`.
import init, { mount } from './pkg/vats_pilot.js';

const params = new URLSearchParams(location.search);
const app = document.getElementById('app');
const opt = (k) => params.get(k) ?? undefined;
// Pym.js parents pass the child id; our own parent snippet passes it the same way.
const childId = params.get('childId') ?? '';

let last = 0;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage(['pym', childId, 'height', String(height)].join('xPYMx'), '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}

try {
  await init();
  app.replaceChildren();
  mount(app, { view: opt('view'), lang: opt('lang'), zone: opt('zone'), service: opt('service'), theme: opt('theme'), hashPrefix: params.has('hash') ? params.get('hash') : undefined });
  app.setAttribute('data-ready', '');
} catch (e) {
  app.textContent = `The guide could not start: ${e && e.message ? e.message : e}`;
}
new ResizeObserver(postHeight).observe(document.documentElement);
postHeight();
