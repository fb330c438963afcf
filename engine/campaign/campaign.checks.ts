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
    if (at < opens) return refuse('window_not_open', undefined, { zh: `下一阶段的时间窗口尚未开启（${event.window.start} 开启）`, en: `The next phase's window is not open yet (it opens on ${event.window.start})` });
    // Past its end, "not open yet" sent the office to wait for a day that has gone: the window needs moving in the settings.
    if (at >= closes) {
      return refuse('window_not_open', undefined, {
        zh: `下一阶段的时间窗口已于 ${event.window.end} 结束：请专项办在专项配置中调整各阶段的时间窗口后再推进`,
        en: `The next phase's window ended on ${event.window.end}: the campaign office can change the phases' windows in the settings, then advance`,
      });
    }
    return null;
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
