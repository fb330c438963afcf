import { createSignal } from 'solid-js';
import type { Label } from '../../../../engine/labels';
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
    reason: (): Label | null => problem()?.reason ?? null,
    clear: () => setProblem(null),
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
