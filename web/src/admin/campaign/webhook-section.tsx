import { Show, createSignal } from 'solid-js';
import { FieldMessage, type SectionProps } from './form-kit';
import { cm } from './messages';
import { SectionFrame } from './section-frame';

/**
 * Where escalations and requests for more time are sent (通知接口): the
 * bureau's own messaging, on its network. The secret the deliveries are
 * signed with is typed once and never shown again: left empty, the one set
 * stays.
 */
export function WebhookSection(props: SectionProps) {
  const [url, setUrl] = createSignal(props.settings.webhook.url ?? '');
  const [secret, setSecret] = createSignal('');
  const reset = () => {
    setUrl(props.settings.webhook.url ?? '');
    setSecret('');
  };
  const save = async () => {
    const address = url().trim();
    const saved = await props.save('webhook', { webhook: address === '' ? { url: null } : { url: address, ...(secret().trim() !== '' && { secret: secret().trim() }) } });
    if (saved) reset();
  };
  return (
    <SectionFrame id="webhook" title={cm('webhook')} lead={cm('webhookLead')} busy={props.busy} onSave={() => void save()} onReset={reset}>
      <div class="ca-row">
        <label class="field ca-webhook-url">
          <span class="field-label">{cm('webhookUrl')}</span>
          <input type="url" name="webhook.url" data-testid="input-webhook-url" placeholder="http://" value={url()} aria-invalid={props.errors('webhook.url').length > 0} onInput={(e) => setUrl(e.currentTarget.value)} />
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
            value={secret()}
            aria-invalid={props.errors('webhook.secret').length > 0}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
          <FieldMessage messages={props.errors('webhook.secret')} />
        </label>
      </div>
      <p class="muted" data-testid="webhook-state">
        <Show when={props.settings.webhook.url} fallback={cm('webhookOff')}>
          {cm('webhookOn')}
        </Show>
      </p>
    </SectionFrame>
  );
}
