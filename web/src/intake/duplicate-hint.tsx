import { For, Match, Show, Switch, createEffect, createMemo, createResource, createRoot, createSignal, on, type Resource } from 'solid-js';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import { extractIdentifiers } from '../../../engine/intake/identifiers';
import { named, tr } from '../i18n/i18n';
import { dayOf } from '../ui/dates';
import { intakeApi, type Duplicates, type DuplicateMatch, type Unit } from './api';
import { askAfterPause } from './ask-after-pause';
import { count, fill, identifierKindLabels, identifierText, im } from './messages';
import './intake.css';

const matchesShown = 5;
/** The server reads at most this much text. */
const maxText = 20_000;

/** The units' names, asked once for every hint on the page. */
let unitList: Resource<Unit[]> | null = null;
export function useUnits(): Resource<Unit[]> {
  unitList ??= createRoot(() => createResource(() => intakeApi.units().catch((): Unit[] => []))[0]);
  return unitList;
}

type Check = { state: 'idle' } | { state: 'checking'; last: Duplicates | null } | { state: 'done'; answer: Duplicates } | { state: 'failed' };

export const stateLabel = (state: string) => {
  const label = (clueStateLabels as Record<string, { zh: string; en: string } | undefined>)[state];
  return label === undefined ? state : tr(label);
};

/**
 * Beside a clue's text while it is typed: the phone numbers, accounts, URLs
 * and ID numbers in it, and the clues of the campaign (any unit) that share
 * one. Asks the server only when the identifiers change, after a pause.
 */
export function DuplicateHint(props: { campaignId: number; text: string }) {
  const units = useUnits();
  const identifiers = createMemo(
    () => extractIdentifiers(props.text).map((i) => `${i.kind}:${i.value}`).sort().join('\n'),
  );
  const [check, setCheck] = createSignal<Check>({ state: 'idle' });

  createEffect(
    on([identifiers, () => props.campaignId], ([key, campaignId]) => {
      if (key === '') {
        setCheck({ state: 'idle' });
        return;
      }
      const previous = check();
      setCheck({ state: 'checking', last: previous.state === 'done' ? previous.answer : previous.state === 'checking' ? previous.last : null });
      askAfterPause(
        () => intakeApi.duplicatesOfText(campaignId, props.text.slice(0, maxText)),
        (answer) => setCheck({ state: 'done', answer }),
        () => setCheck({ state: 'failed' }),
      );
    }),
  );

  const shown = (): Duplicates | null => {
    const current = check();
    return current.state === 'done' ? current.answer : current.state === 'checking' ? current.last : null;
  };
  const unitName = (id: string) => {
    const unit = units()?.find((u) => u.id === id);
    return unit === undefined ? id : named(unit);
  };
  // As the drawer and the board write a day ("4 Dec 2026", "2026年12月4日"), not 04/12/2026, which reads as April in the US.
  const day = (iso: string) => dayOf(iso);
  const href = (id: number) => `/campaigns/${props.campaignId}/board?item=${id}`;

  return (
    <Show when={check().state !== 'idle'}>
      <aside
        class="duplicate-hint"
        classList={{ 'has-matches': (shown()?.matches.length ?? 0) > 0, 'is-checking': check().state === 'checking' }}
        aria-live="polite"
        data-testid="duplicate-hint"
        data-state={check().state}
      >
        <Switch>
          <Match when={check().state === 'failed'}>
            <p class="muted">{im('hintFailed')}</p>
          </Match>
          <Match when={shown() === null}>
            <p class="muted">{im('hintChecking')}</p>
          </Match>
          <Match when={shown()}>
            {(answer) => (
              <>
                <p class="hint-head">
                  <Show when={answer().matches.length > 0} fallback={<span class="muted">{im('hintNone')}</span>}>
                    <strong>{fill(answer().matches.length === 1 ? 'hintMatch' : 'hintMatches', { n: count(answer().matches.length) })}</strong>
                  </Show>
                  <Show when={check().state === 'checking'}>
                    <span class="muted hint-busy">{im('hintChecking')}</span>
                  </Show>
                </p>
                <Show when={answer().matches.length > 0}>
                  <ul class="hint-matches">
                    <For each={answer().matches.slice(0, matchesShown)}>{(match) => <MatchLine match={match} href={href(match.clueId)} unit={unitName(match.unitId)} state={stateLabel(match.state)} day={day(match.foundAt)} />}</For>
                  </ul>
                  <Show when={answer().matches.length > matchesShown}>
                    <p class="muted">{fill('hintMore', { n: count(answer().matches.length - matchesShown) })}</p>
                  </Show>
                </Show>
                <p class="hint-identifiers">
                  <span class="muted">{im('hintFound')}</span>
                  <For each={answer().identifiers}>
                    {(identifier) => (
                      <span class="chip identifier-chip">
                        {tr(identifierKindLabels[identifier.kind])} {identifierText(identifier.value)}
                      </span>
                    )}
                  </For>
                </p>
              </>
            )}
          </Match>
        </Switch>
      </aside>
    </Show>
  );
}

/** One clue that shares a number with the text or clue at hand: its number (a link), title, unit, state, day found and the numbers shared. */
export function MatchLine(props: { match: DuplicateMatch; href: string; unit: string; state: string; day: string }) {
  return (
    <li class="hint-match" data-testid={`hint-match-${props.match.clueId}`}>
      <a href={props.href} target="_blank" rel="noopener" class="clue-link">
        #{props.match.clueId}
      </a>
      <span class="hint-title" classList={{ muted: props.match.title === null }}>
        {props.match.title ?? im('hintOutOfScope')}
      </span>
      <span class="chip">{props.unit}</span>
      <span class="chip">{props.state}</span>
      <span class="muted">{props.day}</span>
      <span class="hint-matched">
        <For each={props.match.matched}>
          {(identifier) => (
            <span class="chip identifier-chip">
              {tr(identifierKindLabels[identifier.kind])} {identifierText(identifier.value)}
            </span>
          )}
        </For>
      </span>
    </li>
  );
}
