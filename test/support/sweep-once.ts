// Runs one deadline sweep in a process of its own: `node --import tsx test/support/sweep-once.ts <database url> <ISO instant>`.
// Prints the sweep's result as JSON. Used to race two sweepers on one database.
import { openDatabase } from '../../db/client';
import { sweepDeadlines } from '../../api/services/deadline-sweep';

const [url, at] = process.argv.slice(2);
if (url === undefined || at === undefined) throw new Error('usage: sweep-once <database url> <ISO instant>');
const database = await openDatabase(url);
const result = await sweepDeadlines(database, new Date(at));
database.close();
process.stdout.write(JSON.stringify(result));
