// A plain host page for one <vats-pilot>: every query parameter except `bg` becomes an attribute
// of the element; `bg` is the page's own background colour (e.g. a white article).
const params = new URLSearchParams(location.search);
if (params.has('bg')) document.body.style.background = params.get('bg');
const el = document.createElement('vats-pilot');
for (const [k, v] of params) if (k !== 'bg') el.setAttribute(k, v);
document.getElementById('story').append(el);
