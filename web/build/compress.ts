import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(js|css|html|svg|json)$/;
/** Below this, compressing saves less than the request costs. */
const smallest = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every built text file,
 * once at build time, so the server sends the compressed copy without
 * compressing on each request. Brotli at its best quality takes seconds for
 * the reports page's chunk (ECharts): the files are compressed on libuv's
 * threads, all at once, rather than one after another on this one.
 */
export function precompress(): Plugin {
  return {
    name: 'battlemap:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (dir === undefined) return;
      const writes = Object.values(bundle).flatMap((file) => {
        if (!compressible.test(file.fileName)) return [];
        const content = file.type === 'chunk' ? Buffer.from(file.code) : Buffer.from(file.source);
        if (content.length < smallest) return [];
        const path = join(dir, file.fileName);
        return [
          brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }).then((br) => writeFile(`${path}.br`, br)),
          gzipped(content, { level: constants.Z_BEST_COMPRESSION }).then((gz) => writeFile(`${path}.gz`, gz)),
        ];
      });
      await Promise.all(writes);
    },
  };
}
