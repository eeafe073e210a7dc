// Writes FILE.gz (gzip -9) and FILE.br (brotli q11) next to each file given, for servers that
// send precompressed files (see README, "Serving"). Used by scripts/build.sh.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

for (const f of process.argv.slice(2)) {
  const b = readFileSync(f);
  writeFileSync(`${f}.gz`, gzipSync(b, { level: 9 }));
  writeFileSync(`${f}.br`, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }));
}
