import { withLimit, type TextLimit } from '../ui/text-limit';
import { Field } from './item-form';
import type { FieldErrors } from './payload-fields';

/**
 * A text written at length (a work note, a summary for publication), kept as a draft as it is typed: all of it, past
 * its limit too (said beside it, and not sent; see text-limit.ts), so that a long report pasted loses nothing.
 */
export function DraftedText(props: {
  limit: TextLimit;
  label: string;
  hint: string;
  rows: number;
  errors: FieldErrors;
  value: string;
  onText: (text: string) => void;
  draft: { keep: (text: string) => void };
}) {
  const errors = () => withLimit(props.errors, props.limit, props.value);
  return (
    <Field name={props.limit.name} label={props.label} errors={errors()} hint={props.hint} limit={{ text: props.value, max: props.limit.max }}>
      <textarea
        name={props.limit.name}
        rows={props.rows}
        value={props.value}
        aria-invalid={errors()[props.limit.name] !== undefined}
        onInput={(e) => {
          props.onText(e.currentTarget.value);
          props.draft.keep(e.currentTarget.value);
        }}
      />
    </Field>
  );
}
