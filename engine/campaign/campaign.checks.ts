import { refuse } from '../refusals';
import { standardRefusal, type Check } from '../item/checks';
import { endOfLocalDate, startOfLocalDate } from '../deadlines/local-time';
import type { CampaignContext, CampaignEvent } from './campaign.model';

/** The named rules of the campaign machine. */
export const campaignChecks = {
  actorIsOffice: (_context, event) => (event.meta.actor.role === 'office' ? null : standardRefusal('role_forbidden')),

  /** The next phase's window must have begun and not yet ended (concluding has no window). */
  windowOpen: (_context, event) => {
    if (event.window === null) return null;
    const at = Date.parse(event.meta.at);
    const opens = startOfLocalDate(event.window.start, event.timeZone).getTime();
    const closes = endOfLocalDate(event.window.end, event.timeZone).getTime();
    return at >= opens && at < closes ? null : standardRefusal('window_not_open');
  },

  /** Criteria met, or the office gives a written reason for advancing anyway. */
  criteriaMetOrReasoned: (_context, event) =>
    event.unmet.length === 0 || (event.reason !== undefined && event.reason.trim() !== '')
      ? null
      : {
          ...refuse('exit_criteria_unmet', [
            { field: 'reason', message: { zh: '条件未满足时须写明理由', en: 'A written reason is needed while criteria are unmet' } },
          ]),
          unmet: event.unmet,
        },
} satisfies Record<string, Check<CampaignContext, CampaignEvent>>;
