import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 10, problems: 2 });
  app = testApp(database);
});
afterAll(async () => {
  app.stop();
  await database.drop();
});

interface ListedUnit {
  id: string;
  parentId: string | null;
}

describe('the units a campaign lists for its pickers', () => {
  it('puts a police station added after every other unit right below its county branch, not after the last county', async () => {
    const admin = await signIn(app, 'admin');
    // Stored last (the highest sortOrder), below a county branch listed before several others.
    const made = await admin.send('POST', '/api/admin/units', { id: 'hantai-beiguan', parentId: 'hantai', kind: 'station', nameZh: '北关派出所', nameEn: 'Beiguan Police Station' });
    expect(made.status).toBe(201);
    // And one below the station, to show the order is depth first, not only one level deep.
    expect((await admin.send('POST', '/api/admin/units', { id: 'beiguan-team', parentId: 'hantai-beiguan', kind: 'other', nameZh: '北关社区警务队', nameEn: 'Beiguan community team' })).status).toBe(201);

    const office = await signIn(app, 'office');
    const campaign = (await (await office.get('/api/campaigns/1')).json()) as { units: ListedUnit[] };
    const ids = campaign.units.map((u) => u.id);
    expect(ids.slice(ids.indexOf('hantai'), ids.indexOf('hantai') + 4)).toEqual(['hantai', 'hantai-beiguan', 'beiguan-team', 'nanzheng']);
    // Every unit still listed once, each after its parent: the pickers indent by depth and keep this order.
    expect(new Set(ids).size).toBe(ids.length);
    for (const unit of campaign.units) if (unit.parentId !== null) expect(ids.indexOf(unit.parentId)).toBeLessThan(ids.indexOf(unit.id));

    // The directory the other pickers read gives the same order.
    const directory = (await (await office.get('/api/units')).json()) as ListedUnit[];
    expect(directory.map((u) => u.id)).toEqual(ids);

    // So do the board's lanes by unit (those with cards) and the clue list sorted by unit, the station's clue among them.
    const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai-beiguan', title: '北关辖区网络赌博引流线索', source: 'other' });
    expect(created.status).toBe(201);
    const inTreeOrder = (units: readonly string[]) => units.map((unit) => ids.indexOf(unit));
    const board = (await (await office.get('/api/campaigns/1/board?swimlane=unit')).json()) as { lanes: { key: string }[] };
    const lanes = board.lanes.map((lane) => lane.key);
    expect(lanes).toContain('hantai-beiguan');
    expect(lanes.length).toBeGreaterThan(2);
    expect(inTreeOrder(lanes)).toEqual(inTreeOrder(lanes).toSorted((a, b) => a - b));
    const listed = (await (await office.get('/api/campaigns/1/lists/clues?sort=unit&limit=500')).json()) as { items: { unitId: string }[] };
    const runs = listed.items.map((item) => item.unitId).filter((unit, i, all) => all[i - 1] !== unit);
    expect(runs).toContain('hantai-beiguan');
    expect(runs.length).toBeGreaterThan(2);
    expect(inTreeOrder(runs)).toEqual(inTreeOrder(runs).toSorted((a, b) => a - b));
  });
});
