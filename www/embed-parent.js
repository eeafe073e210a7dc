// Parent-page snippet for the iframe embed: sizes every <iframe data-vats-pilot> to the height
// its content reports (Pym.js message format). Pages already running Pym.js or AMP need nothing.
// A message is matched to its frame by the window that sent it, so it does not matter whether
// this script or the frame starts first: the snippet says hello to each frame (Pym.js's
// "width" message, which also gives a frame without a `childId` its id) when it starts and
// whenever a frame loads, and the frame answers with its current height. The hello also tells
// the frame whether the page behind it is light or dark.
(() => {
  const frames = () => [...document.querySelectorAll('iframe[data-vats-pilot]')];
  const known = new WeakSet();
  // What the reader sees behind a frame, light or dark: the nearest backgrounds up the page laid
  // over its canvas (dark only if the page opts into a dark colour scheme). A frame whose theme
  // is auto follows it rather than the system setting: a white article gets the light guide.
  const themeBehind = (f) => {
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const rgba = (css) => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const layers = [];
    for (let el = f.parentElement; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    const scheme = `${getComputedStyle(document.documentElement).colorScheme} ${document.querySelector('meta[name="color-scheme"]')?.content || ''}`;
    const dark = /dark/.test(scheme) && (!/light/.test(scheme) || matchMedia('(prefers-color-scheme: dark)').matches);
    let rgb = dark ? [18, 18, 18] : [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) rgb = rgb.map((v, i) => v * (1 - a) + [r, g, b][i] * a);
    const lum = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]) < 0.179 ? 'dark' : 'light';
  };
  let n = 0;
  const hello = (f) => {
    if (!f.id) {
      do n += 1; while (document.getElementById(`vats-pilot-frame-${n}`));
      f.id = `vats-pilot-frame-${n}`;
    }
    f.contentWindow?.postMessage(['pym', f.id, 'width', String(f.offsetWidth)].join('xPYMx'), '*');
    f.contentWindow?.postMessage({ sentinel: 'vats-pilot', type: 'theme', theme: themeBehind(f) }, '*');
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
