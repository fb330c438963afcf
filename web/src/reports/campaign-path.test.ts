import { describe, expect, it } from 'vitest';
import { otherCampaignPath } from './campaign-path';

describe('otherCampaignPath', () => {
  it('keeps the page, not the campaign', () => {
    expect(otherCampaignPath('/campaigns/2/lists/clues', 1)).toBe('/campaigns/1/lists/clues');
    expect(otherCampaignPath('/campaigns/12/board', 3)).toBe('/campaigns/3/board');
    expect(otherCampaignPath('/campaigns/2/settings', 1)).toBe('/campaigns/1/settings');
  });

  it('opens the board from anywhere else', () => {
    expect(otherCampaignPath('/admin/people', 1)).toBe('/campaigns/1/board');
    expect(otherCampaignPath('/campaigns/new', 4)).toBe('/campaigns/4/board');
  });
});
