import { For, Show, createResource } from 'solid-js';
import type { CampaignDetail } from '../api/client';
import { named, tr } from '../i18n/i18n';
import { WhenRead } from '../ui/read-failed';
import { keptRead } from '../ui/read-shown';
import { sourceLabel } from '../board/domain-labels';
import { dateTime } from '../ui/dates';
import { unlessGone } from '../api/unless-gone';
import { intakeApi, type CluePart } from './api';
import { fill, im } from './messages';
import './intake.css';

/**
 * On a clue that absorbed others: where each part came from — the unit that
 * found it, when, from which source, when it was merged — and which unit
 * had the lead first. Asked only for clues that absorbed something.
 */
export function CluePartsSection(props: { clueId: number; absorbed: number; campaign: CampaignDetail; revision: number }) {
  const key = () => (props.absorbed > 0 ? { id: props.clueId, revision: props.revision } : null);
  const [partsRead, { refetch }] = createResource(key, (k) => unlessGone(intakeApi.parts(k.id)));
  // Kept as last read while a read again fails (and tried again); a first read that fails says so in its place.
  const parts = keptRead(partsRead, refetch);
  const tz = () => props.campaign.timeZone;
  const unitName = (id: string) => {
    const unit = props.campaign.units.find((u) => u.id === id);
    return unit === undefined ? id : named(unit);
  };
  const href = (id: number) => `/campaigns/${props.campaign.id}/board?item=${id}`;
  const partLine = (part: CluePart) =>
    part.mergedInto === null ? im('partSurvivor') : part.mergedInto === props.clueId ? fill('partMerged', { at: dateTime(part.mergedAt ?? '', tz()) }) : fill('partMergedVia', { id: part.mergedInto, at: dateTime(part.mergedAt ?? '', tz()) });
  return (
    <Show when={props.absorbed > 0}>
      <section data-testid="clue-parts" aria-labelledby="clue-parts-title">
        <h3 id="clue-parts-title">{im('partsTitle')}</h3>
        <WhenRead read={parts()} error={partsRead.error} what={im('partsFailed')} loading={<div class="muted">{im('hintChecking')}</div>}>
          {(answer) => (
            <>
              <p class="parts-first" data-testid="first-found">
                {fill('firstFound', { unit: unitName(answer().firstFound.unitId), at: dateTime(answer().firstFound.foundAt, tz()) })}
              </p>
              <ol class="parts">
                <For each={answer().parts}>
                  {(part) => (
                    <li class="part" classList={{ 'part-first': part.clueId === answer().firstFound.clueId }} data-testid={`part-${part.clueId}`}>
                      <div class="part-head">
                        <a href={href(part.clueId)} class="clue-link">
                          #{part.clueId}
                        </a>
                        <strong>{unitName(part.unitId)}</strong>
                        <span class="muted">{fill('partFound', { at: dateTime(part.foundAt, tz()) })}</span>
                        <span class="muted">· {tr(sourceLabel(part.source))}</span>
                      </div>
                      <div class="part-body">
                        <span>{part.title ?? im('hintOutOfScope')}</span>
                        <span class="muted"> · {partLine(part)}</span>
                      </div>
                    </li>
                  )}
                </For>
              </ol>
            </>
          )}
        </WhenRead>
      </section>
    </Show>
  );
}
