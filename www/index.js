// Standalone page: mounts one widget that keeps its state in the URL hash.
import init, { mount } from './pkg/vats_pilot_lean.js';

const app = document.getElementById('app');
try {
  await init();
  const params = new URLSearchParams(location.search);
  app.replaceChildren();
  mount(app, { hashPrefix: '', lang: params.get('lang') ?? undefined, view: params.get('view') ?? undefined, filesUrl: new URL('.', import.meta.url).href });
  app.setAttribute('data-ready', '');
} catch (e) {
  app.textContent = `The guide could not start: ${e && e.message ? e.message : e}`;
}
