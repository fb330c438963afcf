import { parentPort } from 'node:worker_threads';
import { answerFor } from './services/import/table-reader';

/** The reading thread of one imported file (see tableReaderIn): reads it, answers, and is ended. */
parentPort?.once('message', (bytes: Uint8Array) => {
  void answerFor(bytes).then((answer) => parentPort?.postMessage(answer));
});
