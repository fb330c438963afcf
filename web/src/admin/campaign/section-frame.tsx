import { Show, onCleanup, type JSX } from 'solid-js';
import type { SectionProps } from './form-kit';
import { cm } from './messages';

/**
 * A settings section: heading, lead text, its fields, and its own save and discard buttons. With `unsaved`, the page
 * is told (through `holds`) how to know what it holds unsaved, for as long as the section is drawn.
 */
export function SectionFrame(props: {
  id: string;
  title: string;
  lead?: string;
  busy: boolean;
  onSave?: () => void;
  onReset?: () => void;
  discard?: (section: string) => void;
  unsaved?: () => boolean;
  holds?: SectionProps['holds'];
  children: JSX.Element;
}) {
  let section: HTMLElement | undefined;
  // Read once: a section's way of knowing its unsaved edits is fixed as it is drawn.
  const unsaved = props.unsaved;
  if (unsaved !== undefined && props.holds !== undefined) onCleanup(props.holds(props.id, { title: () => props.title, unsaved }));
  const discard = (onReset: () => void) => {
    onReset();
    props.discard?.(props.id);
    // A number field holding what is no number ("500-") was never read into the draft, so the draft put back does not
    // rewrite it: it shows what it shows (the draft's value, data-shown) again.
    for (const input of section?.querySelectorAll<HTMLInputElement>('input[type="number"][data-shown]') ?? []) {
      if (input.validity.badInput) input.value = input.dataset.shown ?? '';
    }
  };
  return (
    <section ref={section} class="ca-section" data-testid={`section-${props.id}`} aria-labelledby={`ca-${props.id}`}>
      <h2 id={`ca-${props.id}`}>{props.title}</h2>
      <Show when={props.lead}>{(lead) => <p class="muted ca-lead">{lead()}</p>}</Show>
      {props.children}
      <Show when={props.onSave}>
        {(onSave) => (
          <div class="ca-actions">
            <button type="button" class="button primary" data-testid={`save-${props.id}`} disabled={props.busy} onClick={() => onSave()()}>
              {props.busy ? cm('saving') : cm('save')}
            </button>
            <Show when={props.onReset}>
              {(onReset) => (
                <button type="button" class="button ghost" disabled={props.busy} onClick={() => discard(onReset())}>
                  {cm('reset')}
                </button>
              )}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
