import { LibsqlError } from '@libsql/client';
import { DrizzleQueryError } from 'drizzle-orm/errors';

/** An error and what caused it, in order: `error.cause`, followed until it ends (or loops). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let link: unknown = error; link !== undefined && link !== null && !chain.includes(link); ) {
    chain.push(link);
    link = link instanceof Error ? link.cause : undefined;
  }
  return chain;
}

/** The driver's error in the chain (drizzle wraps it in its own, `Failed query: …`), or undefined when the database had no part in it. */
export function libsqlErrorIn(error: unknown): LibsqlError | undefined {
  return causeChain(error).find((link): link is LibsqlError => link instanceof LibsqlError);
}

const firstLine = (link: unknown) => (link instanceof Error ? link.message : String(link)).split('\n')[0]?.trim() ?? '';

/**
 * Why an error happened, in one line: the first line of each message along
 * its cause chain, joined with ": ". Drizzle's wrapper is left out: its
 * message is the query and its parameters, not the reason, which is in its
 * cause (`SQLITE_CORRUPT: …`, `fetch failed: connect ECONNREFUSED …`). A
 * message another one already holds is said once (libSQL's own errors often
 * repeat their cause's).
 */
export function reasonOf(error: unknown): string {
  const said: string[] = [];
  for (const link of causeChain(error)) {
    if (link instanceof DrizzleQueryError) continue;
    const line = firstLine(link);
    if (line === '' || said.some((earlier) => earlier.includes(line))) continue;
    said.push(line);
  }
  return said.length === 0 ? firstLine(error) : said.join(': ');
}
