import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(js|css|html|svg|json)$/;
/** Below this, compressing saves less than the request costs. */
const smallest = 1024;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every built text file,
 * once at build time, so the server sends the compressed copy without
 * compressing on each request.
 */
export function precompress(): Plugin {
  return {
    name: 'battlemap:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir;
      if (dir === undefined) return;
      for (const file of Object.values(bundle)) {
        if (!compressible.test(file.fileName)) continue;
        const content = file.type === 'chunk' ? Buffer.from(file.code) : Buffer.from(file.source);
        if (content.length < smallest) continue;
        const path = join(dir, file.fileName);
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(`${path}.gz`, gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}
