import { useLocation, useParams } from '@solidjs/router';
import { Show, createEffect, createSignal, on } from 'solid-js';
import type { FieldIssue } from '../../api/problem';
import { ApiProblem } from '../../api/problem';
import { named, series, t, tr } from '../../i18n/i18n';
import { me } from '../../session/session';
import { TopBar } from '../../ui/top-bar';
import { usePageTitle } from '../../ui/page-title';
import { isMissing } from '../../ui/page-missing';
import { dismiss, toast } from '../../ui/toast-store';
import { settingsApi, type CampaignSettings, type SettingsParts } from './api';
import { CategoriesSection } from './categories-section';
import { CriteriaSection } from './criteria-section';
import { fieldLookup, type HeldEdits, type SectionProps } from './form-kit';
import { GeneralSection } from './general-section';
import { LimitsSection } from './limits-section';
import { WebhookSection } from './webhook-section';
import { MapSection } from './map-section';
import { campaignAdminMessages, cm, cmFilled } from './messages';
import { NewCampaignSection } from './new-campaign-section';
import { TargetsSection } from './targets-section';
import './campaign-admin.css';
import { rememberOpener } from '../../ui/focus-return';
import { useFocusKeeper } from '../../ui/focus-keeper';
import { useLiveRefresh } from '../../live/live-refresh';
import { focusFirstInvalid } from '../../board/form-focus';
import { useLeaveGuard } from '../../ui/leave-guard';

/**
 * `/campaigns/:id/settings`: the campaign office's configuration of the
 * campaign. Each section saves on its own against the revision the page
 * holds; the server's answer replaces the page's settings, and its field
 * errors are shown under the inputs of the section that sent them.
 */
export function CampaignSettingsPage() {
  const params = useParams<{ id: string }>();
  const [settings, setSettings] = createSignal<CampaignSettings | null>(null);
  usePageTitle('settings', settings);
  // The map removed, a target row removed: the keyboard stays in the section, not sent back to the page's top.
  const keepFocus = useFocusKeeper();
  const [failure, setFailure] = createSignal<ApiProblem | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [issues, setIssues] = createSignal<{ section: string; fields: readonly FieldIssue[] }>({ section: '', fields: [] });

  const load = async (id: number) => {
    try {
      setSettings(await settingsApi.read(id));
      setFailure(null);
    } catch (error) {
      if (error instanceof ApiProblem) setFailure(error);
      else throw error;
    }
  };
  // Read only by the office, whose page it is: another role is told so without a request the server refuses.
  createEffect(on([() => Number(params.id), () => me()?.role], ([id, role]) => role === 'office' && void load(id)));
  // Someone else's change of the campaign (in another tab, at another desk) is read at once, each section's unsaved
  // edits kept on it (useDraft), and said: the page showed what it had until a save of its own met the change.
  useLiveRefresh(
    () => Number(params.id),
    (campaignChanged) => {
      const held = settings();
      if (!campaignChanged || held === null || busy() !== null) return;
      void load(held.id).then(() => {
        if ((settings()?.revision ?? held.revision) !== held.revision) toast(() => cm('changedElsewhere'), 'info');
      });
    },
  );
  // A campaign that is not there (an old link, a mistyped id) is the page's notice, not a line on an empty page.
  const location = useLocation();
  createEffect(() => {
    const problem = failure();
    if (problem !== null && isMissing(problem, location.pathname)) throw problem;
  });

  // A link to one section (#ca-targets from a report, #ca-map from the battle map) brings it into view once the sections
  // are drawn: followed within the app, the page had stayed at its top, the section a few screens down.
  const loaded = () => settings() !== null;
  createEffect(
    on([loaded, () => location.hash], ([ready, hash]) => {
      if (!ready || hash.length < 2) return;
      requestAnimationFrame(() => document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' }));
    }),
  );

  // A save refused by field (by the server, or a number the browser could not read): the keyboard goes to the first
  // field marked, as the board's forms do. Left on Save, it was a screen away from the message (a phase window, a
  // limit) and Tab went on past the section. Every issue set here is a save refused, each save clearing them first:
  // none is one the user has already been taken to.
  createEffect(
    on(
      issues,
      (now) => focusFirstInvalid(() => sectionElement(now.section), Object.fromEntries(now.fields.map((issue) => [issue.field, issue.message])), undefined, '[aria-invalid="true"]'),
      { defer: true },
    ),
  );

  // The refusals said of earlier saves: taken down by a save that goes through, which they no longer describe (they stood
  // beside its 已保存 for their ten seconds).
  let refusals: number[] = [];
  const refused = (text: () => string) => {
    refusals.push(toast(text));
  };
  const run = async (section: string, work: () => Promise<CampaignSettings>): Promise<boolean> => {
    // A number field holding what is no number ("500-", "6e") reads as empty to the page, and empty is "no limit" in
    // some: sent so, the limit saved before was taken away under "已保存". Refused here, by the field, and nothing sent.
    const unreadable = unreadableNumbers(section);
    if (unreadable.length > 0) {
      setIssues({ section, fields: unreadable.map((field) => ({ field, message: campaignAdminMessages.notANumber })) });
      refused(() => cm('notSaved'));
      return false;
    }
    // The button pressed is disabled while it saves, which takes the focus from it: given back after, not left on the body.
    const giveBack = rememberOpener();
    setBusy(section);
    setIssues({ section, fields: [] });
    try {
      setSettings(await work());
      for (const id of refusals) dismiss(id);
      refusals = [];
      toast(() => cm('saved'), 'info');
      return true;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.status === 409) {
        // Someone changed the campaign meanwhile: theirs is read, each section's unsaved edits kept on it (useDraft), to save again.
        await load(Number(params.id));
        toast(() => cm('conflict'), 'warning');
      } else {
        setIssues({ section, fields: error.fields });
        refused(() => tr(error.reason));
      }
      return false;
    } finally {
      setBusy(null);
      giveBack();
    }
  };
  const save = (section: string, parts: SettingsParts) =>
    run(section, () => {
      const current = settings();
      if (current === null) throw new ApiProblem(0, 'not_loaded', { zh: '配置尚未载入', en: 'The settings have not loaded' }, [], null);
      return settingsApi.change(current.id, { revision: current.revision, ...parts });
    });

  // What each section holds unsaved, asked about before the page is left: a link away, Back, a reload or the tab
  // closed lost every section's edits without a word. A number typed that is no number ("500-") is held too, though the
  // draft never read it. Asked only as the page is left: a save, or another's change read, asks nothing.
  const held = new Map<string, HeldEdits>();
  const holds = (section: string, edits: HeldEdits) => {
    held.set(section, edits);
    return () => void held.delete(section);
  };
  useLeaveGuard(() => {
    const titles = [...held].filter(([section, edits]) => edits.unsaved() || unreadableNumbers(section).length > 0).map(([, edits]) => `“${edits.title()}”`);
    if (titles.length === 0) return null;
    const text = cmFilled(titles.length === 1 ? 'leaveUnsavedOne' : 'leaveUnsaved', { sections: series(titles) });
    return { text, title: cm('leaveUnsavedTitle'), confirm: cm('leaveWithoutSaving') };
  });

  const sectionProps = (section: string, current: () => CampaignSettings): SectionProps => ({
    get settings() {
      return current();
    },
    save,
    run,
    errors: (field) => (issues().section === section ? fieldLookup(() => issues().fields)(field) : []),
    issues: (name) => (issues().section === name ? issues().fields : []),
    discard: (name) => {
      if (issues().section === name) setIssues({ section: '', fields: [] });
    },
    holds,
    get busy() {
      return busy() !== null;
    },
  });

  return (
    <div class="app ca-app">
      <TopBar>
        <div class="campaign-head">
          <Show when={settings()}>{(s) => <h1 class="campaign-name">{`${named(s())} · ${cm('title')}`}</h1>}</Show>
        </div>
      </TopBar>
      <main class="ca-page" data-testid="campaign-settings" ref={keepFocus}>
        <Show when={me()?.role === 'office'} fallback={<div class="form-error" role="alert">{cm('officeOnly')}</div>}>
          <Show when={failure()}>{(f) => <div class="form-error" role="alert">{tr(f().reason)}</div>}</Show>
          <Show when={settings()} fallback={<Show when={failure() === null}><div class="page-loading">{t('loading')}</div></Show>}>
            {(current) => (
              <div class="ca-sections" data-revision={current().revision}>
                {/* A concluded campaign's configuration is its record: read, not changed (the server refuses every change).
                    Its fields had looked editable until a save was refused; a new campaign is still made from it below. */}
                <Show when={current().state === 'concluded'}>
                  <p class="ca-note" role="note" data-testid="settings-concluded">
                    {cm('concludedReadOnly')}
                  </p>
                </Show>
                <fieldset class="ca-fields" disabled={current().state === 'concluded'} data-testid="settings-fields">
                  <GeneralSection {...sectionProps('general', current)} />
                  <LimitsSection {...sectionProps('limits', current)} />
                  <WebhookSection {...sectionProps('webhook', current)} />
                  <CriteriaSection {...sectionProps('criteria', current)} />
                  <TargetsSection {...sectionProps('targets', current)} />
                  <CategoriesSection {...sectionProps('categories', current)} />
                  <MapSection {...sectionProps('map', current)} />
                </fieldset>
                <NewCampaignSection {...sectionProps('new', current)} />
              </div>
            )}
          </Show>
        </Show>
      </main>
    </div>
  );
}

/** A section of the page, by the name its saves go by (see SectionFrame). */
const sectionElement = (section: string): HTMLElement | null => document.querySelector<HTMLElement>(`[data-testid="section-${section}"]`);

/** The number fields of a section whose text the browser could not read as a number, by the field each names. */
function unreadableNumbers(section: string): string[] {
  const inputs = sectionElement(section)?.querySelectorAll<HTMLInputElement>('input[type="number"]') ?? [];
  return [...inputs].filter((input) => input.validity.badInput).map((input) => input.name);
}
