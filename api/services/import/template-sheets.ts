/**
 * The sheets of the import template (下载导入模板) other than its clues: what
 * each column takes and the lists its drop-downs offer. Named here for the
 * template that writes them and the reader that leaves them out of the
 * sheets "not read": a template filled in and sent back warned of two.
 */
export const templateSheets = {
  howTo: { zh: '填写说明', en: 'How to fill in' },
  choices: { zh: '可选值', en: 'Choices' },
} as const;

const helperNames: ReadonlySet<string> = new Set(Object.values(templateSheets).flatMap((name) => [name.zh, name.en]));

/** Whether a sheet is one of the template's own, beside its clues. */
export const isTemplateHelperSheet = (name: string): boolean => helperNames.has(name);
