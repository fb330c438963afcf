import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { toast } from '../../ui/toasts';
import { settingsApi } from './api';
import { FieldMessage, type SectionProps } from './form-kit';
import { cm } from './messages';
import { SectionFrame } from './section-frame';

/** A new campaign, blank or copied from this one; on success the new campaign's settings open. */
export function NewCampaignSection(props: SectionProps) {
  const navigate = useNavigate();
  const year = () => Number(props.settings.endsOn.slice(0, 4)) + 1;
  const [form, setForm] = createStore({ code: '', nameZh: '', nameEn: '', startsOn: `${year()}-01-01`, endsOn: `${year()}-12-31` });
  const [copy, setCopy] = createSignal(true);
  const create = async () => {
    let createdId: number | null = null;
    const ok = await props.run('new', async () => {
      const created = await settingsApi.create({ ...form, ...(copy() && { copyFrom: props.settings.id }) });
      createdId = created.id;
      // The page keeps showing this campaign until it navigates.
      return settingsApi.read(props.settings.id);
    });
    if (ok && createdId !== null) {
      toast(() => cm('created'), 'info');
      navigate(`/campaigns/${createdId}/settings`);
    }
  };
  const input = (field: keyof typeof form, label: string, type = 'text') => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input type={type} name={`new-${field}`} data-testid={`new-${field}`} value={form[field]} aria-invalid={props.errors(field).length > 0} onInput={(e) => setForm(field, e.currentTarget.value)} />
      <FieldMessage messages={props.errors(field)} />
    </label>
  );
  return (
    <SectionFrame id="new" title={cm('newCampaign')} lead={cm('newLead')} busy={props.busy}>
      <div class="ca-grid">
        {input('code', cm('code'))}
        {input('nameZh', cm('nameZh'))}
        {input('nameEn', cm('nameEn'))}
        {input('startsOn', cm('startsOn'), 'date')}
        {input('endsOn', cm('endsOn'), 'date')}
      </div>
      <label class="check">
        <input type="checkbox" checked={copy()} onChange={(e) => setCopy(e.currentTarget.checked)} />
        {cm('copyThis')}
      </label>
      <FieldMessage messages={[...props.errors('copyFrom'), ...props.errors('windows'), ...props.errors('timeZone')]} />
      <div class="ca-actions">
        <button type="button" class="button primary" data-testid="create-campaign" disabled={props.busy} onClick={() => void create()}>
          {cm('create')}
        </button>
      </div>
    </SectionFrame>
  );
}
