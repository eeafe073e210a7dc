#!/usr/bin/env bash
# Checks the self-hosting package: `npm pack --dry-run` in dist/vats-pilot must list exactly the
# files a host needs, the `exports` entry must point at the loader, and the deploy folder must
# hold a .gz and .br sibling for each of them. Run scripts/build.sh and scripts/package.sh first.
set -euo pipefail
cd "$(dirname "$0")/../dist/vats-pilot"
npm pack --dry-run --json --ignore-scripts | node --input-type=module -e '
import { existsSync, readFileSync } from "node:fs";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const [pack] = JSON.parse(input);
const listed = pack.files.map((f) => f.path).sort();
const want = ["README.md", "builder.css", "builder.html", "builder.js", "embed-parent.js", "embed.html", "embed.js", "favicon.svg", "oembed.json",
  "package.json", "page.css", "pilot.json", "pilot-enterprises.csv", "pilot.schema.json", "pkg/vats_pilot.js", "pkg/vats_pilot_bg.wasm", "pkg/vats_pilot_lean.js", "pkg/vats_pilot_lean_bg.wasm",
  "vats-pilot.js", "vats-pilot.js.map", "widget.css"].sort();
const problems = [];
const missing = want.filter((f) => !listed.includes(f));
const extra = listed.filter((f) => !want.includes(f));
if (missing.length) problems.push(`missing from the package: ${missing.join(", ")}`);
if (extra.length) problems.push(`unexpected in the package: ${extra.join(", ")}`);
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
if (pkg.name !== "vats-pilot") problems.push(`name is ${pkg.name}`);
if (!/^\d+\.\d+\.\d+/.test(pkg.version)) problems.push(`version "${pkg.version}" is not semver`);
if (!pkg.license) problems.push("no license");
if (pkg.exports?.["."] !== "./vats-pilot.js") problems.push("exports[\".\"] is not the loader ./vats-pilot.js");
// Every file a packaged page refers to must be in the package too.
for (const page of listed.filter((f) => f.endsWith(".html"))) {
  for (const [, ref] of readFileSync(page, "utf8").matchAll(/(?:href|src)="([^"]+)"/g)) {
    if (/^[a-z]+:|^\/\/|^#/i.test(ref)) continue;
    const path = ref.split(/[?#]/)[0];
    if (!listed.includes(path)) problems.push(`${page} refers to ${path}, which is not in the package`);
  }
}
for (const f of want.filter((f) => !/^(README\.md|package\.json)$/.test(f)))
  for (const ext of [".gz", ".br"]) if (!existsSync(f + ext)) problems.push(`deploy folder lacks ${f}${ext}`);
console.log(`npm pack --dry-run: ${pack.name}@${pack.version}, ${pack.entryCount} files, ${pack.size} bytes packed, ${pack.unpackedSize} unpacked`);
for (const f of pack.files) console.log(`  ${String(f.size).padStart(9)}  ${f.path}`);
if (problems.length) { for (const p of problems) console.error(`check-package: ${p}`); process.exit(1); }
console.log("check-package: ok");
'
