import { describe, expect, it } from 'vitest';
import { decideClue, replayClue, createClue, type ClueRecord } from '../clue/clue.kind';
import { decideProblem } from '../problem/problem.kind';
import { actors, clueIn, concludedRules, now, problemIn, rules } from '../../test/support/engine-fixtures';
import { attachedFilesOf, maxAttachmentsPerItem } from './attachments';

const sha = 'ab'.repeat(32);
const attach = (attachmentId: number) => ({ event: 'clue.attach' as const, payload: { attachmentId, name: '转账记录.png', mediaType: 'image/png', size: 2048, sha256: sha } });
const detach = (attachmentId: number, reason = '传错了文件') => ({ event: 'clue.detach' as const, payload: { attachmentId, reason } });

/** The clue after each accepted request in turn; throws on a refusal, so a test names only the one it expects. */
function after(clue: ClueRecord, ...steps: { actor: keyof typeof actors; request: ReturnType<typeof attach> | ReturnType<typeof detach> }[]): ClueRecord {
  return steps.reduce((record, step) => {
    const decision = decideClue(record, actors[step.actor], step.request, rules, now);
    if (!decision.ok) throw new Error(`refused: ${decision.refusal.code}`);
    return { id: record.id, state: decision.state, context: decision.context, version: decision.version };
  }, clue);
}

describe('files attached to a clue', () => {
  it('are listed in its context with who attached them, in order, and each attach or removal is a new version that keeps the state', () => {
    const clue = after(clueIn('filed'), { actor: 'officerAssigned', request: attach(11) }, { actor: 'leadInScope', request: attach(12) });
    expect(clue.state).toBe('filed');
    expect(clue.version).toBe(clueIn('filed').version + 2);
    expect(attachedFilesOf(clue.context)).toEqual([{ id: 11, by: 7 }, { id: 12, by: 2 }]);
    const removed = after(clue, { actor: 'officerAssigned', request: detach(11) });
    expect(attachedFilesOf(removed.context)).toEqual([{ id: 12, by: 2 }]);
  });

  it('may be attached after the case went to the prosecutors or was found unfounded, not once merged or the campaign concluded', () => {
    expect(decideClue(clueIn('prosecuted'), actors.officerAssigned, attach(1), rules, now)).toMatchObject({ ok: true });
    expect(decideClue(clueIn('unfounded'), actors.leadInScope, attach(1), rules, now)).toMatchObject({ ok: true });
    expect(decideClue(clueIn('merged'), actors.office, attach(1), rules, now)).toMatchObject({ ok: false, refusal: { code: 'item_closed' } });
    expect(decideClue(clueIn('filed'), actors.office, attach(1), concludedRules, now)).toMatchObject({ ok: false, refusal: { code: 'campaign_concluded' } });
  });

  it('are attached by whoever may work the clue: not an officer it is not assigned to, another unit, or a viewer', () => {
    expect(decideClue(clueIn('verifying'), actors.officerNotAssigned, attach(1), rules, now)).toMatchObject({ ok: false, refusal: { code: 'not_assignee' } });
    expect(decideClue(clueIn('verifying'), actors.leadOutOfScope, attach(1), rules, now)).toMatchObject({ ok: false, refusal: { code: 'out_of_scope' } });
    expect(decideClue(clueIn('verifying'), actors.viewer, attach(1), rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
  });

  it('are removed by whoever attached them, a lead or the office; an officer cannot remove a file someone else attached', () => {
    const clue = after(clueIn('filed'), { actor: 'leadInScope', request: attach(21) }, { actor: 'officerAssigned', request: attach(22) });
    expect(decideClue(clue, actors.officerAssigned, detach(21), rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(decideClue(clue, actors.officerAssigned, detach(22), rules, now)).toMatchObject({ ok: true });
    expect(decideClue(clue, actors.leadInScope, detach(22), rules, now)).toMatchObject({ ok: true });
    expect(decideClue(clue, actors.office, detach(21), rules, now)).toMatchObject({ ok: true });
  });

  it('refuses to remove a file that is not on the clue (never, or already removed), naming the field', () => {
    const clue = after(clueIn('filed'), { actor: 'officerAssigned', request: attach(31) }, { actor: 'officerAssigned', request: detach(31) });
    for (const id of [31, 99]) {
      expect(decideClue(clue, actors.office, detach(id), rules, now)).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'attachmentId' }] } });
    }
  });

  it('holds at most the limit: the next file is refused, and one removed makes room', () => {
    const files = Array.from({ length: maxAttachmentsPerItem }, (_, i) => ({ id: i + 1, by: 7 }));
    const full = clueIn('filed', { attachments: files });
    expect(decideClue(full, actors.officerAssigned, attach(1000), rules, now)).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'file' }] } });
    const roomy = after(full, { actor: 'officerAssigned', request: detach(5) });
    expect(decideClue(roomy, actors.officerAssigned, attach(1000), rules, now)).toMatchObject({ ok: true });
  });

  it('refuses a payload without a proper hash or name, and a removal without a reason', () => {
    const bad = { event: 'clue.attach' as const, payload: { attachmentId: 1, name: ' ', mediaType: 'image/png', size: 1, sha256: 'not-a-hash' } };
    const refused = decideClue(clueIn('filed'), actors.office, bad, rules, now);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : (refused.refusal.fields ?? []).map((f) => f.field).sort()).toEqual(['name', 'sha256']);
    const clue = after(clueIn('filed'), { actor: 'office', request: attach(1) });
    expect(decideClue(clue, actors.office, detach(1, '  '), rules, now)).toMatchObject({ ok: false, refusal: { fields: [{ field: 'reason' }] } });
  });

  it('refuses a removal whose reason is only invisible characters, naming the reason in both languages, as its route does', () => {
    const clue = after(clueIn('filed'), { actor: 'office', request: attach(1) });
    for (const reason of ['\u200b', '\u200c\u200d', ' \u2060 ', '\u200b\ufeff']) {
      expect(decideClue(clue, actors.office, detach(1, reason), rules, now)).toMatchObject({
        ok: false,
        refusal: { code: 'payload_invalid', fields: [{ field: 'reason', message: { zh: '不能只有看不见的字符', en: expect.stringContaining('not only invisible characters') } }] },
      });
    }
    const problem = problemIn('rectifying', { attachments: [{ id: 2, by: 1 }] });
    expect(decideProblem(problem, actors.office, { event: 'problem.detach', payload: { attachmentId: 2, reason: '\u200b' } }, rules, now)).toMatchObject({ ok: false, refusal: { fields: [{ field: 'reason' }] } });
  });

  it('replay from the history to the same list, so the audit log alone says which files an item holds', () => {
    const fields = { title: '网络赌博线索', description: '', categoryId: 5, source: 'other' as const };
    const created = createClue(100, { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields }, actors.office, rules, now);
    if (!created.ok) throw new Error('not created');
    let record: ClueRecord = created.record;
    const events: unknown[] = [created.event];
    for (const request of [attach(1), attach(2), detach(1)]) {
      const decision = decideClue(record, actors.office, request, rules, now);
      if (!decision.ok) throw new Error(decision.refusal.code);
      events.push(decision.event);
      record = { id: 100, state: decision.state, context: decision.context, version: decision.version };
    }
    const replayed = replayClue(events);
    expect(replayed).toEqual({ ok: true, state: 'found', context: record.context, version: 4 });
    expect(record.context.attachments).toEqual([{ id: 2, by: actors.office.userId }]);
  });
});

describe('files attached to a rectification item', () => {
  const problemAttach = { event: 'problem.attach' as const, payload: { attachmentId: 5, name: '整改报告.pdf', mediaType: 'application/pdf', size: 10, sha256: sha } };

  it('follow the same rules: attached while it is open by whoever may work it, never once verified (销号)', () => {
    const decided = decideProblem(problemIn('rectifying'), actors.officerAssigned, problemAttach, rules, now);
    expect(decided).toMatchObject({ ok: true, state: 'rectifying', context: { attachments: [{ id: 5, by: 7 }] } });
    expect(decideProblem(problemIn('rectifying'), actors.officerNotAssigned, problemAttach, rules, now)).toMatchObject({ ok: false, refusal: { code: 'not_assignee' } });
    expect(decideProblem(problemIn('verified'), actors.office, problemAttach, rules, now)).toMatchObject({ ok: false, refusal: { code: 'item_closed' } });
    if (!decided.ok) return;
    const record = { id: 300, state: decided.state, context: decided.context, version: decided.version };
    expect(decideProblem(record, actors.officerAssigned, { event: 'problem.detach', payload: { attachmentId: 5, reason: '重复' } }, rules, now)).toMatchObject({ ok: true, context: { attachments: [] } });
  });
});
