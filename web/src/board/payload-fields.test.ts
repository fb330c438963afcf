import { describe, expect, test } from 'vitest';
import { checkPayload, initialValues, limitOf, neededField, offeredField, payloadOf, reasonBesideFields, serverErrors, textLimitsOf } from './payload-fields';
import { organisationTypeLabels } from '../../../engine/outcome';

const organisation = (type: string) => organisationTypeLabels[type as keyof typeof organisationTypeLabels];

describe('the move dialog’s payload', () => {
  test('a case filing needs both the case number and the conclusion', () => {
    const errors = checkPayload('clue.file', ['caseNumber', 'conclusion'], { caseNumber: '  ' });
    expect(Object.keys(errors).sort()).toEqual(['caseNumber', 'conclusion']);
    expect(checkPayload('clue.file', ['caseNumber', 'conclusion'], { caseNumber: 'HZ-2026-1', conclusion: '属实' })).toEqual({});
  });

  test('sending for prosecution starts with the number of people empty, and asks for it', () => {
    expect(initialValues(['sentForProsecution'])).toEqual({});
    expect(checkPayload('clue.prosecute', ['sentForProsecution'], initialValues(['sentForProsecution']))).toHaveProperty('sentForProsecution');
    expect(checkPayload('clue.prosecute', ['sentForProsecution'], { sentForProsecution: '2' })).toEqual({});
    // Past the most a figure may hold: said as too large, not as "not a whole number", its bound's thousands grouped.
    expect(checkPayload('clue.prosecute', ['sentForProsecution'], { sentForProsecution: '100000' })).toEqual({});
    expect(checkPayload('clue.prosecute', ['sentForProsecution'], { sentForProsecution: '1000000' }).sentForProsecution?.zh).toBe('不能大于 100,000');
    expect(checkPayload('clue.prosecute', ['sentForProsecution'], { sentForProsecution: '9007199254740993' }).sentForProsecution?.en).toBe('Must be 100,000 or less');
  });

  test("a case's money typed with extra zeros is refused where it is typed, not found later in the year's totals", () => {
    const needs = ['outcome'];
    const values = { ...initialValues(needs), 'outcome.organisationType': 'none', 'outcome.moneyInvolvedYuan': '1000000000000' };
    expect(checkPayload('clue.solve', needs, values)).toEqual({});
    const typo = checkPayload('clue.solve', needs, { ...values, 'outcome.moneyInvolvedYuan': '10000000000000' });
    expect(typo['outcome.moneyInvolvedYuan']).toEqual({ zh: '不能大于 1,000,000,000,000', en: 'Must be 1,000,000,000,000 or less' });
  });

  test('a server reason a field already says is not said again above the buttons', () => {
    const missing = { zh: '找不到要并入的线索', en: 'The clue to merge into was not found' };
    expect(reasonBesideFields(missing, [{ message: missing }])).toBeNull();
    const general = { zh: '有 1 处填写有误，请看标出的字段', en: '1 value is not valid; see the marked field' };
    expect(reasonBesideFields(general, [{ message: missing }])).toEqual(general);
    expect(reasonBesideFields(general, [])).toEqual(general);
  });

  test('a value the schema refuses is explained in plain words in each language', () => {
    const errors = checkPayload('clue.file', ['caseNumber', 'conclusion'], { caseNumber: 'HZ-2026\n1', conclusion: '属实' });
    expect(errors).toEqual({ caseNumber: { zh: '只能是一行文字，不能含换行或控制字符', en: 'One line, without control characters' } });
  });

  test("a text past its event's limit is said by name and by how much, as its box says it, not as the schema's bare \"at most\"", () => {
    const conclusion = `${'经核查'.repeat(1366)}不属实。`;
    expect([...conclusion].length).toBe(4102);
    expect(checkPayload('clue.dismiss', ['conclusion'], { conclusion })).toEqual({
      conclusion: { zh: '核查结论超过 4,000 字上限，多出 102 字', en: 'The conclusion is 102 characters over its 4,000 limit' },
    });
    expect(checkPayload('clue.dismiss', ['conclusion'], { conclusion: conclusion.slice(0, 4000) })).toEqual({});
    expect(checkPayload('clue.file', ['caseNumber', 'conclusion'], { caseNumber: 'H'.repeat(65), conclusion: '属实' })).toEqual({
      caseNumber: { zh: '案件编号超过 64 字上限，多出 1 字', en: 'The case number is 1 character over its 64 limit' },
    });
    expect(checkPayload('problem.complete', ['rectification'], { ...initialValues(['rectification']), 'rectification.measures': '改'.repeat(4001) })['rectification.measures']?.en).toBe(
      'The account of the measures taken is 1 character over its 4,000 limit',
    );
  });

  test("each text input carries its event's limit, read from the engine's schema; choices and numbers carry none", () => {
    const limits = textLimitsOf(['clue.file']);
    const inputs = [...neededField('caseNumber', organisation, limits).inputs, ...neededField('conclusion', organisation, limits).inputs];
    expect(inputs.map((input) => limitOf(input)?.max)).toEqual([64, 4000]);
    expect(offeredField('note', organisation, textLimitsOf(['problem.verify'])).inputs.map((input) => limitOf(input)?.noun)).toEqual([{ zh: '备注', en: 'note' }]);
    expect(neededField('assigneeId', organisation, limits).inputs.map(limitOf)).toEqual([undefined]);
    // A batch's items moved by different events are each held to their own limit: the least of them is the box's.
    expect(textLimitsOf(['clue.markTypical', 'clue.unmarkTypical', 'clue.note'])).toEqual({ summary: 2000, reason: 4000, text: 4000 });
    expect(textLimitsOf(['problem.reject', 'clue.reopen'])).toEqual({ reason: 4000 });
  });

  test('the outcome is one object of whole numbers, zeros allowed, with an organisation type', () => {
    const needs = ['outcome'];
    const values = { ...initialValues(needs), 'outcome.organisationType': 'criminalGang', 'outcome.suspectsCaught': '3', 'outcome.arrested': '3' };
    expect(checkPayload('clue.solve', needs, values)).toEqual({});
    const payload = payloadOf(needs, values) as { outcome: Record<string, unknown> };
    expect(payload.outcome.arrested).toBe(3);
    expect(payload.outcome.suspectsCaught).toBe(3);
    expect(payload.outcome.gunsSeized).toBe(0);
    expect(payload.outcome.organisationType).toBe('criminalGang');
    expect(Object.keys(checkPayload('clue.solve', needs, { ...values, 'outcome.arrested': '-1' }))).toEqual(['outcome.arrested']);
    expect(Object.keys(checkPayload('clue.solve', needs, { ...values, 'outcome.organisationType': '' }))).toEqual(['outcome.organisationType']);
  });

  test('more arrested than caught is said beside the arrests before the server is asked', () => {
    const needs = ['outcome'];
    const values = { ...initialValues(needs), 'outcome.organisationType': 'none', 'outcome.suspectsCaught': '2', 'outcome.arrested': '20' };
    expect(checkPayload('clue.solve', needs, values)).toEqual({ 'outcome.arrested': { zh: '不能多于抓获犯罪嫌疑人数', en: expect.stringMatching(/suspects caught/i) } });
  });

  test('more arrested than caught is said together with a fraction of a yuan typed elsewhere', () => {
    const needs = ['outcome'];
    const values = { ...initialValues(needs), 'outcome.organisationType': 'none', 'outcome.suspectsCaught': '2', 'outcome.arrested': '20', 'outcome.moneyStoppedYuan': '50000.5' };
    expect(Object.keys(checkPayload('clue.solve', needs, values)).sort()).toEqual(['outcome.arrested', 'outcome.moneyStoppedYuan']);
  });

  test('an assignee is sent as a user id number', () => {
    expect(payloadOf(['assigneeId'], { assigneeId: '12' })).toEqual({ assigneeId: 12 });
    expect(checkPayload('clue.verify', ['assigneeId'], {})).toHaveProperty('assigneeId');
  });

  test('every input of a group is named by its path in the payload', () => {
    expect(neededField('rectification', organisation).inputs.map((i) => i.name)).toEqual([
      'rectification.measures',
      'rectification.websitesShutDown',
      'rectification.accountsClosed',
    ]);
  });

  test('the server’s field errors land on the inputs of the same name', () => {
    const message = { zh: '必填', en: 'Required' };
    expect(serverErrors([{ field: 'outcome.arrested', message }])).toEqual({ 'outcome.arrested': message });
  });
});

describe('a field a move offers without needing it (销号: the check’s note)', () => {
  test('may be left empty, is sent only when written, and says so in its label', () => {
    expect(checkPayload('problem.verify', [], {}, ['note'])).toEqual({});
    expect(checkPayload('problem.verify', [], { note: 'x'.repeat(4001) }, ['note'])).toHaveProperty('note');
    expect(payloadOf(['note'], { note: '  ' })).toEqual({});
    expect(payloadOf(['note'], { note: '验收合格' })).toEqual({ note: '验收合格' });
    expect(offeredField('note', () => ({ zh: '', en: '' })).inputs[0]?.label).toEqual({ zh: '备注（选填）', en: 'Note (optional)' });
  });
});
