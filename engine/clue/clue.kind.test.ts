import { describe, expect, it } from 'vitest';
import { clueStates, type ClueState } from './clue.model';
import { allowedClueChanges, allowedClueMoves, createClue, decideClue, replayClue } from './clue.kind';
import {
  actors,
  clueIn,
  concludedRules,
  fullPayload,
  mergeTarget,
  now,
  rules,
  zeroOutcome,
  type ActorName,
} from '../../test/support/engine-fixtures';

/** The legal moves of the clue statechart, and the who-rule each follows. */
const legal: Partial<Record<`${ClueState}→${ClueState}`, 'mover' | 'leadOrOffice'>> = {
  'found→verifying': 'mover',
  'found→merged': 'mover',
  'verifying→filed': 'mover',
  'verifying→unfounded': 'leadOrOffice',
  'verifying→merged': 'mover',
  'filed→solved': 'mover',
  'filed→merged': 'mover',
  'solved→prosecuted': 'leadOrOffice',
  'solved→merged': 'mover',
  'unfounded→verifying': 'leadOrOffice',
};

/** What each actor gets under each rule, for a clue of their unit (or not) assigned to user 7. */
const verdicts: Record<'mover' | 'leadOrOffice', Record<ActorName, string>> = {
  mover: {
    office: 'ok',
    leadInScope: 'ok',
    leadAbove: 'ok',
    leadOutOfScope: 'out_of_scope',
    officerAssigned: 'ok',
    officerNotAssigned: 'not_assignee',
    officerOtherUnit: 'out_of_scope',
    admin: 'role_forbidden',
    viewer: 'role_forbidden',
  },
  leadOrOffice: {
    office: 'ok',
    leadInScope: 'ok',
    leadAbove: 'ok',
    leadOutOfScope: 'out_of_scope',
    officerAssigned: 'role_forbidden',
    officerNotAssigned: 'role_forbidden',
    officerOtherUnit: 'out_of_scope',
    admin: 'role_forbidden',
    viewer: 'role_forbidden',
  },
};

const closed: readonly ClueState[] = ['prosecuted', 'merged'];

const cases = clueStates.flatMap((from) =>
  clueStates
    .filter((to) => to !== from)
    .flatMap((to) =>
      (Object.keys(actors) as ActorName[]).map((actor) => {
        const rule = legal[`${from}→${to}`];
        const expected = rule ? verdicts[rule][actor] : closed.includes(from) ? 'item_closed' : 'move_not_allowed';
        return { from, to, actor, expected };
      }),
    ),
);

describe('every (state, target) pair of the clue machine, for every kind of actor', () => {
  it.each(cases)('$from → $to by $actor: $expected', ({ from, to, actor, expected }) => {
    const decision = decideClue(clueIn(from), actors[actor], { to, payload: fullPayload(from, to) }, rules, now, {
      mergeTarget,
    });
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(expected);
    if (decision.ok) {
      expect(decision.state).toBe(to);
      expect(decision.version).toBe(4);
      expect(decision.event.meta.actor).toEqual(actors[actor]);
    }
  });

  // Who may make a move is asked before what it needs: a refusal of the person is never "information missing".
  const notTheirs = cases.filter((c) => ['role_forbidden', 'out_of_scope', 'not_assignee'].includes(c.expected));
  it.each(notTheirs)('$from → $to by $actor with nothing filled in: $expected still', ({ from, to, actor, expected }) => {
    const decision = decideClue(clueIn(from), actors[actor], { to }, rules, now, { mergeTarget });
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(expected);
  });

  it("tells an officer whose move it is they may not make: a lead's or the office's", () => {
    for (const [from, to] of [['verifying', 'unfounded'], ['solved', 'prosecuted']] as const) {
      const decision = decideClue(clueIn(from), actors.officerAssigned, { to }, rules, now);
      expect(decision).toMatchObject({ ok: false, refusal: { code: 'role_forbidden', reason: { zh: '此操作须由单位负责人或专项办执行' } } });
    }
    // A viewer moves nothing: told so, not whose the move would be.
    const viewer = decideClue(clueIn('solved'), actors.viewer, { to: 'prosecuted' }, rules, now);
    expect(viewer).toMatchObject({ ok: false, refusal: { code: 'role_forbidden', reason: { zh: '您的角色无权执行此操作' } } });
  });

  it.each(Object.keys(legal))('%s is refused for everyone once the campaign has concluded', (pair) => {
    const [from, to] = pair.split('→') as [ClueState, ClueState];
    const decision = decideClue(clueIn(from), actors.office, { to, payload: fullPayload(from, to) }, concludedRules, now, {
      mergeTarget,
    });
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe('campaign_concluded');
  });
});

describe('the rules each move carries', () => {
  it('needs an assignee to start verifying, and takes one from the dialog', () => {
    const unassigned = clueIn('found', { assigneeId: null });
    const refused = decideClue(unassigned, actors.leadInScope, { to: 'verifying' }, rules, now);
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'payload_missing', fields: [{ field: 'assigneeId' }] } });

    const accepted = decideClue(unassigned, actors.leadInScope, { to: 'verifying', payload: { assigneeId: 7 } }, rules, now);
    expect(accepted).toMatchObject({ ok: true, state: 'verifying', context: { assigneeId: 7 } });
  });

  it('needs a case number and a verification conclusion to file a case', () => {
    const decision = decideClue(clueIn('verifying'), actors.office, { to: 'filed', payload: { caseNumber: '  ' } }, rules, now);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.refusal.code).toBe('payload_invalid');
    expect(decision.refusal.fields?.map((f) => f.field).sort()).toEqual(['caseNumber', 'conclusion']);
    expect(decision.refusal.fields?.[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('files a case under its number in one form, however it was typed: half-width, trimmed, upper case', () => {
    for (const typed of ['ａ６１０７０００２９２', ' a6107000292 ', 'Ａ6107000292']) {
      const decision = decideClue(clueIn('verifying'), actors.office, { to: 'filed', payload: { caseNumber: typed, conclusion: '属实' } }, rules, now);
      expect(decision, typed).toMatchObject({ ok: true, context: { caseNumber: 'A6107000292' }, event: { caseNumber: 'A6107000292' } });
    }
    // A case document's number keeps its characters; only its full-width brackets become the ones the holders and the search compare.
    const document = decideClue(clueIn('verifying'), actors.office, { to: 'filed', payload: { caseNumber: '汉公（刑）立字［2026］0815号', conclusion: '属实' } }, rules, now);
    expect(document).toMatchObject({ ok: true, context: { caseNumber: '汉公(刑)立字[2026]0815号' } });
  });

  it('replays a filing to the number it was decided with, and a number logged as typed before, as typed', () => {
    const created = createClue(1, { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields: { title: 't', description: '', categoryId: 1, source: 'other' } }, actors.office, rules, now);
    if (!created.ok) throw new Error('not created');
    const verifying = decideClue(created.record, actors.office, { to: 'verifying' }, rules, now);
    if (!verifying.ok) throw new Error(verifying.refusal.code);
    const filed = decideClue({ id: 1, state: verifying.to, context: verifying.context, version: verifying.version }, actors.office, { to: 'filed', payload: { caseNumber: 'ａ６１０７０００２９２', conclusion: 'c' } }, rules, now);
    if (!filed.ok) throw new Error(filed.refusal.code);
    expect(filed.context.caseNumber).toBe('A6107000292');
    expect(replayClue([created.event, verifying.event, filed.event])).toEqual({ ok: true, state: 'filed', context: filed.context, version: 3 });
    // Stored before numbers were normalised: the log replays to what was stored then.
    const typedThen = { ...filed.event, caseNumber: 'ａ６１０７０００２９２' };
    expect(replayClue([created.event, verifying.event, typedThen])).toMatchObject({ ok: true, context: { caseNumber: 'ａ６１０７０００２９２' } });
    // A log with the verification lost: the filing is refused in the state the clue is then in, and said so by its place.
    expect(replayClue([created.event, filed.event])).toEqual({ ok: false, why: 'refused', index: 1, state: 'found', event: 'clue.file' });
  });

  it('refuses a case number longer than 64 characters as it is stored, naming the field', () => {
    // One character that half-width spells as several (㍿, "株式会社"): counted as stored, not as typed.
    const decision = decideClue(clueIn('verifying'), actors.office, { to: 'filed', payload: { caseNumber: '㍿'.repeat(20), conclusion: '属实' } }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'caseNumber' }] } });
  });

  it('refuses a case number of more than one line, with a control character, or one that turns the text around', () => {
    for (const typed of ['A61\n07', 'A61\u000707', 'A610\u202E7654']) {
      const decision = decideClue(clueIn('verifying'), actors.office, { to: 'filed', payload: { caseNumber: typed, conclusion: '属实' } }, rules, now);
      expect(decision, JSON.stringify(typed)).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'caseNumber' }] } });
    }
  });

  it('records every outcome figure when solved, zeros allowed', () => {
    const outcome = { ...zeroOutcome, organisationType: 'criminalGang', suspectsCaught: 12, moneyFrozenYuan: 1_930_000 };
    const decision = decideClue(clueIn('filed'), actors.officerAssigned, { to: 'solved', payload: { outcome } }, rules, now);
    expect(decision).toMatchObject({ ok: true, context: { outcome } });
  });

  it.each([
    ['a negative figure', { suspectsCaught: -1 }, 'outcome.suspectsCaught'],
    ['a fraction', { moneyFrozenYuan: 10.5 }, 'outcome.moneyFrozenYuan'],
    ['a string', { arrested: '3' }, 'outcome.arrested'],
    ['an unknown organisation type', { organisationType: 'club' }, 'outcome.organisationType'],
  ])('refuses an outcome with %s, naming the field', (_name, change, field) => {
    const outcome = { ...zeroOutcome, ...change };
    const decision = decideClue(clueIn('filed'), actors.office, { to: 'solved', payload: { outcome } }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field }] } });
  });

  it('refuses more detained or arrested than the suspects caught, naming each field in Chinese', () => {
    const outcome = { ...zeroOutcome, organisationType: 'none', suspectsCaught: 3, criminallyDetained: 30, arrested: 4 };
    const decision = decideClue(clueIn('filed'), actors.office, { to: 'solved', payload: { outcome } }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_invalid' } });
    if (decision.ok) return;
    expect(decision.refusal.fields?.map((f) => [f.field, f.message.zh])).toEqual([
      ['outcome.criminallyDetained', '不能多于抓获犯罪嫌疑人数'],
      ['outcome.arrested', '不能多于抓获犯罪嫌疑人数'],
    ]);
    const asMany = { ...outcome, criminallyDetained: 3, arrested: 3 };
    expect(decideClue(clueIn('filed'), actors.office, { to: 'solved', payload: { outcome: asMany } }, rules, now).ok).toBe(true);
  });

  it('says more arrested than caught alongside another figure refused, not only once that one is right', () => {
    const outcome = { ...zeroOutcome, organisationType: 'none', suspectsCaught: 3, arrested: 30, moneyStoppedYuan: 50_000.5 };
    const decision = decideClue(clueIn('filed'), actors.office, { to: 'solved', payload: { outcome } }, rules, now);
    if (decision.ok) throw new Error('an outcome with two slips was taken');
    expect(decision.refusal.fields?.map((f) => [f.field, f.message.zh, f.message.en]).sort()).toEqual([
      ['outcome.arrested', '不能多于抓获犯罪嫌疑人数', 'No more than the suspects caught'],
      ['outcome.moneyStoppedYuan', '应为整数', 'Must be a whole number'],
    ]);
  });

  it('refuses an outcome with a figure missing', () => {
    const { victimsWarned: _omitted, ...outcome } = zeroOutcome;
    const decision = decideClue(clueIn('filed'), actors.office, { to: 'solved', payload: { outcome } }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_missing', fields: [{ field: 'outcome.victimsWarned' }] } });
  });

  it('needs the number sent for prosecution', () => {
    const decision = decideClue(clueIn('solved'), actors.office, { to: 'prosecuted', payload: {} }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_missing' } });
  });

  // Those sent for prosecution are among the suspects caught, as recorded when the case was solved: more is a figure
  // typed in the wrong box, carried into the report's totals ("抓获 3 人，移送起诉 10 人").
  it.each([
    ['more than caught', 3, 10, 'payload_invalid'],
    ['one more than caught', 3, 4, 'payload_invalid'],
    ['as many as caught', 3, 3, 'ok'],
    ['fewer than caught', 3, 1, 'ok'],
    ['none of none caught', 0, 0, 'ok'],
    ['one of none caught', 0, 1, 'payload_invalid'],
  ])('prosecution of %s (caught %i, sent %i): %s', (_name, caught, sent, expected) => {
    const solved = clueIn('solved', { outcome: { ...zeroOutcome, suspectsCaught: caught } });
    const decision = decideClue(solved, actors.leadInScope, { to: 'prosecuted', payload: { sentForProsecution: sent } }, rules, now);
    expect(decision.ok ? 'ok' : decision.refusal.code).toBe(expected);
    if (decision.ok) return;
    expect(decision.refusal.fields).toEqual([
      {
        field: 'sentForProsecution',
        message: { zh: `不能多于破案时抓获的犯罪嫌疑人数（${caught} 人）`, en: `No more than the ${caught} suspects caught when solved` },
      },
    ]);
  });

  // The rule came after a bureau may have logged such a prosecution: its log must still replay (audit:verify, a restore).
  it('replays a prosecution of more than were caught, logged before the rule', () => {
    const created = createClue(1, { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields: { title: 't', description: '', categoryId: 1, source: 'other' } }, actors.office, rules, now);
    if (!created.ok) throw new Error('not created');
    const events: unknown[] = [created.event];
    let record = created.record;
    for (const request of [{ to: 'verifying' }, { to: 'filed', payload: { caseNumber: 'A1', conclusion: 'c' } }, { to: 'solved', payload: { outcome: { ...zeroOutcome, suspectsCaught: 3 } } }, { to: 'prosecuted', payload: { sentForProsecution: 3 } }] as const) {
      const decision = decideClue(record, actors.office, request, rules, now);
      if (!decision.ok) throw new Error(decision.refusal.code);
      events.push(decision.event);
      record = { id: 1, state: decision.to, context: decision.context, version: decision.version };
    }
    // As the entry was written before the rule: ten sent, three caught.
    const logged = { ...(events.pop() as object), sentForProsecution: 10 };
    expect(replayClue([...events, logged])).toMatchObject({ ok: true, state: 'prosecuted', context: { sentForProsecution: 10 } });
  });

  it('reopens an unfounded clue only with a reason, and verifies it afresh', () => {
    const unfounded = clueIn('unfounded', { conclusion: '不属实' });
    expect(decideClue(unfounded, actors.office, { to: 'verifying' }, rules, now)).toMatchObject({
      ok: false,
      refusal: { code: 'payload_missing', fields: [{ field: 'reason' }] },
    });
    const decision = decideClue(unfounded, actors.office, { to: 'verifying', payload: { reason: '群众再次举报' } }, rules, now);
    expect(decision).toMatchObject({ ok: true, context: { conclusion: null, enteredAt: now.toISOString() } });
  });

  it('sets the due time of the state entered, in calendar days of the campaign time zone', () => {
    // 10 April 10:00 in Shanghai; verifying has 15 days: due at the end of 25 April, local time.
    const decision = decideClue(clueIn('found'), actors.office, { to: 'verifying' }, rules, now);
    expect(decision).toMatchObject({ ok: true, dueAt: '2026-04-25T16:00:00.000Z' });
  });

  it('stops a due time at the end of the campaign\'s last day while that is ahead, and not once it is over', () => {
    // The last day is 31 December (Shanghai): verifying's 15 days from 20 December would run to 4 January.
    const lateInTheYear = new Date('2026-12-20T02:00:00Z');
    expect(decideClue(clueIn('found'), actors.office, { to: 'verifying' }, rules, lateInTheYear)).toMatchObject({ ok: true, dueAt: '2026-12-31T16:00:00.000Z' });
    expect(createClue(100, { campaignId: 1, unitId: 'hantai', assigneeId: null, fields: { title: '线索', description: '', categoryId: 1, source: 'other' } }, actors.office, rules, new Date('2026-12-30T02:00:00Z'))).toMatchObject({
      ok: true,
      record: { context: { dueAt: '2026-12-31T16:00:00.000Z' } },
    });
    // On 2 January the campaign's days are over but it is not concluded: the state's own 15 days.
    const afterTheLastDay = new Date('2027-01-02T02:00:00Z');
    expect(decideClue(clueIn('found'), actors.office, { to: 'verifying' }, rules, afterTheLastDay)).toMatchObject({ ok: true, dueAt: '2027-01-17T16:00:00.000Z' });
  });

  it('clears the due time on entering a closed state', () => {
    const decision = decideClue(clueIn('verifying'), actors.office, { to: 'unfounded', payload: { conclusion: '不属实' } }, rules, now);
    expect(decision).toMatchObject({ ok: true, dueAt: null });
  });

  it('refuses unknown payload fields rather than dropping them silently', () => {
    const decision = decideClue(clueIn('found'), actors.office, { to: 'verifying', payload: { assigneeId: 7, note: 'x' } }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'note' }] } });
  });
});

describe('merging', () => {
  const merge = (actorName: ActorName, target: object, payload: object = { targetId: 200 }) =>
    decideClue(clueIn('verifying'), actors[actorName], { to: 'merged', payload }, rules, now, {
      mergeTarget: { ...mergeTarget, ...target },
    });

  it('merges into an open or closed clue of the same campaign', () => {
    expect(merge('leadInScope', { state: 'prosecuted' })).toMatchObject({ ok: true, state: 'merged', context: { mergedInto: 200, dueAt: null } });
  });

  it('never into itself or into a clue that was merged into it', () => {
    expect(merge('office', { id: 100 }, { targetId: 100 })).toMatchObject({ ok: false, refusal: { code: 'merge_target_invalid', fields: [{ field: 'targetId' }] } });
    expect(merge('office', { chain: [100] })).toMatchObject({ ok: false, refusal: { code: 'merge_target_invalid', fields: [{ field: 'targetId' }] } });
    // Said as the merge the other way that it is, not as a merge into itself.
    const back = merge('office', { chain: [100] });
    if (back.ok) throw new Error('a merge back the other way was taken');
    expect(back.refusal.fields?.[0]?.message.zh).toBe('线索 #200 已并入本线索，不能再反向并案');
  });

  it('never into another campaign, nor into a clue that is itself merged', () => {
    expect(merge('office', { campaignId: 2 })).toMatchObject({ ok: false, refusal: { code: 'merge_target_invalid', fields: [{ field: 'targetId' }] } });
    expect(merge('office', { state: 'merged' })).toMatchObject({ ok: false, refusal: { code: 'merge_target_invalid', fields: [{ field: 'targetId' }] } });
  });

  it('needs the target to be the one named in the payload', () => {
    expect(merge('office', {}, { targetId: 999 })).toMatchObject({ ok: false, refusal: { code: 'merge_target_invalid', fields: [{ field: 'targetId' }] } });
  });

  it('across units only by the office', () => {
    // Said at the clue number: the field a lead above several units changes to merge within one of them.
    expect(merge('leadAbove', { unitId: 'nanzheng' })).toMatchObject({ ok: false, refusal: { code: 'role_forbidden', fields: [{ field: 'targetId', message: { zh: '跨单位并案须由专项办决定' } }] } });
    expect(merge('office', { unitId: 'nanzheng' })).toMatchObject({ ok: true });
  });

  it('records the merged clue on the survivor, even a closed one', () => {
    const survivor = clueIn('prosecuted', {}, 200);
    const decision = decideClue(survivor, actors.leadInScope, { event: 'clue.absorb', payload: { sourceId: 100 } }, rules, now);
    expect(decision).toMatchObject({ ok: true, state: 'prosecuted', context: { absorbed: [100] } });
  });
});

describe('changes that keep the state', () => {
  it('transfers to another unit, keeping the state and due time, clearing the assignee', () => {
    const clue = clueIn('filed');
    const decision = decideClue(clue, actors.office, { event: 'clue.transfer', payload: { unitId: 'nanzheng', reason: '属地管辖' } }, rules, now);
    expect(decision).toMatchObject({
      ok: true,
      from: 'filed',
      to: 'filed',
      context: { unitId: 'nanzheng', assigneeId: null, dueAt: clue.context.dueAt },
    });
  });

  it('refuses a transfer to the unit that already holds the clue', () => {
    const decision = decideClue(clueIn('filed'), actors.office, { event: 'clue.transfer', payload: { unitId: 'hantai', reason: 'x' } }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'unitId' }] } });
  });

  it('lets a unit lead assign, but not an officer', () => {
    expect(decideClue(clueIn('found'), actors.leadInScope, { event: 'clue.assign', payload: { assigneeId: 8 } }, rules, now)).toMatchObject({
      ok: true,
      context: { assigneeId: 8 },
    });
    expect(decideClue(clueIn('found'), actors.officerAssigned, { event: 'clue.assign', payload: { assigneeId: 8 } }, rules, now)).toMatchObject({
      ok: false,
      refusal: { code: 'role_forbidden' },
    });
  });

  it('lets the assigned officer edit fields, and refuses an empty edit', () => {
    const edit = decideClue(clueIn('verifying'), actors.officerAssigned, { event: 'clue.edit', payload: { title: '新标题' } }, rules, now);
    expect(edit).toMatchObject({ ok: true, context: { title: '新标题' }, version: 4 });
    const empty = decideClue(clueIn('verifying'), actors.officerAssigned, { event: 'clue.edit', payload: {} }, rules, now);
    expect(empty).toMatchObject({ ok: false, refusal: { code: 'payload_invalid' } });
  });

  it('changes nothing on a closed clue', () => {
    const decision = decideClue(clueIn('prosecuted'), actors.office, { event: 'clue.edit', payload: { title: 'x' } }, rules, now);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'item_closed' } });
  });
});

describe('work notes', () => {
  it('records a note in every state but merged, changing nothing but the version', () => {
    for (const state of clueStates.filter((s) => s !== 'merged')) {
      const clue = clueIn(state);
      const decision = decideClue(clue, actors.officerAssigned, { event: 'clue.note', payload: { text: '已调取涉案手机号通话记录' } }, rules, now);
      expect(decision, state).toMatchObject({ ok: true, from: state, to: state, context: { ...clue.context, lastNoteAt: now.toISOString() }, version: clue.version + 1, event: { type: 'clue.note', text: '已调取涉案手机号通话记录' } });
    }
    expect(decideClue(clueIn('merged'), actors.office, { event: 'clue.note', payload: { text: 'x' } }, rules, now)).toMatchObject({ ok: false, refusal: { code: 'item_closed' } });
  });

  it('is written by those who work the clue, after the campaign no more, and never empty', () => {
    const note = { event: 'clue.note' as const, payload: { text: '走访受害人' } };
    for (const [actor, code] of Object.entries(verdicts.mover)) {
      const decision = decideClue(clueIn('filed'), actors[actor as ActorName], note, rules, now);
      expect(decision.ok ? 'ok' : decision.refusal.code, actor).toBe(code);
    }
    expect(decideClue(clueIn('filed'), actors.office, note, concludedRules, now)).toMatchObject({ ok: false, refusal: { code: 'campaign_concluded' } });
    const empty = decideClue(clueIn('filed'), actors.office, { event: 'clue.note', payload: { text: '  ' } }, rules, now);
    expect(empty).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'text' }] } });
  });
});

describe('typical cases', () => {
  const mark = { event: 'clue.markTypical' as const, payload: { summary: '汉台分局破获“好运来”网络赌博平台案，抓获12人' } };
  const withdraw = { event: 'clue.unmarkTypical' as const, payload: { reason: '案件尚在审查起诉，暂不宣传' } };

  it('chooses a solved or prosecuted clue, keeping its state, and revises the summary when chosen again', () => {
    for (const state of ['solved', 'prosecuted'] as const) {
      const clue = clueIn(state);
      const chosen = decideClue(clue, actors.leadInScope, mark, rules, now);
      expect(chosen, state).toMatchObject({ ok: true, from: state, to: state, version: clue.version + 1, context: { typical: { summary: mark.payload.summary, markedAt: now.toISOString() } } });
      if (!chosen.ok) return;
      const later = new Date(now.getTime() + 60_000);
      const revised = decideClue({ id: clue.id, state, context: chosen.context, version: chosen.version }, actors.office, { ...mark, payload: { summary: '修订后的案情简介' } }, rules, later);
      expect(revised).toMatchObject({ ok: true, context: { typical: { summary: '修订后的案情简介', markedAt: later.toISOString() } } });
    }
  });

  it('refuses a clue not yet solved, or closed without a case', () => {
    for (const state of clueStates.filter((s) => s !== 'solved' && s !== 'prosecuted')) {
      const decision = decideClue(clueIn(state), actors.office, mark, rules, now);
      expect(decision.ok, state).toBe(false);
    }
  });

  it('is the unit lead’s or the office’s call, and not after the campaign', () => {
    for (const [actor, code] of Object.entries(verdicts.leadOrOffice)) {
      const decision = decideClue(clueIn('solved'), actors[actor as ActorName], mark, rules, now);
      expect(decision.ok ? 'ok' : decision.refusal.code, actor).toBe(code);
    }
    expect(decideClue(clueIn('solved'), actors.office, mark, concludedRules, now)).toMatchObject({ ok: false, refusal: { code: 'campaign_concluded' } });
  });

  it('needs a summary, and withdraws only a typical case, with a reason', () => {
    const empty = decideClue(clueIn('solved'), actors.office, { ...mark, payload: { summary: ' ' } }, rules, now);
    expect(empty).toMatchObject({ ok: false, refusal: { code: 'payload_invalid', fields: [{ field: 'summary' }] } });
    expect(decideClue(clueIn('solved'), actors.office, withdraw, rules, now)).toMatchObject({ ok: false, refusal: { code: 'move_not_allowed' } });
    const typical = clueIn('prosecuted', { typical: { summary: 's', markedAt: now.toISOString() } });
    expect(decideClue(typical, actors.office, { ...withdraw, payload: { reason: '' } }, rules, now)).toMatchObject({ ok: false, refusal: { fields: [{ field: 'reason' }] } });
    expect(decideClue(typical, actors.leadInScope, withdraw, rules, now)).toMatchObject({ ok: true, to: 'prosecuted', context: { typical: null } });
  });

  it('is withdrawn when the clue is merged into another; a clue never chosen keeps its context as it was', () => {
    const typical = clueIn('solved', { typical: { summary: 's', markedAt: now.toISOString() } });
    expect(decideClue(typical, actors.office, { to: 'merged', payload: { targetId: mergeTarget.id } }, rules, now, { mergeTarget })).toMatchObject({ ok: true, context: { typical: null } });
    const plain = decideClue(clueIn('solved'), actors.office, { to: 'merged', payload: { targetId: mergeTarget.id } }, rules, now, { mergeTarget });
    expect(plain.ok && 'typical' in plain.context).toBe(false);
  });

  it('is replayed from the history', () => {
    const created = createClue(1, { campaignId: 1, unitId: 'hantai', assigneeId: 7, fields: { title: 't', description: '', categoryId: 1, source: 'other' } }, actors.office, rules, now);
    if (!created.ok) throw new Error('not created');
    const events: unknown[] = [created.event];
    let record = created.record;
    const step = (request: Parameters<typeof decideClue>[2]) => {
      const decision = decideClue(record, actors.office, request, rules, now);
      if (!decision.ok) throw new Error(decision.refusal.code);
      events.push(decision.event);
      record = { id: 1, state: decision.to, context: decision.context, version: decision.version };
    };
    step({ to: 'verifying' });
    step({ to: 'filed', payload: { caseNumber: 'A1', conclusion: 'c' } });
    step({ to: 'solved', payload: { outcome: zeroOutcome } });
    step(mark);
    expect(replayClue(events)).toMatchObject({ state: 'solved', context: { typical: { summary: mark.payload.summary } } });
    step(withdraw);
    expect(replayClue(events)).toMatchObject({ state: 'solved', context: { typical: null } });
  });
});

describe('allowed moves', () => {
  it('lists the targets an actor may request now, with the fields each needs', () => {
    const moves = allowedClueMoves(clueIn('verifying'), actors.leadInScope, false);
    expect(moves.map((m) => [m.to, m.needs])).toEqual([
      ['filed', ['caseNumber', 'conclusion']],
      ['unfounded', ['conclusion']],
      ['merged', ['targetId']],
    ]);
  });

  it('asks for an assignee only when the clue has none', () => {
    expect(allowedClueMoves(clueIn('found', { assigneeId: null }), actors.office, false)[0]?.needs).toEqual(['assigneeId']);
    expect(allowedClueMoves(clueIn('found'), actors.office, false)[0]?.needs).toEqual([]);
  });

  it('gives an officer only the moves on their own clues, and no lead-only moves', () => {
    expect(allowedClueMoves(clueIn('verifying'), actors.officerAssigned, false).map((m) => m.to)).toEqual(['filed', 'merged']);
    expect(allowedClueMoves(clueIn('verifying'), actors.officerNotAssigned, false)).toEqual([]);
  });

  it('gives viewers, admins, closed clues and concluded campaigns nothing', () => {
    expect(allowedClueMoves(clueIn('found'), actors.viewer, false)).toEqual([]);
    expect(allowedClueMoves(clueIn('found'), actors.admin, false)).toEqual([]);
    expect(allowedClueMoves(clueIn('prosecuted'), actors.office, false)).toEqual([]);
    expect(allowedClueMoves(clueIn('found'), actors.office, true)).toEqual([]);
  });

  it('agrees with decide for every state and actor', () => {
    for (const from of clueStates) {
      for (const name of Object.keys(actors) as ActorName[]) {
        const clue = clueIn(from);
        const allowed = new Set(allowedClueMoves(clue, actors[name], false).map((m) => m.to));
        for (const to of clueStates.filter((s) => s !== from)) {
          const decision = decideClue(clue, actors[name], { to, payload: fullPayload(from, to) }, rules, now, { mergeTarget });
          expect(decision.ok, `${from} → ${to} by ${name}`).toBe(allowed.has(to));
        }
      }
    }
  });
});

describe('creation and replay', () => {
  const newClue = { campaignId: 1, unitId: 'hantai', assigneeId: null, fields: { title: '线索', description: '', categoryId: 1, source: 'platform12337' as const } };

  it('creates a clue in found, due within three days, and replays it', () => {
    const created = createClue(100, newClue, actors.officerAssigned, rules, now);
    expect(created).toMatchObject({ ok: true, record: { state: 'found', version: 1, context: { dueAt: '2026-04-13T16:00:00.000Z' } } });
    if (!created.ok) return;
    const replayed = replayClue([created.event]);
    expect(replayed).toEqual({ ok: true, state: 'found', context: created.record.context, version: 1 });
  });

  it('refuses creation outside the actor scope, by viewers, and after the campaign', () => {
    const input = { campaignId: 1, unitId: 'hantai', assigneeId: null, fields: { title: 't', description: '', categoryId: null, source: 'other' as const } };
    expect(createClue(1, input, actors.leadOutOfScope, rules, now)).toMatchObject({ ok: false, refusal: { code: 'out_of_scope', fields: [{ field: 'unitId' }] } });
    expect(createClue(1, input, actors.viewer, rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(createClue(1, input, actors.office, concludedRules, now)).toMatchObject({ ok: false, refusal: { code: 'campaign_concluded' } });
  });

  it('lets an officer assign a new clue only to themselves, naming the assignee field', () => {
    const input = { campaignId: 1, unitId: 'hantai', assigneeId: 8, fields: { title: 't', description: '', categoryId: null, source: 'other' as const } };
    expect(createClue(1, input, actors.officerAssigned, rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden', fields: [{ field: 'assigneeId' }] } });
    expect(createClue(1, { ...input, assigneeId: 7 }, actors.officerAssigned, rules, now)).toMatchObject({ ok: true });
  });

  it('refuses a replay that does not start with the create event', () => {
    expect(replayClue([])).toEqual({ ok: false, why: 'not-created', index: 0 });
  });

  it('reports an event it cannot evaluate (no meta: not written by decide) by its index instead of throwing', () => {
    const created = createClue(100, newClue, actors.office, rules, now);
    if (!created.ok) throw new Error('the clue was not created');
    const replayed = replayClue([created.event, { type: 'clue.verify' }]);
    expect(replayed).toMatchObject({ ok: false, why: 'unreadable', index: 1, state: 'found', event: 'clue.verify' });
  });
});

describe('allowed changes that keep the state', () => {
  it('are what decide accepts by who asks: the assigned officer notes, attaches files, edits and asks for more time, a lead also assigns, transfers and extends the deadline or declines to', () => {
    const changes = (actor: ActorName, state: ClueState = 'filed') => [...allowedClueChanges(clueIn(state), actors[actor], false)].sort();
    // clue.absorb: another clue merged into this one, which anyone in scope may do.
    expect(changes('officerAssigned')).toEqual(['clue.absorb', 'clue.attach', 'clue.detach', 'clue.edit', 'clue.note', 'clue.requestExtension']);
    expect(changes('leadInScope')).toEqual(['clue.absorb', 'clue.assign', 'clue.attach', 'clue.declineExtension', 'clue.detach', 'clue.edit', 'clue.extend', 'clue.note', 'clue.requestExtension', 'clue.transfer']);
    expect(changes('officerNotAssigned')).toEqual(['clue.absorb']);
    expect(changes('leadOutOfScope')).toEqual([]);
    expect(changes('viewer')).toEqual([]);
    // Closed: notes and files (and a later duplicate merged in) only; merged: nothing; a concluded campaign: nothing.
    expect(changes('officerAssigned', 'prosecuted')).toEqual(['clue.absorb', 'clue.attach', 'clue.detach', 'clue.note']);
    expect(changes('office', 'merged')).toEqual([]);
    expect(allowedClueChanges(clueIn('filed'), actors.office, true)).toEqual([]);
  });

  it('agree with decide for every state and actor', () => {
    const payloads = { 'clue.note': { text: 'x' }, 'clue.edit': { title: 'y' }, 'clue.assign': { assigneeId: 8 }, 'clue.transfer': { unitId: 'nanzheng', reason: 'z' }, 'clue.extend': { until: '2026-05-01', reason: 'z' }, 'clue.requestExtension': { until: '2026-05-01', reason: 'z' } } as const;
    for (const state of clueStates) {
      for (const actor of Object.keys(actors) as ActorName[]) {
        const allowed = allowedClueChanges(clueIn(state), actors[actor], false);
        for (const [event, payload] of Object.entries(payloads)) {
          const decision = decideClue(clueIn(state), actors[actor], { event: event as keyof typeof payloads, payload }, rules, now);
          expect(decision.ok, `${state} ${actor} ${event}`).toBe(allowed.includes(event as keyof typeof payloads));
        }
      }
    }
  });
});
