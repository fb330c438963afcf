import { refusalText } from '../api/problem';
import { lang } from '../i18n/i18n';

/** The line shown in place of what a read would have shown: what could not be loaded, and why. */
export function ReadFailed(props: { what: string; error: unknown; class?: string; testid?: string }) {
  return (
    <div class={`form-error ${props.class ?? ''}`} role="alert" data-testid={props.testid}>
      {props.what}
      {lang() === 'zh' ? '：' : ': '}
      {refusalText(props.error)}
    </div>
  );
}
