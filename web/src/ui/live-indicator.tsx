import { t } from '../i18n/i18n';
import type { LiveStatus } from '../live/live-events';

/** A small dot and word: whether changes by others arrive as they happen, or the stream is down and reconnecting. */
export function LiveIndicator(props: { status: LiveStatus }) {
  return (
    <span class={`live-indicator live-${props.status}`} data-testid="live-indicator" data-status={props.status} title={t('liveHint')}>
      <span class="live-dot" aria-hidden="true" />
      {props.status === 'live' ? t('live') : t('offline')}
    </span>
  );
}
