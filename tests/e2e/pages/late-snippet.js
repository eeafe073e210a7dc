// Adds the parent snippet only after both frames have loaded and posted their first heights
// (one frame already names itself with childId, as a pasted Pym.js embed code does),
// as a CMS that injects scripts late (or a slow network) would.
const frames = [...document.querySelectorAll('iframe[data-vats-pilot]')];
Promise.all(frames.map((f) => new Promise((ok) => f.addEventListener('load', ok, { once: true })))).then(() => {
  const s = document.createElement('script');
  s.src = '/embed-parent.js';
  document.body.append(s);
});
