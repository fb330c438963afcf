import { createSignal } from 'solid-js';
import type { Label } from '../../../../engine/labels';
import type { FieldIssue } from '../../../../engine/refusals';
import { ApiProblem } from '../../api/problem';
import { tr } from '../../i18n/i18n';
import { toast } from '../../ui/toasts';
import { byField } from './field-messages';

/**
 * A form's failure as the server answered it: the message of each field it
 * named, and the reason for anything not tied to a field.
 */
export function formProblem() {
  const [problem, setProblem] = createSignal<{ fields: ReadonlyMap<string, Label>; reason: Label } | null>(null);
  return {
    of: (field: string): Label | null => problem()?.fields.get(field) ?? null,
    /** What the field's message line says: its message in the page's language, or nothing. */
    message: (field: string): string => {
      const label = problem()?.fields.get(field);
      return label === undefined ? '' : tr(label);
    },
    reason: (): Label | null => problem()?.reason ?? null,
    /**
     * What a form's banner says, below fields that show their own messages (`shown`; `leadIds` covers `leadIds.0`):
     * how many of them are wrong, or the message of a field named that none of them shows. It repeated the first
     * field's message ("至少 2 个字符"), which did not say which field it meant.
     */
    banner: (shown: readonly string[]): Label | null => {
      const current = problem();
      if (current === null) return null;
      const named = [...current.fields.keys()];
      if (named.length === 0) return current.reason;
      const elsewhere = named.find((field) => !shown.some((s) => field === s || field.startsWith(`${s}.`)));
      if (elsewhere !== undefined) return current.fields.get(elsewhere) ?? current.reason;
      return { zh: `有 ${named.length} 处填写有误，见各项下方`, en: named.length === 1 ? 'A field needs correcting: see under it' : `${named.length} fields need correcting: see under each` };
    },
    clear: () => setProblem(null),
    /** Faults found before anything is sent, said as the server's would be. */
    refuse: (fields: readonly FieldIssue[]) => setProblem({ fields: byField(fields), reason: fields[0]?.message ?? { zh: '填写有误', en: 'Something needs correcting' } }),
    take: (error: unknown) => {
      if (error instanceof ApiProblem) setProblem({ fields: byField(error.fields), reason: error.fields[0]?.message ?? error.reason });
      else setProblem({ fields: new Map(), reason: { zh: '操作失败', en: 'Something went wrong' } });
    },
  };
}
export type FormProblem = ReturnType<typeof formProblem>;

/** A failed row action (no form to show it under): its reason as an error toast. */
export function toastProblem(error: unknown): void {
  const problem = formProblem();
  problem.take(error);
  const reason = problem.reason();
  if (reason !== null) toast(() => tr(reason), 'error');
}
