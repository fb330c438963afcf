import { describe, expect, it } from 'vitest';
import { createClue, decideClue, replayClue, type ClueRecord } from '../clue/clue.kind';
import { decideProblem } from '../problem/problem.kind';
import { actors, clueIn, concludedRules, now, problemIn, rules } from '../../test/support/engine-fixtures';

const extend = (until: string, reason = '需调取外省银行流水，等待回函') => ({ event: 'clue.extend' as const, payload: { until, reason } });

// The fixtures' clue is due at the end of 4 April (Shanghai), overdue at `now` (10 April, 10:00 there).
describe('a deadline extension (延期)', () => {
  it('moves the due time to the end of the chosen day in the campaign zone and keeps the state and when it was entered', () => {
    const before = clueIn('verifying');
    const decided = decideClue(before, actors.leadInScope, extend('2026-04-20'), rules, now);
    expect(decided).toMatchObject({ ok: true, from: 'verifying', to: 'verifying', version: before.version + 1, dueAt: '2026-04-20T16:00:00.000Z' });
    if (!decided.ok) return;
    expect(decided.context.enteredAt).toBe(before.context.enteredAt);
    expect(decided.context.dueAt).toBe('2026-04-20T16:00:00.000Z');
    // The event carries the new due time, so a replay and the reports read it from the log.
    expect(decided.event.meta.dueAt).toBe('2026-04-20T16:00:00.000Z');
  });

  it("is the unit lead's or the office's call, not an officer's, another unit's or a viewer's", () => {
    expect(decideClue(clueIn('filed'), actors.office, extend('2026-05-01'), rules, now)).toMatchObject({ ok: true });
    expect(decideClue(clueIn('filed'), actors.leadAbove, extend('2026-05-01'), rules, now)).toMatchObject({ ok: true });
    expect(decideClue(clueIn('filed'), actors.officerAssigned, extend('2026-05-01'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(decideClue(clueIn('filed'), actors.leadOutOfScope, extend('2026-05-01'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'out_of_scope' } });
    expect(decideClue(clueIn('filed'), actors.viewer, extend('2026-05-01'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
  });

  it('is given only to an open item of a running campaign', () => {
    expect(decideClue(clueIn('unfounded'), actors.office, extend('2026-05-01'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'move_not_allowed' } });
    for (const state of ['prosecuted', 'merged'] as const) {
      expect(decideClue(clueIn(state), actors.office, extend('2026-05-01'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'item_closed' } });
    }
    expect(decideClue(clueIn('filed'), actors.office, extend('2026-05-01'), concludedRules, now)).toMatchObject({ ok: false, refusal: { code: 'campaign_concluded' } });
  });

  it('must move the deadline later, to a day not yet over, and not past the campaign', () => {
    const due = clueIn('filed', { dueAt: '2026-04-30T16:00:00.000Z' });
    const refusedField = (until: string, clue: ClueRecord = due) => {
      const decided = decideClue(clue, actors.office, extend(until), rules, now);
      return decided.ok ? null : { code: decided.refusal.code, fields: (decided.refusal.fields ?? []).map((f) => f.field) };
    };
    // The same day as now, and an earlier one: not an extension.
    expect(refusedField('2026-04-30')).toEqual({ code: 'payload_invalid', fields: ['until'] });
    expect(refusedField('2026-04-25')).toEqual({ code: 'payload_invalid', fields: ['until'] });
    // An overdue clue given a day that has already ended: still overdue, so refused; today is fine (it ends at midnight).
    expect(refusedField('2026-04-09', clueIn('filed'))).toEqual({ code: 'payload_invalid', fields: ['until'] });
    expect(refusedField('2026-04-10', clueIn('filed'))).toBeNull();
    // The campaign's last day is the latest there is.
    expect(refusedField('2026-12-31')).toBeNull();
    expect(refusedField('2027-01-01')).toEqual({ code: 'payload_invalid', fields: ['until'] });
  });

  it('refuses a day that is not one, or no reason, by field', () => {
    const fieldsOf = (payload: unknown) => {
      const decided = decideClue(clueIn('filed'), actors.office, { event: 'clue.extend', payload }, rules, now);
      return decided.ok ? [] : (decided.refusal.fields ?? []).map((f) => f.field).sort();
    };
    expect(fieldsOf({ until: '2026-04-31', reason: '等待鉴定' })).toEqual(['until']);
    expect(fieldsOf({ until: '20/5/2026', reason: '等待鉴定' })).toEqual(['until']);
    expect(fieldsOf({ until: '2026-05-01', reason: '   ' })).toEqual(['reason']);
    expect(fieldsOf({ until: '2026-05-01' })).toEqual(['reason']);
  });

  it('ends with the state: the next state is due by its own time limit, not the extended one', () => {
    const extended = decideClue(clueIn('verifying'), actors.office, extend('2026-06-30'), rules, now);
    if (!extended.ok) throw new Error(extended.refusal.code);
    const record: ClueRecord = { id: 100, state: extended.state, context: extended.context, version: extended.version };
    const filed = decideClue(record, actors.office, { to: 'filed', payload: { caseNumber: 'A1', conclusion: '属实' } }, rules, now);
    // Filed within 60 days of 10 April (Shanghai): the end of 9 June.
    expect(filed).toMatchObject({ ok: true, dueAt: '2026-06-09T16:00:00.000Z' });
  });

  it('replays from the history to the same due time', () => {
    const fields = { title: '跨境赌博线索', description: '', categoryId: 5, source: 'other' as const };
    const created = createClue(100, { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields }, actors.office, rules, now);
    if (!created.ok) throw new Error('not created');
    const decided = decideClue(created.record, actors.leadInScope, extend('2026-04-28'), rules, now);
    if (!decided.ok) throw new Error(decided.refusal.code);
    expect(replayClue([created.event, decided.event])).toEqual({ ok: true, state: 'found', context: decided.context, version: 2 });
  });

  it('is given to a rectification item on the same rules', () => {
    const request = { event: 'problem.extend' as const, payload: { until: '2026-05-15', reason: '整改需协调通信管理局' } };
    expect(decideProblem(problemIn('rectifying'), actors.leadInScope, request, rules, now)).toMatchObject({ ok: true, state: 'rectifying', dueAt: '2026-05-15T16:00:00.000Z' });
    expect(decideProblem(problemIn('rectifying'), actors.officerAssigned, request, rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(decideProblem(problemIn('verified'), actors.office, request, rules, now)).toMatchObject({ ok: false, refusal: { code: 'item_closed' } });
  });
});
