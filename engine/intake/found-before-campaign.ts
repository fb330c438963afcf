import type { CampaignConfig } from '../campaign/campaign-config';
import { windowBounds } from '../campaign/campaign.kind';

type CampaignDates = Pick<CampaignConfig, 'timeZone' | 'windows'>;

/** The instant a campaign began: 00:00 of the first day of its first phase's window (survey), in its time zone. */
export function campaignBegan(config: CampaignDates): Date {
  return windowBounds(config, 'survey').opens;
}

/**
 * True when a clue was found before its campaign began. Not refused, as a
 * found time to come is: the sweeps take up cases and tips from before the
 * campaign (所办案件大翻查), so such a clue may be carried over; but it may
 * as well be a year mistyped (2025 for 2026), which nothing else would show,
 * so an import says which rows these are.
 */
export function foundBeforeCampaign(foundAt: Date, config: CampaignDates): boolean {
  return foundAt.getTime() < campaignBegan(config).getTime();
}
