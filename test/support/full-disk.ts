import { createClient } from '@libsql/client';
import { limitPages, pageLimitGroup } from '../../db/fixtures/page-limit-group';
import type { Database } from '../../db/client';

/** The write worker's script for a full disk's tests: the server's groups and the page limit (see limitPages). */
export const pageLimitWorker = new URL('./page-limit-worker.ts', import.meta.url);

/**
 * A full disk for a database opened with {@link pageLimitWorker}, made and freed from a connection of the test's own,
 * as another program fills a disk and an operator frees it: no switch for it in the product.
 */
export async function fullDiskOf(database: Database) {
  const filler = createClient({ url: database.url });
  await filler.execute('create table ballast (b blob not null)');
  const pageCount = async () => Number((await filler.execute('pragma page_count')).rows[0]?.[0]);
  return {
    /**
     * Fills the file to its last page (its free pages too) and holds every connection that writes to it there, the
     * write queue's and the write worker's: a write that needs one more page fails with SQLITE_FULL, as on a full disk.
     */
    async fill(): Promise<void> {
      await filler.execute(`pragma max_page_count = ${(await pageCount()) + 64}`);
      for (;;) {
        const full = await filler.execute('insert into ballast values (zeroblob(2000))').then(
          () => false,
          (error: unknown) => /SQLITE_FULL/.test(String(error)),
        );
        if (full) break;
      }
      const pages = await pageCount();
      await database.write((tx) => limitPages(tx, pages));
      await database.together(pageLimitGroup, pages);
    },
    /** Frees space as an operator would, by deleting other files: here the ballast's pages, free inside the file again. */
    async free(): Promise<void> {
      await filler.execute('delete from ballast');
    },
    close: () => filler.close(),
  };
}
