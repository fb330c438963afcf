import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/client';
import { escalationParts } from './history-escalation';

const escalation: NonNullable<HistoryEntry['escalation']> = {
  id: 7,
  level: 2,
  recipient: 'unitLead',
  recipientName: null,
  unitId: 'hantai',
  state: 'found',
  dueAt: '2026-06-18T16:00:00.000Z',
  resolvedBecause: null,
};
const unitName = (id: string) => (id === 'hantai' ? '汉台分局' : id);

describe("an escalation's line in an item's history", () => {
  it('says its rung and to whom it was raised: the lead of its unit, the assignee by name, the office', () => {
    expect(escalationParts({ event: 'escalation.raise', escalation }, unitName)).toEqual([
      { zh: '超期', en: 'Overdue' },
      { zh: '→ 汉台分局单位负责人', en: '→ Unit lead, 汉台分局' },
    ]);
    expect(escalationParts({ event: 'escalation.raise', escalation: { ...escalation, level: 1, recipient: 'assignee', recipientName: '张三' } }, unitName)[1]).toEqual({ zh: '→ 承办人 张三', en: '→ Assignee 张三' });
    expect(escalationParts({ event: 'escalation.raise', escalation: { ...escalation, level: 3, recipient: 'office', unitId: null } }, unitName)[1]).toEqual({ zh: '→ 专项办', en: '→ Office' });
  });

  it('says to whom it was passed on when its item changed hands', () => {
    const passedOn = { event: 'escalation.reroute', escalation: { ...escalation, unitId: 'nanzheng' } };
    expect(escalationParts(passedOn, (id) => (id === 'nanzheng' ? '南郑分局' : id))).toEqual([
      { zh: '超期', en: 'Overdue' },
      { zh: '→ 南郑分局单位负责人', en: '→ Unit lead, 南郑分局' },
    ]);
  });

  it('says why it was resolved where the entry records it, and its rung alone where not', () => {
    expect(escalationParts({ event: 'escalation.resolve', escalation: { ...escalation, resolvedBecause: 'extended' } }, unitName)).toEqual([
      { zh: '超期', en: 'Overdue' },
      { zh: '期限已延长', en: 'the deadline was extended' },
    ]);
    expect(escalationParts({ event: 'escalation.resolve', escalation }, unitName)).toEqual([{ zh: '超期', en: 'Overdue' }]);
  });

  it('is nothing on a line of the item itself', () => {
    expect(escalationParts({ event: 'clue.verify', escalation: null }, unitName)).toEqual([]);
  });
});
