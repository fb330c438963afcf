import { For, Show, type Accessor, type JSX } from 'solid-js';
import { ApiProblem, refusalText, type FieldIssue } from '../api/problem';
import { colon, lang, tr } from '../i18n/i18n';

/**
 * The line shown in place of what a read would have shown: what could not
 * be loaded and why, with the name of the field the refusal is about where
 * `fieldName` knows it (a filter in the address: which one to change). A
 * refusal of several fields says each with its own why, in a list: said one
 * at a time, a link with a wrong unit and a wrong category is mended by trial.
 */
export function ReadFailed(props: { what: string; error: unknown; fieldName?: (field: string) => string | undefined; class?: string; testid?: string }) {
  const issues = (): readonly FieldIssue[] => (props.error instanceof ApiProblem ? props.error.fields : []);
  const named = (issue: FieldIssue | undefined) => (issue === undefined ? undefined : props.fieldName?.(issue.field));
  const zh = () => lang() === 'zh';
  return (
    <div class={`form-error ${props.class ?? ''}`} role="alert" data-testid={props.testid}>
      <Show
        when={issues().length > 1}
        fallback={
          <>
            {props.what}
            {named(issues()[0]) === undefined ? '' : zh() ? `（${named(issues()[0])}）` : ` (${named(issues()[0])})`}
            {colon()}
            {refusalText(props.error)}
          </>
        }
      >
        {props.what}
        {colon()}
        <ul class="refused-fields">
          <For each={issues()}>
            {(issue) => (
              <li>
                {named(issue) === undefined ? '' : `${named(issue)}${colon()}`}
                {tr(issue.message)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/**
 * What a read shows: its answer once there is one (`read`); before that,
 * why the read failed (`error`, with what could not be loaded), or
 * `loading` while it is out. With keptRead, an answer once shown stays
 * through a read that fails again.
 */
export function WhenRead<T>(props: {
  read: T | undefined | null | false;
  error: unknown;
  what: string;
  loading: JSX.Element;
  /** The control a refusal names, as ReadFailed says it (a page's own check of its address). */
  fieldName?: (field: string) => string | undefined;
  class?: string;
  testid?: string;
  children: JSX.Element | ((read: Accessor<NonNullable<T>>) => JSX.Element);
}) {
  return (
    <Show
      when={props.read}
      fallback={
        <Show when={props.error !== undefined} fallback={props.loading}>
          <ReadFailed what={props.what} error={props.error} fieldName={props.fieldName} class={props.class} testid={props.testid} />
        </Show>
      }
    >
      {props.children}
    </Show>
  );
}
