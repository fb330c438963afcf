import { A, Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { api } from '../../api/client';
import { ApiProblem, type FieldIssue } from '../../api/problem';
import { named, tr } from '../../i18n/i18n';
import { me } from '../../session/session';
import { TopBar } from '../../ui/top-bar';
import { defaultSpan } from './default-span';
import { usePageTitle } from '../../ui/page-title';
import { toast } from '../../ui/toasts';
import { settingsApi } from './api';
import { FieldMessage, fieldLookup } from './form-kit';
import { cm } from './messages';
import './campaign-admin.css';

/**
 * `/campaigns/new`: a campaign made from nothing, the first of a new
 * installation (the start page sends the office here when there is none)
 * or another beside those there are, blank or with one's configuration.
 * On success its settings open, where the office sets its windows and rules.
 */
export function NewCampaignPage() {
  usePageTitle('newCampaign');
  const navigate = useNavigate();
  const [campaigns] = createResource(() => api.campaigns());
  const offered = defaultSpan(new Date(), 'Asia/Shanghai');
  const [form, setForm] = createStore({ code: '', nameZh: '', nameEn: '', ...offered, timeZone: 'Asia/Shanghai' });
  // The dates offered by the server's clock once it answers, unless they were changed meanwhile: the browser's may be
  // another day (a test's frozen server, a machine's wrong year).
  void settingsApi.health().then(
    (health) => {
      if (form.startsOn === offered.startsOn && form.endsOn === offered.endsOn) setForm(defaultSpan(new Date(health.now), form.timeZone));
    },
    () => undefined,
  );
  // Opened from a campaign's settings, that campaign's configuration is the one offered to copy.
  const [search] = useSearchParams<{ copyFrom?: string }>();
  const asked = Number(search.copyFrom);
  const [copyFrom, setCopyFrom] = createSignal<number | null>(Number.isSafeInteger(asked) && asked > 0 ? asked : null);
  const [issues, setIssues] = createSignal<readonly FieldIssue[]>([]);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const errors = fieldLookup(issues);

  const create = async () => {
    setBusy(true);
    setIssues([]);
    setFailure(null);
    try {
      const from = copyFrom();
      const created = await settingsApi.create({ ...form, ...(from !== null && { copyFrom: from }) });
      toast(() => cm('created'), 'info');
      navigate(`/campaigns/${created.id}/settings`);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setIssues(error.fields);
      setFailure(tr(error.reason));
    } finally {
      setBusy(false);
    }
  };
  const input = (field: keyof typeof form, label: string, type = 'text', placeholder?: string) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input type={type} name={field} data-testid={`new-${field}`} placeholder={placeholder} value={form[field]} aria-invalid={errors(field).length > 0} onInput={(e) => setForm(field, e.currentTarget.value)} />
      <FieldMessage messages={errors(field)} />
    </label>
  );

  return (
    <div class="app ca-app">
      <TopBar>
        <div class="campaign-head">
          <h1 class="campaign-name">{cm('newCampaign')}</h1>
        </div>
      </TopBar>
      <main class="ca-page" data-testid="new-campaign-page">
        <Switch>
          <Match when={me()?.role === 'office'}>
            <form
              class="ca-section"
              onSubmit={(e) => {
                e.preventDefault();
                void create();
              }}
            >
              <h2>{cm('newCampaign')}</h2>
              <p class="muted ca-lead">{cm('newPageLead')}</p>
              <div class="ca-grid">
                {input('code', cm('code'))}
                {input('nameZh', cm('nameZh'))}
                {input('nameEn', cm('nameEn'), 'text', cm('englishOptional'))}
                {input('startsOn', cm('startsOn'), 'date')}
                {input('endsOn', cm('endsOn'), 'date')}
                {input('timeZone', cm('timeZone'))}
              </div>
              <Show when={(campaigns() ?? []).length > 0}>
                <label class="field">
                  <span class="field-label">{cm('copyFrom')}</span>
                  <select name="copyFrom" data-testid="new-copyFrom" onChange={(e) => setCopyFrom(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
                    <option value="">{cm('copyNone')}</option>
                    <For each={campaigns()}>
                      {(c) => (
                        <option value={c.id} selected={c.id === copyFrom()}>
                          {named(c)}
                        </option>
                      )}
                    </For>
                  </select>
                  <FieldMessage messages={errors('copyFrom')} />
                </label>
              </Show>
              {/* The windows are made from the dates: while a date is refused, what the windows say repeats it. */}
              <Show when={errors('startsOn').length === 0 && errors('endsOn').length === 0}>
                <FieldMessage messages={[...errors('windows')]} />
              </Show>
              <Show when={failure()}>{(text) => <p class="form-error" role="alert">{text()}</p>}</Show>
              <div class="ca-actions">
                <button type="submit" class="button primary" data-testid="create-campaign" disabled={busy()}>
                  {cm('create')}
                </button>
              </div>
            </form>
          </Match>
          <Match when={me()?.role === 'admin'}>
            <p data-testid="office-creates">{cm('officeCreates')}</p>
            <A class="button" href="/admin/people">
              {cm('toPeople')}
            </A>
          </Match>
          {/* Anyone else: the start page when there are campaigns (it opens one), otherwise word that there is none yet. */}
          <Match when={(campaigns() ?? []).length > 0}>
            <Navigate href="/" />
          </Match>
          <Match when={campaigns() !== undefined}>
            <p data-testid="no-campaign">{cm('noCampaignYet')}</p>
          </Match>
        </Switch>
      </main>
    </div>
  );
}
