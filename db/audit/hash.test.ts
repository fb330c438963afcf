import { describe, expect, it } from 'vitest';
import { auditHash, genesisHash } from './hash';

const entry = {
  seq: 42,
  at: '2026-06-15T02:00:00.000Z',
  actorId: 7,
  campaignId: 1,
  subject: 'clue',
  subjectId: 1234,
  event: 'clue.verify',
  fromState: 'found',
  toState: 'verifying',
  payload: JSON.stringify({ type: 'clue.verify', payload: { reason: '群众举报“随心借”网贷平台 \\ "引号"' } }),
  version: 3,
  unitId: 'hantai',
  categoryId: 2,
};

describe('the audit hash', () => {
  // Every database written so far chains with this function: a change to it would make their logs fail verification.
  it('is the same digest it has always been, for the same entry after the same hash', () => {
    expect(auditHash(genesisHash, entry)).toBe('f9701b930aa31cdcc9152c3bcfda1974572e504b1231b1c15b6e534498c552b1');
    expect(auditHash('f'.repeat(64), { ...entry, actorId: null, unitId: null, categoryId: null, fromState: null })).toBe('e37df8c7ce4b9bae429edb2da17c89a2ceea50ef93a38ee54e78a568e413f06f');
  });

  it('changes with any field and with the hash it follows', () => {
    const base = auditHash(genesisHash, entry);
    for (const [key, value] of Object.entries({ seq: 43, at: '2026-06-15T02:00:00.001Z', actorId: 8, campaignId: 2, subject: 'problem', subjectId: 1235, event: 'clue.file', fromState: null, toState: 'filed', payload: '{}', version: 4, unitId: 'nanzheng', categoryId: null })) {
      expect(auditHash(genesisHash, { ...entry, [key]: value }), key).not.toBe(base);
    }
    expect(auditHash('1'.repeat(64), entry)).not.toBe(base);
  });
});
