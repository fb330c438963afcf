import { describe, expect, it } from 'vitest';
import { byField } from './field-messages';

describe("a form's field messages", () => {
  it('says every message the server gave a field under that field, not the last alone', () => {
    const tooShort = { zh: '至少 2 个字符', en: 'At least 2 characters' };
    const letters = { zh: '只能使用小写字母、数字、短横线和下划线', en: 'Only lower-case letters, digits, - and _' };
    const required = { zh: '必填', en: 'Required' };
    const fields = byField([
      { field: 'id', message: tooShort },
      { field: 'id', message: letters },
      { field: 'nameZh', message: required },
    ]);
    expect(fields.get('id')).toEqual({ zh: '至少 2 个字符；只能使用小写字母、数字、短横线和下划线', en: 'At least 2 characters; Only lower-case letters, digits, - and _' });
    expect(fields.get('nameZh')).toEqual(required);
    expect(fields.has('parentId')).toBe(false);
  });
});
