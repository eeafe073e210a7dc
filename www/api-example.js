// The README's JS API example, runnable: open /api.html on the served www/.
import init, { dataset, checkEligibility, filterEnterprises } from './pkg/vats_pilot.js';

await init();
const out = [];
const data = dataset();
out.push(`dataset ${data.version}, as of ${data.asOf}: ${data.enterprises.length} records, ${data.sources.length} sources`);

const a = checkEligibility({ place: 'hainan', service: 'B11', foreignEquityPct: 100 });
out.push(`Hainan, IDC, 100 %: ${a.verdict}, max ${a.maxForeignEquityPct} %, by ${a.programme} (${a.confidence})`);
out.push(`  first reason: ${a.reasons[0].textEn} [${a.reasons[0].sourceIds.join(', ')}]`);

const f = filterEnterprises({ zone: 'shanghai', status: 'approved' });
out.push(`approved in Shanghai: ${f.ids.join(', ')}`);

try {
  checkEligibility({ place: 'atlantis', service: 'B11' });
} catch (e) {
  out.push(`bad input throws: ${e.message.slice(0, 60)}…`);
}
document.getElementById('out').textContent = out.join('\n');
