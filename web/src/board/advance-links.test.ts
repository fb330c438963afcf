import { describe, expect, it } from 'vitest';
import { blockingLinks } from './advance-links';

describe('where an unmet exit criterion’s items are seen', () => {
  it('links each criterion to the page that lists what holds it back', () => {
    expect(blockingLinks(3, { kind: 'noCluesIn', states: ['found', 'verifying'] })).toEqual([
      { href: '/campaigns/3/lists/clues?state=found', label: { zh: '查看“新发现”的线索', en: 'See the clues in Found' } },
      { href: '/campaigns/3/lists/clues?state=verifying', label: expect.objectContaining({ zh: expect.stringContaining('核查') }) },
    ]);
    expect(blockingLinks(3, { kind: 'noProblemsIn', states: ['identified'] }).map((l) => l.href)).toEqual(['/campaigns/3/lists/problems?state=identified']);
    expect(blockingLinks(3, { kind: 'responsibilityComplete' }).map((l) => l.href)).toEqual(['/campaigns/3/lists/responsibility?assignee=none']);
    expect(blockingLinks(3, { kind: 'noOpenEscalations', atOrAbove: 3 }).map((l) => l.href)).toEqual(['/campaigns/3/board?escalated=true']);
    expect(blockingLinks(3, { kind: 'unitTargetsMet' }).map((l) => l.href)).toEqual(['/campaigns/3/battle-map']);
  });

  it('links nothing for a criterion it does not know', () => {
    expect(blockingLinks(3, { kind: 'somethingNew' })).toEqual([]);
    expect(blockingLinks(3, null)).toEqual([]);
  });
});
