import { A } from '@solidjs/router';
import { For, Show, createEffect, createMemo, on, onCleanup } from 'solid-js';
import type { TypicalCase, TypicalCases } from '../../../api/contracts/typical-cases';
import { categoryNamed, colon, unitNamed } from '../i18n/i18n';
import type { CampaignDetail } from '../reports/api';
import { count } from '../reports/format';
import { dayOf } from '../ui/dates';
import { achievedLine } from '../reports/typical-achieved';
import { shortUnitName } from './county-map';
import { bt } from './messages';
import { fitNewestCase } from './wall-case-fit';
import { me } from '../session/session';
import { readerScope } from '../ui/reader-scope';

/**
 * The campaign's typical cases (典型案例) as the battle map and the wall show
 * them: the latest chosen first, each with its unit, category, the day it
 * was chosen, its summary as it may be published and what it achieved. On
 * the battle map (`linked`) a title opens the clue on the board and the
 * heading leads to the report that lists them all; the wall only shows.
 * On the wall each case is whole, its title and summary: where the wall has
 * no room for another, the cases that do not fit are left off rather than
 * cut; with none, nothing shows.
 */
export function TypicalPanel(props: { campaign: CampaignDetail; register: TypicalCases | undefined; failed: boolean; limit: number; linked: boolean }) {
  const latest = createMemo((): TypicalCase[] => [...(props.register?.cases ?? [])].reverse().slice(0, props.limit));
  const total = () => props.register?.cases.length ?? 0;
  /** The units whose clues the reader may open (null: every unit's). */
  const scope = () => readerScope(me());
  /** On the wall, the newest case kept in sight when none fits whole (see fitNewestCase): again as the screen or the cases change. */
  const fitted = (list: HTMLOListElement) => {
    if (props.linked) return;
    const fit = () => fitNewestCase(list);
    // The list's room and the newest case's own size (its title and line laid out again as the figures, names and
    // fonts arrive): a case squeezed for a room since grown stayed squeezed, one grown since its fit went out of sight.
    const watch = new ResizeObserver(fit);
    watch.observe(list);
    onCleanup(() => watch.disconnect());
    createEffect(
      on(latest, () =>
        queueMicrotask(() => {
          for (const card of list.querySelectorAll('.tp-card')) watch.unobserve(card);
          const first = list.querySelector('.tp-card');
          if (first !== null) watch.observe(first);
          fit();
        }),
      ),
    );
  };
  return (
    <div class="tp-panel" data-testid="bm-typical">
      <h2>
        {bt('typicalCases')}
        <Show when={total() > 0}>
          <span class="muted bm-subtitle" data-testid="bm-typical-total">
            {bt('typicalTotal').replace('{n}', count(total()))}
          </span>
        </Show>
        <Show when={props.linked}>
          <A class="bm-more" href={`/campaigns/${props.campaign.id}/reports?scope=whole&unit=*`} data-testid="bm-typical-all">
            {bt('typicalAll')}
          </A>
        </Show>
      </h2>
      <Show
        when={latest().length > 0}
        fallback={
          <p class="muted" data-testid="bm-typical-none">
            {props.failed ? bt('typicalFailed') : props.register === undefined ? '' : bt('typicalNone')}
          </p>
        }
      >
        <ol class="tp-cards" ref={fitted}>
          <For each={latest()}>
            {(c) => (
              <li class="tp-card" data-testid="bm-typical-card" data-clue={c.clueId}>
                <h3 class="tp-title">
                  {/* The wall has no heading over the cases (see the wall's styles): each says what it is. */}
                  <span class="tp-tag">{bt('typicalTag')}</span>
                  {/* Read as "典型案例：title", not run into one word with the title ("典型案例利用…"). */}
                  <span class="visually-hidden">{colon()}</span>
                  {/* A case of a unit outside the reader's is told, not opened: the board would answer that it is not theirs to see. */}
                  <Show when={props.linked && (scope() === null || scope()?.has(c.unitId) === true)} fallback={c.title}>
                    <A href={`/campaigns/${props.campaign.id}/board?kind=clue&item=${c.clueId}`}>{c.title}</A>
                  </Show>
                </h3>
                <p class="tp-line">
                  {/* The wall names the unit short, as its map does: beside a whole title, "Mianxian County Bureau" sent it to a second line. */}
                  {props.linked ? unitNamed(props.campaign.units, c.unitId) : shortUnitName(unitNamed(props.campaign.units, c.unitId))}
                  {/* The wall leaves the category out: its names are long, and the title needs the room. */}
                  <Show when={categoryNamed(props.campaign.categories, c.categoryId)}>{(category) => <span class="tp-category"> · {category()}</span>}</Show>
                  {` · ${bt('typicalChosen')} ${dayOf(c.chosenAt, props.campaign.timeZone, { year: false })}`}
                </p>
                <p class="tp-summary">{c.summary}</p>
                <Show when={achievedLine(c)}>{(line) => <p class="tp-achieved">{line()}</p>}</Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  );
}
