// Parent-page snippet for the iframe embed: sizes every <iframe data-vats-pilot> to the height
// its content reports (Pym.js message format). Pages already running Pym.js or AMP need nothing.
(() => {
  const frames = () => document.querySelectorAll('iframe[data-vats-pilot]');
  frames().forEach((f, i) => {
    if (!f.id) f.id = `vats-pilot-frame-${i + 1}`;
    const u = new URL(f.src, location.href);
    if (!u.searchParams.has('childId')) { u.searchParams.set('childId', f.id); f.src = u.href; }
  });
  addEventListener('message', (e) => {
    if (typeof e.data !== 'string' || !e.data.startsWith('pymxPYMx')) return;
    const [, id, type, value] = e.data.split('xPYMx');
    const f = document.getElementById(id);
    if (f && type === 'height' && f.contentWindow === e.source) f.style.height = `${parseInt(value, 10)}px`;
  });
})();
