import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { getCookie } from 'hono/cookie';
import { sessionCookie } from '../auth/sessions';
import { viewerOf } from '../middleware/viewer';
import { readScope } from '../services/board';
import type { AccountChanges } from '../services/account-changes';
import type { AuditFeed, Change } from '../services/audit-feed';
import { problems, router } from './kit';
import type { Actor } from '../../engine';

/**
 * A client further behind than this is told to reload instead of being sent
 * every entry: when it connects, and when one commit writes more (an import
 * of thousands of clues), which every open board would otherwise receive
 * entry by entry, each stream reading them again from the database.
 */
const maxCatchUp = 5000;
const heartbeatMs = 25_000;

const eventsQuery = z.strictObject({
  /** Where to start for a first connection (EventSource sends Last-Event-ID itself on reconnect). */
  since: z.coerce.number().int().min(0).optional(),
});

export const changeEvent = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    campaignId: z.number().int(),
    subject: z.enum(['clue', 'problem', 'campaign', 'escalation']),
    subjectId: z.number().int(),
    event: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    version: z.number().int(),
    unitId: z.string().nullable(),
    /** A transfer's unit before it, or the unit a re-routed escalation left (its readers there are sent the change too); null for any other change. */
    formerUnitId: z.string().nullable(),
  })
  .meta({ id: 'ChangeEvent' });

/**
 * `GET /api/events`: Server-Sent Events of every change the user may see,
 * each with its audit sequence number as its id. A client that reconnects
 * with Last-Event-ID first receives everything it missed, in order.
 */
/** How often, at most, an open stream asks whether its session still holds (before sending, and at each heartbeat). */
const sessionCheckMs = 5_000;

/** Whether two readings of a user read the same items: the same role over the same units. */
const sameReach = (a: Actor, b: Actor) => a.role === b.role && a.unitScope.length === b.unitScope.length && a.unitScope.every((unit) => b.unitScope.includes(unit));

/**
 * `readerNow` is who a session token stands for now (its user as an actor), or null once the session has ended; read
 * `fresh`, from the database rather than what this process keeps of sessions and units. `accounts` says when that may
 * have changed (see AccountChanges).
 */
export function eventRoutes(feed: AuditFeed, readerNow: (token: string, fresh: boolean) => Promise<Actor | null>, accounts: AccountChanges) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/events',
      tags: ['events'],
      request: { query: eventsQuery },
      responses: {
        200: {
          description:
            'text/event-stream. `change` events carry a ChangeEvent with the audit sequence number as id; `reset` means the client was too far behind (or ahead of the log: a number from another or a restored database) and should reload; `ping` keeps the connection open.',
          content: { 'text/event-stream': { schema: changeEvent } },
        },
        ...problems(400, 401),
      },
    }),
    async (c) => {
      const viewer = viewerOf(c);
      const scope = readScope(viewer.actor);
      // A transfer is seen in the unit it left as well: its board there re-reads the column and the card is gone; so is an
      // escalation passed on to another unit: the inbox there counts it no more.
      const visible = (change: Change) =>
        scope === null || change.unitId === null || scope.includes(change.unitId) || (change.formerUnitId !== null && scope.includes(change.formerUnitId));
      const lastEventId = Number(c.req.header('last-event-id'));
      const requested = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : c.req.valid('query').since;
      const head = await feed.head();

      const token = getCookie(c, sessionCookie) ?? '';
      return streamSSE(c, async (stream) => {
        let sent = requested ?? head;
        // A session that ends while its stream is open (signed out elsewhere, the account disabled, idle too long) ends
        // the stream: the browser opens it again, is refused, and its page goes to the sign-in. So does a reader whose
        // units changed (moved to another unit, or their unit moved in the tree): the stream opened again is of the
        // units they have now, not of those they had when it opened.
        let checkedAt = performance.now();
        const stillSignedIn = async (atOnce = false): Promise<boolean> => {
          if (!atOnce && performance.now() - checkedAt < sessionCheckMs) return true;
          checkedAt = performance.now();
          // Told of a change of accounts, which another process may have made: read afresh, not as kept here.
          const now = await readerNow(token, atOnce);
          if (now !== null && sameReach(now, viewer.actor)) return true;
          stream.abort();
          return false;
        };
        // An account or a unit changed, or a session signed out (see AccountChanges): the session is asked now, not at the
        // heartbeat. Listened for before anything is awaited: the client has the stream open from here, and a sign-out
        // sent in that moment was missed, the stream kept until the heartbeat's check, up to 25 s later.
        const stopWatchingAccounts = accounts.subscribe(() => void stillSignedIn(true).catch(() => stream.abort()));
        // And asked once now: a session that ended after the request was let in (while the feed's head was read) told
        // no one this stream was yet listening to.
        void stillSignedIn(true).catch(() => stream.abort());
        // Past the newest entry: a number from another database, or from this one before a restore. Nothing newer than
        // it would ever be sent, so the client is told to read afresh, as one too far behind is.
        if (head - sent > maxCatchUp || sent > head) {
          await stream.writeSSE({ event: 'reset', id: String(head), data: JSON.stringify({ seq: head }) });
          sent = head;
        }
        // One pull at a time per stream, so entries go out once each and in order.
        let pulling = false;
        let again = false;
        const pull = async () => {
          if (pulling) {
            again = true;
            return;
          }
          pulling = true;
          try {
            do {
              again = false;
              for (;;) {
                const newest = feed.newest();
                if (newest - sent > maxCatchUp) {
                  await stream.writeSSE({ event: 'reset', id: String(newest), data: JSON.stringify({ seq: newest }) });
                  sent = newest;
                  break;
                }
                const batch = await feed.after(sent, 500);
                if (batch.length === 0 || !(await stillSignedIn())) break;
                for (const change of batch) {
                  if (visible(change)) await stream.writeSSE({ event: 'change', id: String(change.seq), data: JSON.stringify(change) });
                }
                sent = batch.at(-1)?.seq ?? sent;
                if (batch.length < 500) break;
              }
            } while (again && !stream.aborted);
          } finally {
            pulling = false;
          }
        };
        const unsubscribe = await feed.subscribe(() => void pull().catch(() => stream.abort()));
        const heartbeat = setInterval(
          () =>
            void stillSignedIn()
              .then((holds) => (holds ? stream.writeSSE({ event: 'ping', data: '' }) : undefined))
              .catch(() => stream.abort()),
          heartbeatMs,
        );
        await new Promise<void>((done) => {
          stream.onAbort(() => done());
          // Ended already (the session found gone while the feed was subscribed to): its abort told no listener yet.
          if (stream.aborted) done();
          else void pull().catch(() => stream.abort());
        });
        clearInterval(heartbeat);
        stopWatchingAccounts();
        unsubscribe();
      });
    },
  );
}
