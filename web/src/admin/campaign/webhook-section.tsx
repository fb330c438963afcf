import { Show, createSignal } from 'solid-js';
import type { WebhookTestResult } from '../../../../api/contracts/campaign-admin';
import { reasonText } from '../../api/problem';
import { count } from '../../reports/format';
import { sentences, tr } from '../../i18n/i18n';
import { settingsApi } from './api';
import { FieldMessage, useDraft, type SectionProps } from './form-kit';
import { cm, cmFilled } from './messages';
import { SectionFrame } from './section-frame';

/**
 * Where escalations and requests for more time are sent (通知接口): the
 * bureau's own messaging, on its network. The secret the deliveries are
 * signed with is typed once and never shown again: left empty, the one set
 * stays. The address is a draft as the other sections' are: another's change
 * read meanwhile is shown unless it was edited here.
 */
export function WebhookSection(props: SectionProps) {
  const source = () => ({ url: props.settings.webhook.url ?? '', secret: '' });
  const [draft, setDraft, unsaved] = useDraft(source);
  const reset = () => setDraft(source());
  // A test delivery: sent now, its answer shown beside the button until the next one.
  const [testing, setTesting] = createSignal(false);
  const [tested, setTested] = createSignal<WebhookTestResult | null>(null);
  const test = async () => {
    setTesting(true);
    try {
      setTested(await settingsApi.testWebhook(props.settings.id));
    } catch (error) {
      setTested({ delivered: false, status: null, error: reasonText(error), reason: null, ms: 0 });
    } finally {
      setTesting(false);
    }
  };
  const save = async () => {
    const address = draft.url.trim();
    const saved = await props.save('webhook', { webhook: address === '' ? { url: null } : { url: address, ...(draft.secret.trim() !== '' && { secret: draft.secret.trim() }) } });
    if (saved) reset();
  };
  return (
    <SectionFrame id="webhook" title={cm('webhook')} lead={cm('webhookLead')} busy={props.busy} discard={props.discard} unsaved={unsaved} holds={props.holds} onSave={() => void save()} onReset={reset}>
      <div class="ca-row">
        <label class="field ca-webhook-url">
          <span class="field-label">{cm('webhookUrl')}</span>
          <input type="url" name="webhook.url" data-testid="input-webhook-url" placeholder="http://" value={draft.url} aria-invalid={props.errors('webhook.url').length > 0} onInput={(e) => setDraft('url', e.currentTarget.value)} />
          <FieldMessage messages={props.errors('webhook.url')} />
        </label>
        <label class="field ca-webhook-secret">
          <span class="field-label">{cm('webhookSecret')}</span>
          <input
            type="password"
            name="webhook.secret"
            autocomplete="new-password"
            data-testid="input-webhook-secret"
            placeholder={props.settings.webhook.secretSet ? cm('webhookSecretKept') : cm('webhookSecretNew')}
            value={draft.secret}
            aria-invalid={props.errors('webhook.secret').length > 0}
            onInput={(e) => setDraft('secret', e.currentTarget.value)}
          />
          <FieldMessage messages={props.errors('webhook.secret')} />
        </label>
      </div>
      <p class="muted" data-testid="webhook-state" data-pending={props.settings.webhook.pending} data-failing={props.settings.webhook.failing}>
        <Show when={props.settings.webhook.url} fallback={cm('webhookOff')}>
          {sentences([cm('webhookOn'), cmFilled('webhookPending', { n: count(props.settings.webhook.pending) }), ''])}
          <Show when={props.settings.webhook.failing > 0}>
            {/* As the test's answer: why in the reader's language, the technical error for whoever runs the receiver. */}
            <span class="ca-warning" data-testid="webhook-failing" title={props.settings.webhook.lastError ?? undefined}>
              {cmFilled(props.settings.webhook.failing === 1 ? 'webhookFailingOne' : 'webhookFailing', {
                n: count(props.settings.webhook.failing),
                error: tr(props.settings.webhook.lastReason ?? { zh: props.settings.webhook.lastError ?? '', en: props.settings.webhook.lastError ?? '' }),
              })}
            </span>
          </Show>
        </Show>
      </p>
      <Show when={props.settings.webhook.url}>
        <div class="ca-row">
          <button type="button" class="button" data-testid="webhook-test" disabled={testing() || props.busy} onClick={() => void test()}>
            {testing() ? cm('webhookTesting') : cm('webhookTest')}
          </button>
          <Show when={tested()}>
            {(result) => (
              <span
                role="status"
                data-testid="webhook-test-result"
                data-delivered={String(result().delivered)}
                classList={{ 'ca-warning': !result().delivered }}
                // The technical error for whoever runs the receiver; the line says why in the reader's language.
                title={result().error ?? undefined}
              >
                {result().delivered
                  ? cmFilled('webhookTestDelivered', { status: result().status ?? '', ms: result().ms })
                  : cmFilled('webhookTestFailed', { error: tr(result().reason ?? { zh: result().error ?? '', en: result().error ?? '' }) })}
              </span>
            )}
          </Show>
        </div>
      </Show>
    </SectionFrame>
  );
}
