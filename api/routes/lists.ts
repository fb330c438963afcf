import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { UnitNode } from '../auth/unit-scope';
import type { Clock } from '../clock';
import { listNameParam, listPage, listQuery } from '../contracts/lists';
import { xlsxType } from '../middleware/security';
import { viewerOf } from '../middleware/viewer';
import { readList, readWholeList } from '../services/lists';
import { listCsv, listFileName, listFiltersLine, listFilterTokens, listNote, listTable, listXlsx } from '../services/lists-export';
import { problems, router } from './kit';
import { exportNames } from '../services/export-names';

/** The three lists (问题、线索、责任清单): a page as JSON, or the whole filtered list as CSV or XLSX. Scoped like the board. */
export function listRoutes(database: Database, clock: Clock, unitTree: () => Promise<readonly UnitNode[]>) {
  const { db } = database;
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{id}/lists/{list}',
      tags: ['lists'],
      request: { params: listNameParam, query: listQuery },
      responses: {
        200: {
          description: 'A page of the clue, problem or responsibility list under the filters; with format=csv or xlsx, every item under them as a file',
          content: { 'application/json': { schema: listPage }, 'text/csv': { schema: z.string() }, [xlsxType]: { schema: z.string() } },
        },
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      const viewer = viewerOf(c);
      const { id, list } = c.req.valid('param');
      const query = c.req.valid('query');
      const now = clock();
      const tree = await unitTree();
      if (query.format === 'json') return c.json(await readList(db, list, id, viewer.actor, query, now, tree), 200);

      const [{ campaign, asOf, items }, names] = await Promise.all([readWholeList(db, list, id, viewer.actor, query, now, tree), exportNames(db, id)]);
      const zone = campaign.config.timeZone;
      const table = await listTable(list, items, names, query.lang, zone);
      // What the file holds: the unit asked for, else the reader's own when they see only theirs; the category and state asked for.
      const unit = query.unit ?? (viewer.actor.unitScope.length > 0 ? viewer.user.unitId : undefined);
      const category = query.category === undefined ? undefined : query.category === 'none' ? 'uncategorised' : names.categoryCodes.get(query.category);
      const scope = [unit, category, query.state].filter((part): part is string => part !== undefined).concat(listFilterTokens(query));
      // Once concluded, the rows' deadline status is the conclusion's, not the day's: the file says so, as the page does.
      const judgedAt = campaign.state === 'concluded' ? asOf : null;
      const name = listFileName(campaign.code, scope, list, now, zone, judgedAt);
      if (query.format === 'csv') {
        return c.body(await listCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
      }
      // The person filtered by, as the page names them: from the rows they hold.
      const assigneeName = typeof query.assignee === 'number' ? (items.find((item) => item.assigneeId === query.assignee)?.assigneeName ?? null) : null;
      const filtersLine = listFiltersLine(query, names, query.lang, assigneeName);
      const about = listNote(filtersLine, judgedAt, now, query.lang, zone);
      return c.body(await listXlsx(list, table, query.lang, about, filtersLine !== null), 200, { 'Content-Type': xlsxType, 'Content-Disposition': `attachment; filename="${name}.xlsx"` });
    },
  );
}
