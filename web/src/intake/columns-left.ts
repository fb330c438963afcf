import type { ImportPlan } from './api';

/**
 * The file's columns an import leaves out: named, taken by no field and not added to the description (a register's
 * 备注), each once, in the file's order. The page said which columns were added to the description, and nothing of
 * those dropped.
 */
export function columnsLeft(plan: Pick<ImportPlan, 'headers' | 'mapping' | 'appendedColumns'>): string[] {
  const used = new Set<string>([...Object.values(plan.mapping).filter((header): header is string => header !== null), ...plan.appendedColumns]);
  return plan.headers.filter((header, i) => header.trim() !== '' && !used.has(header) && plan.headers.indexOf(header) === i);
}
