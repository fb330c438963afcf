import { serveGroups } from '../../db/write-worker';
import { pageLimitGroup } from '../../db/fixtures/page-limit-group';
import { movesTogether } from '../../api/services/moves-together';

/** The server's write worker with one group more for the tests of a full disk: the page limit of its connection (see limitPages). */
serveGroups([movesTogether, pageLimitGroup]);
