import { Field } from './item-form';
import type { FieldErrors } from './payload-fields';

/** A text written at length (a work note, a summary for publication), kept as a draft as it is typed. */
export function DraftedText(props: {
  name: string;
  label: string;
  hint: string;
  rows: number;
  maxLength: number;
  errors: FieldErrors;
  value: string;
  onText: (text: string) => void;
  draft: { keep: (text: string) => void };
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      <textarea
        name={props.name}
        rows={props.rows}
        maxLength={props.maxLength}
        value={props.value}
        aria-invalid={props.errors[props.name] !== undefined}
        onInput={(e) => {
          props.onText(e.currentTarget.value);
          props.draft.keep(e.currentTarget.value);
        }}
      />
      <span class="field-hint muted">{props.hint}</span>
    </Field>
  );
}
