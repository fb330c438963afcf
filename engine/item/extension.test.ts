import { describe, expect, it } from 'vitest';
import { createClue, decideClue, replayClue, type ClueRecord } from '../clue/clue.kind';
import { decideProblem } from '../problem/problem.kind';
import type { ItemRulesContext } from './types';
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

  it("is limited for a unit lead to the campaign's number in one state, past which they ask; the office extends without limit", () => {
    const twice: ItemRulesContext = { ...rules, extensionsByLead: 2 };
    const byLead = (given: number, limited: ItemRulesContext = twice) => decideClue(clueIn('filed'), actors.leadInScope, extend('2026-05-01'), limited, now, { extensionsInState: given });
    expect(byLead(0)).toMatchObject({ ok: true });
    expect(byLead(1)).toMatchObject({ ok: true });
    const third = byLead(2);
    expect(third).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(third.ok ? '' : third.refusal.reason.zh).toContain('最多可延期 2 次');
    expect(third.ok ? '' : third.refusal.reason.en).toContain("may extend an item's deadline 2 times in one state, and this one has had 2:");
    // Said of one in English words, not "1 time(s)".
    const once = decideClue(clueIn('filed'), actors.leadInScope, extend('2026-05-01'), { ...rules, extensionsByLead: 1 }, now, { extensionsInState: 1 });
    expect(once.ok ? '' : once.refusal.reason.en).toContain("may extend an item's deadline once in one state, and this one has had one extension:");
    // Past the limit the lead asks, as an officer does; the office extends whatever the count.
    expect(decideClue(clueIn('filed'), actors.leadInScope, { event: 'clue.requestExtension', payload: { until: '2026-05-01', reason: '再次延期' } }, twice, now, { extensionsInState: 2 })).toMatchObject({ ok: true });
    expect(decideClue(clueIn('filed'), actors.office, extend('2026-05-01'), twice, now, { extensionsInState: 9 })).toMatchObject({ ok: true });
    // 0: every extension is the office's; no limit set (null, or a campaign configured before it existed): none.
    expect(byLead(0, { ...rules, extensionsByLead: 0 })).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(byLead(9, { ...rules, extensionsByLead: null })).toMatchObject({ ok: true });
    expect(byLead(9, rules)).toMatchObject({ ok: true });
    // Whoever may not extend at all is told that, not about a lead's limit.
    const officer = decideClue(clueIn('filed'), actors.officerAssigned, extend('2026-05-01'), twice, now, { extensionsInState: 2 });
    expect(officer.ok ? '' : officer.refusal.reason.zh).not.toContain('最多可延期');
    // A problem is limited alike.
    expect(decideProblem(problemIn('rectifying'), actors.leadInScope, { event: 'problem.extend', payload: { until: '2026-05-01', reason: '整改需采购设备' } }, twice, now, { extensionsInState: 2 })).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
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
    // Only invisible characters (zero-width spaces): refused as the single-item route's contract refuses them, a
    // batch's extension being checked by this alone.
    expect(fieldsOf({ until: '2026-05-01', reason: '\u200b\u200b' })).toEqual(['reason']);
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

describe('a request for an extension (延期申请)', () => {
  const ask = (until: string, reason = '涉案人员在外地，需协调异地警方协助') => ({ event: 'clue.requestExtension' as const, payload: { until, reason } });
  const decline = (reason = '案情简单，应按期办结') => ({ event: 'clue.declineExtension' as const, payload: { reason } });
  const asked = (): ClueRecord => {
    const decided = decideClue(clueIn('verifying'), actors.officerAssigned, ask('2026-04-25'), rules, now);
    if (!decided.ok) throw new Error(decided.refusal.code);
    return { id: 100, state: decided.state, context: decided.context, version: decided.version };
  };

  it('is made by whoever works the item, waits on it with the day, its due time, the reason, who and when, and moves no deadline', () => {
    const clue = asked();
    expect(clue.state).toBe('verifying');
    expect(clue.context.dueAt).toBe(clueIn('verifying').context.dueAt);
    expect(clue.context.extensionRequest).toEqual({ until: '2026-04-25', dueAt: '2026-04-25T16:00:00.000Z', reason: '涉案人员在外地，需协调异地警方协助', by: 7, at: now.toISOString() });
    expect(decideClue(clueIn('verifying'), actors.officerNotAssigned, ask('2026-04-25'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'not_assignee' } });
    expect(decideClue(clueIn('verifying'), actors.viewer, ask('2026-04-25'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
  });

  it('and its refusal give a reason one can see, not only invisible characters', () => {
    expect(decideClue(clueIn('verifying'), actors.officerAssigned, ask('2026-04-25', '\u200b\u2060'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'reason' }] } });
    expect(decideClue(asked(), actors.leadInScope, decline('\u200b'), rules, now)).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'reason' }] } });
  });

  it('asks for a later day, not one over, within the campaign, like the extension itself', () => {
    const due = clueIn('filed', { dueAt: '2026-04-30T16:00:00.000Z' });
    for (const until of ['2026-04-30', '2026-04-09', '2027-01-01']) {
      expect(decideClue(due, actors.officerAssigned, ask(until), rules, now), until).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'until' }] } });
    }
  });

  it('ends when a lead grants it (to the day asked or another), declines it with a reason, or the item moves on', () => {
    const granted = decideClue(asked(), actors.leadInScope, extend('2026-04-25'), rules, now);
    expect(granted).toMatchObject({ ok: true, dueAt: '2026-04-25T16:00:00.000Z', context: { extensionRequest: null } });
    const declined = decideClue(asked(), actors.leadInScope, decline(), rules, now);
    expect(declined).toMatchObject({ ok: true, state: 'verifying', context: { extensionRequest: null, dueAt: clueIn('verifying').context.dueAt } });
    const moved = decideClue(asked(), actors.officerAssigned, { to: 'filed', payload: { caseNumber: 'A1', conclusion: '属实' } }, rules, now);
    expect(moved).toMatchObject({ ok: true, context: { extensionRequest: null } });
  });

  it('is declined only by a lead or the office, and only while one waits', () => {
    expect(decideClue(asked(), actors.officerAssigned, decline(), rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(decideClue(clueIn('verifying'), actors.leadInScope, decline(), rules, now)).toMatchObject({ ok: false, refusal: { code: 'move_not_allowed' } });
    expect(decideClue(asked(), actors.leadInScope, { event: 'clue.declineExtension', payload: { reason: ' ' } }, rules, now)).toMatchObject({ ok: false, refusal: { fields: [{ field: 'reason' }] } });
  });

  it('is granted by an extension naming it, and refused, with nothing changed, once it no longer waits: declined, replaced, or never asked', () => {
    const grant = (askedAt: string) => ({ event: 'clue.extend' as const, payload: { until: '2026-04-25', reason: '同意延期', answering: { askedAt } } });
    const waiting = asked();
    const askedAt = waiting.context.extensionRequest?.at ?? '';
    expect(decideClue(waiting, actors.leadInScope, grant(askedAt), rules, now)).toMatchObject({ ok: true, dueAt: '2026-04-25T16:00:00.000Z', context: { extensionRequest: null } });
    // The same instant written with the campaign's offset is the same request.
    expect(decideClue(waiting, actors.leadInScope, grant('2026-04-10T10:00:00+08:00'), rules, now)).toMatchObject({ ok: true });

    const declinedFirst = decideClue(waiting, actors.office, decline(), rules, now);
    if (!declinedFirst.ok) throw new Error(declinedFirst.refusal.code);
    const declined: ClueRecord = { id: 100, state: declinedFirst.state, context: declinedFirst.context, version: declinedFirst.version };
    const refused = decideClue(declined, actors.leadInScope, grant(askedAt), rules, now);
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'move_not_allowed', fields: [{ field: 'answering' }] } });
    expect(refused.ok ? '' : refused.refusal.reason.zh).toContain('已不再待审批');
    expect(refused.ok ? '' : refused.refusal.reason.en).toContain('no longer waiting');
    // Asked again a day later: the grant of the first request does not answer the second.
    const askedAgain = decideClue(waiting, actors.officerAssigned, ask('2026-04-28'), rules, new Date(now.getTime() + 86_400_000));
    if (!askedAgain.ok) throw new Error(askedAgain.refusal.code);
    const replaced: ClueRecord = { id: 100, state: askedAgain.state, context: askedAgain.context, version: askedAgain.version };
    expect(decideClue(replaced, actors.leadInScope, grant(askedAt), rules, new Date(now.getTime() + 86_400_000))).toMatchObject({ ok: false, refusal: { fields: [{ field: 'answering' }] } });
    expect(decideClue(clueIn('verifying'), actors.leadInScope, grant(askedAt), rules, now)).toMatchObject({ ok: false, refusal: { fields: [{ field: 'answering' }] } });
    // An extension naming no request is judged as before, whatever waits.
    expect(decideClue(declined, actors.leadInScope, extend('2026-04-25'), rules, now)).toMatchObject({ ok: true });
  });

  it('replays from the history: asked, declined, asked again', () => {
    const fields = { title: '跨境赌博线索', description: '', categoryId: 5, source: 'other' as const };
    const created = createClue(100, { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields }, actors.office, rules, now);
    if (!created.ok) throw new Error('not created');
    let record: ClueRecord = created.record;
    const events: unknown[] = [created.event];
    for (const [actor, request] of [[actors.officerAssigned, ask('2026-04-20')], [actors.leadInScope, decline()], [actors.officerAssigned, ask('2026-04-18')]] as const) {
      const decided = decideClue(record, actor, request, rules, now);
      if (!decided.ok) throw new Error(decided.refusal.code);
      events.push(decided.event);
      record = { id: 100, state: decided.state, context: decided.context, version: decided.version };
    }
    expect(record.context.extensionRequest?.until).toBe('2026-04-18');
    expect(replayClue(events)).toEqual({ ok: true, state: 'found', context: record.context, version: 4 });
  });
});
