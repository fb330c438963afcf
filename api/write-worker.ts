import { serveGroups } from '../db/write-worker';
import { movesTogether } from './services/moves-together';

/** The write worker's thread (see db/write-worker.ts): the groups it runs. */
serveGroups([movesTogether]);
