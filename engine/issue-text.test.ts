import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { phaseWindowSchema } from './campaign/campaign-config';
import { describeIssues, validate } from './validation';

const zhOf = (schema: z.ZodType, input: unknown) => {
  const result = validate(schema, input);
  if (result.ok) throw new Error('expected a refusal');
  return Object.fromEntries(result.fields.map((f) => [f.field, f.message.zh]));
};

describe('shape errors in plain Chinese', () => {
  const form = z.strictObject({
    title: z.string().trim().min(1).max(10),
    days: z.number().int().min(1).max(3650),
    share: z.number().gt(0).lt(1),
    kind: z.enum(['county', 'detachment']),
    units: z.array(z.string()).min(1).max(2),
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, dash and underscore only'),
    when: z.iso.datetime(),
  });

  it('names the bound, the expected kind of value, and a missing field in words an officer reads', () => {
    expect(zhOf(form, { title: '', days: 0, share: 1, kind: 'city', units: [], code: 'Bad Code', when: 'yesterday' })).toEqual({
      title: '不能为空',
      days: '不能小于 1',
      share: '须小于 1',
      kind: '应为以下之一：county、detachment',
      units: '至少 1 项',
      code: '只能使用小写字母、数字、短横线和下划线',
      when: '时间格式应为 ISO 8601（如 2026-03-31T08:00:00Z）',
    });
    expect(zhOf(form, { title: '很长很长很长很长很长很长', days: 1.5, share: 0, kind: 'county', units: ['a', 'b', 'c'], code: 'ok', when: '2026-03-31T08:00:00Z', extra: 1 })).toEqual({
      title: '最多 10 个字符',
      days: '应为整数',
      share: '须大于 0',
      units: '最多 2 项',
      extra: '不认识的字段：extra',
    });
    expect(zhOf(form, { days: 'three' })).toMatchObject({ title: '必填', days: '应为数字' });
  });

  it('in English too: the bound, the kind of value, a missing field; a message the schema wrote itself is kept, with a capital', () => {
    const result = validate(form, { title: '', days: 0, share: 1, kind: 'city', units: [], code: 'Bad Code', when: 'yesterday', extra: 1 });
    if (result.ok) throw new Error('expected a refusal');
    expect(Object.fromEntries(result.fields.map((f) => [f.field, f.message.en]))).toEqual({
      title: 'Must not be empty',
      days: 'Must be 1 or more',
      share: 'Must be less than 1',
      kind: 'Must be one of: county, detachment',
      units: 'At least 1 item',
      code: 'Lower-case letters, digits, dash and underscore only',
      when: 'A time in ISO 8601 (e.g. 2026-03-31T08:00:00Z)',
      extra: 'Unknown field: extra',
    });
    const again = validate(form, { days: 'three', share: 0, units: ['a', 'b', 'c'], title: 'x'.repeat(11) });
    if (again.ok) throw new Error('expected a refusal');
    expect(Object.fromEntries(again.fields.map((f) => [f.field, f.message.en]))).toMatchObject({
      title: 'At most 10 characters',
      days: 'Must be a number',
      share: 'Must be more than 0',
      units: 'At most 2 items',
      code: 'Required',
    });
  });

  it('says the same for errors the API raised while reading a request', () => {
    const parsed = form.safeParse({ title: 'x', days: 4000, share: 0.5, kind: 'county', units: ['a'], code: 'ok', when: '2026-03-31T08:00:00Z' });
    if (parsed.success) throw new Error('expected a refusal');
    expect(describeIssues(parsed.error)).toEqual([{ field: 'days', message: { en: 'Must be 3650 or less', zh: '不能大于 3650' } }]);
  });

  it("explains a campaign window's dates", () => {
    const result = validate(z.strictObject({ survey: phaseWindowSchema, crackdown: phaseWindowSchema, consolidation: phaseWindowSchema }), {
      survey: { start: '2026-02-30', end: '2026-03-31' },
      crackdown: { start: '2026-04-01', end: '2026-03-01' },
      consolidation: { start: '2026/09/01', end: '2026-12-31' },
    });
    expect(result.ok ? [] : result.fields.map((f) => [f.field, f.message.zh])).toEqual([
      ['survey.start', '不是有效的日期'],
      ['crackdown.end', '结束日期早于开始日期'],
      ['consolidation.start', '日期格式应为 YYYY-MM-DD（如 2026-03-31）'],
    ]);
  });
});
