// Parent-page snippet for the iframe embed: sizes every <iframe data-vats-pilot> to the height
// its content reports (Pym.js message format). Pages already running Pym.js or AMP need nothing.
// A message is matched to its frame by the window that sent it, so it does not matter whether
// this script or the frame starts first: the snippet says hello to each frame (Pym.js's
// "width" message, which also gives a frame without a `childId` its id) when it starts and
// whenever a frame loads, and the frame answers with its current height.
(() => {
  const frames = () => [...document.querySelectorAll('iframe[data-vats-pilot]')];
  const known = new WeakSet();
  let n = 0;
  const hello = (f) => {
    if (!f.id) {
      do n += 1; while (document.getElementById(`vats-pilot-frame-${n}`));
      f.id = `vats-pilot-frame-${n}`;
    }
    f.contentWindow?.postMessage(['pym', f.id, 'width', String(f.offsetWidth)].join('xPYMx'), '*');
  };
  const greet = () => frames().forEach((f) => {
    if (!known.has(f)) {
      known.add(f);
      f.addEventListener('load', () => hello(f));
    }
    hello(f);
  });
  // Pym.js "height" and AMP "embed-size" messages, from one of the frames only.
  const heightOf = (d) => {
    if (typeof d === 'string' && d.startsWith('pymxPYMx')) {
      const [, , type, value] = d.split('xPYMx');
      return type === 'height' ? parseInt(value, 10) : 0;
    }
    return d && d.sentinel === 'amp' && d.type === 'embed-size' ? Math.ceil(Number(d.height)) : 0;
  };
  addEventListener('message', (e) => {
    const height = heightOf(e.data);
    if (!(height > 0)) return;
    const f = frames().find((x) => x.contentWindow === e.source);
    if (f) f.style.height = `${height}px`;
  });
  greet();
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', greet);
  addEventListener('load', greet);
  let wide = innerWidth;
  addEventListener('resize', () => { if (innerWidth !== wide) { wide = innerWidth; greet(); } });
})();
