import { ApiProblem, refusalText } from '../api/problem';
import { lang } from '../i18n/i18n';

/**
 * The line shown in place of what a read would have shown: what could not
 * be loaded and why, with the name of the field the refusal is about where
 * `fieldName` knows it (a filter in the address: which one to change).
 */
export function ReadFailed(props: { what: string; error: unknown; fieldName?: (field: string) => string | undefined; class?: string; testid?: string }) {
  const field = () => {
    const named = props.error instanceof ApiProblem ? props.error.fields[0]?.field : undefined;
    return named === undefined ? undefined : props.fieldName?.(named);
  };
  const zh = () => lang() === 'zh';
  return (
    <div class={`form-error ${props.class ?? ''}`} role="alert" data-testid={props.testid}>
      {props.what}
      {field() === undefined ? '' : zh() ? `（${field()}）` : ` (${field()})`}
      {zh() ? '：' : ': '}
      {refusalText(props.error)}
    </div>
  );
}
