// A plain host page for one <vats-pilot>: every query parameter except `bg` and `scheme`
// becomes an attribute of the element; `bg` is the page's own background colour (e.g. a white
// article) and `scheme` the page's CSS color-scheme.
const params = new URLSearchParams(location.search);
if (params.has('bg')) document.body.style.background = params.get('bg');
if (params.has('scheme')) document.documentElement.style.colorScheme = params.get('scheme');
const el = document.createElement('vats-pilot');
for (const [k, v] of params) if (k !== 'bg' && k !== 'scheme') el.setAttribute(k, v);
document.getElementById('story').append(el);
