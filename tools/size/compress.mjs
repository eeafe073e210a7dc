// Writes FILE.gz (gzip -9) and FILE.br (brotli q11) next to each file given, for servers that
// send precompressed files (see README, "Serving"). Used by scripts/build.sh and
// scripts/package.sh. GNU gzip when present: on the wasm its -9 is ~2.6 KB smaller than zlib's.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const gzip = (b) => {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c'], { input: b, maxBuffer: 1 << 28 });
  } catch {
    return gzipSync(b, { level: 9 });
  }
};

for (const f of process.argv.slice(2)) {
  const b = readFileSync(f);
  writeFileSync(`${f}.gz`, gzip(b));
  writeFileSync(`${f}.br`, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }));
}
