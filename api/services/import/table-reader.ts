import { startWorker } from '../../../db/worker-script';
import { UnknownEncoding } from '../../../engine/intake/text-encoding';
import { readTable, TooManyRows, type Table } from './read-table';

/** Reads an uploaded file into its table (see readTable), wherever that is done. */
export type TableReader = (bytes: Uint8Array) => Promise<Table>;

/** A file the reading thread gave up on for the memory it took (a workbook that unpacks to gigabytes). */
export class TableTooLarge extends Error {}

/** What the reading thread answers: the table, or why there is none. */
export type ReadAnswer = { readonly table: Table } | { readonly failed: 'encoding' } | { readonly failed: 'rows'; readonly rows: number } | { readonly failed: 'unreadable'; readonly message: string };

/** The reading thread's side: the answer for one file. */
export async function answerFor(bytes: Uint8Array): Promise<ReadAnswer> {
  try {
    return { table: await readTable(bytes) };
  } catch (error) {
    if (error instanceof UnknownEncoding) return { failed: 'encoding' };
    if (error instanceof TooManyRows) return { failed: 'rows', rows: error.rows };
    return { failed: 'unreadable', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The heap a reading thread may take. A register of 50,000 clues as a workbook (2 MB, 42 MB unpacked) is read in
 * some 500 MB; past this the thread is stopped and the file refused, and the server's own memory is untouched.
 */
const readerHeapMb = 1536;

/**
 * Files read on a thread of their own, one at a time: a workbook of 50,000 rows takes ExcelJS seconds of
 * uninterrupted work, and on the server's thread no other request was answered meanwhile (the health check
 * waited 16 s while half a million rows were read). One thread a file, ended with it, so that what it took
 * is given back at once; one file at a time, so two large ones do not take twice the memory.
 */
export function tableReaderIn(entry: URL, heapMb = readerHeapMb): TableReader {
  let last: Promise<unknown> = Promise.resolve();
  return (bytes) => {
    const read = last.then(() => readOnThread(entry, bytes, heapMb));
    last = read.catch(() => undefined);
    return read;
  };
}

/** The reader the server uses without a thread to read on (the tests of the routes, the command line): this one. */
export const readHere: TableReader = readTable;

function readOnThread(entry: URL, bytes: Uint8Array, heapMb: number): Promise<Table> {
  return new Promise<Table>((resolve, reject) => {
    const worker = startWorker(entry, null, { maxOldGenerationSizeMb: heapMb });
    let answered = false;
    worker.once('message', (answer: ReadAnswer) => {
      answered = true;
      void worker.terminate();
      if ('table' in answer) resolve(answer.table);
      else if (answer.failed === 'encoding') reject(new UnknownEncoding());
      else if (answer.failed === 'rows') reject(new TooManyRows(answer.rows));
      else reject(new Error(answer.message));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      answered = true;
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new TableTooLarge(error.message) : error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the reading thread stopped (exit code ${code})`));
    });
    // Handed over, not copied: the request's bytes are not needed here again.
    const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    worker.postMessage(copy, [copy.buffer as ArrayBuffer]);
  });
}
