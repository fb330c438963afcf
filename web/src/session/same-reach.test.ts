import { describe, expect, it } from 'vitest';
import { sameReach } from './same-reach';

describe('whether a user read again sees what they saw', () => {
  const officer = { role: 'officer', unitId: 'hantai', unitScope: ['hantai', 'beiguan'] };

  it('sees the same over the same units in another order', () => {
    expect(sameReach(officer, { ...officer, unitScope: ['beiguan', 'hantai'] })).toBe(true);
  });

  it('sees otherwise when moved to another unit, given another role, or their units changed', () => {
    expect(sameReach(officer, { ...officer, unitId: 'xixiang', unitScope: ['xixiang'] })).toBe(false);
    expect(sameReach(officer, { ...officer, role: 'lead' })).toBe(false);
    expect(sameReach(officer, { ...officer, unitScope: ['hantai'] })).toBe(false);
    expect(sameReach(officer, { ...officer, unitScope: ['hantai', 'nanguan'] })).toBe(false);
  });
});
