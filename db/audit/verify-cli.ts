import { openDatabase } from '../client';
import { verifyAudit } from './verify';

/** `npm run audit:verify`: checks the hash chain and that every item is the replay of its entries. */
const url = process.env.DATABASE_URL ?? 'file:./data/battlemap.db';
const database = await openDatabase(url, process.env.DATABASE_AUTH_TOKEN === undefined ? {} : { authToken: process.env.DATABASE_AUTH_TOKEN });
const result = await verifyAudit(database.db);
database.close();
if (result.ok) {
  console.log(`audit log intact: ${result.entries} entries, ${result.items} items replay to their stored state (${url})`);
} else {
  console.error(`audit log BROKEN at seq ${result.seq ?? '?'}${result.subject === undefined ? '' : ` (${result.subject} ${result.subjectId})`}: ${result.reason}`);
  process.exit(1);
}
