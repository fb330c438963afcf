import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { idParam } from '../contracts/common';
import { flow, flowQuery } from '../contracts/flow';
import { viewerOf } from '../middleware/viewer';
import { readFlow } from '../services/flow';
import { reportScope } from '../services/report';
import { unitTreeOnce } from '../auth/unit-scope';
import { auditStamp } from '../../db/audit/head';
import { minuteOf, SharedAnswers } from '../services/shared-answers';
import type { Flow } from '../contracts/flow';
import { json, problems, router } from './kit';

/** Cumulative flow and burndown of a phase or a range of days, for the reports page. Aggregates: every role may read them, as the reports. */
export function flowRoutes(database: Database, clock: Clock) {
  // A branch's flow replays its clues' entries (a tenth of a second at 100,000 clues): one count serves every viewer until the log or the minute moves on.
  const shared = new SharedAnswers<Flow>();
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{id}/flow',
      tags: ['reports'],
      request: { params: idParam, query: flowQuery },
      responses: {
        200: json(flow, 'Clues in each state and open clues at the end of each day of the phase window, from the audit log; of one unit and the units below it (`unit`), of one crime category (`category`), or both'),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      viewerOf(c);
      const { id } = c.req.valid('param');
      const { phase, unit, category, from, to, asOf } = c.req.valid('query');
      const unitTree = unitTreeOnce(database.db);
      // Checked as the report checks them: a 400 naming the unit or category that is not there.
      const { units, categoryId } = await reportScope(database.db, id, { unit, category }, unitTree);
      // The office's branch holds every unit: its flow is the whole campaign's, added up from the tallies.
      const everyUnit = units !== null && (await unitTree()).every((u) => units.includes(u.id));
      const now = clock();
      const range = from === undefined && to === undefined ? undefined : { from, to };
      const question = JSON.stringify([id, phase ?? null, unit ?? null, categoryId, from ?? null, to ?? null, asOf === undefined ? null : new Date(asOf).toISOString()]);
      // A branch's unit tree is part of the state: a unit made under the branch belongs in its flow at once.
      const state = `${await auditStamp(database.db)}@${minuteOf(now)}@${unit === undefined ? '' : JSON.stringify(await unitTree())}`;
      const answer = await shared.answer(question, state, () => readFlow(database.db, id, phase, now, { unit: unit ?? null, units: everyUnit ? null : units, categoryId }, range, asOf));
      return c.json(answer, 200);
    },
  );
}
