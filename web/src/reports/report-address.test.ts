import { describe, expect, it } from 'vitest';
import { namesNoReport, rangeEndsBeforeStart, rangeOutsideCampaign, rangeProblemOf, reportAddressIssues, reportControlName } from './report-address';

describe('the report page reads its address as its controls write it', () => {
  it('takes every address the controls write, and no address at all', () => {
    expect(reportAddressIssues({})).toEqual([]);
    expect(reportAddressIssues({ scope: 'phase', phase: 'crackdown', unit: 'hantai', category: '8', asOf: '2026-06-01T08:30' })).toEqual([]);
    expect(reportAddressIssues({ scope: 'range', from: '2026-03-01', to: '2026-03-31' })).toEqual([]);
    // The items with no category, as the category select offers them (未分类).
    expect(reportAddressIssues({ category: 'none' })).toEqual([]);
    // An emptied control leaves nothing to read; what the page does not read is not its to refuse.
    expect(reportAddressIssues({ to: '', asOf: '', lang: 'whatever' })).toEqual([]);
  });

  it('takes a phase or a scope there is none of as naming no report, not as a filter to refuse', () => {
    expect(namesNoReport({})).toBe(false);
    expect(namesNoReport({ scope: 'phase', phase: 'crackdown', unit: 'atlantis', category: 'abc' })).toBe(false);
    expect(namesNoReport({ scope: 'whole' })).toBe(false);
    expect(namesNoReport({ scope: '', phase: '' })).toBe(false);
    expect(namesNoReport({ scope: 'phase', phase: 'nosuch' })).toBe(true);
    expect(namesNoReport({ phase: 'autumn' })).toBe(true);
    expect(namesNoReport({ scope: 'month' })).toBe(true);
    expect(reportAddressIssues({ phase: 'autumn', scope: 'month' })).toEqual([]);
  });

  it('names the value it cannot read, and why, in both languages', () => {
    expect(reportAddressIssues({ category: 'abc' })).toMatchObject([{ field: 'category', message: { zh: '应为数字，或 none（无）' } }]);
    expect(reportAddressIssues({ category: '-3' })[0]?.field).toBe('category');
    expect(reportAddressIssues({ from: '2026-02-30' })).toMatchObject([{ field: 'from', message: { zh: '不是有效的日期' } }]);
    expect(reportAddressIssues({ to: 'yesterday' })).toMatchObject([{ field: 'to', message: { zh: '日期格式应为 YYYY-MM-DD（如 2026-03-31）' } }]);
    expect(reportAddressIssues({ asOf: '2026-06-01' })).toMatchObject([{ field: 'asOf', message: { en: 'A date and time as YYYY-MM-DDTHH:MM' } }]);
    expect(reportAddressIssues({ asOf: '2026-06-01T24:00' })[0]?.field).toBe('asOf');
    expect(reportAddressIssues({ asOf: '2026-04-31T08:00' })).toMatchObject([{ field: 'asOf', message: { zh: '不是有效的日期' } }]);
  });

  it('leaves a range whose last day comes before its first to the page, which says so at 止 and keeps the report it showed', () => {
    const campaign = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
    // Not an address the controls could not write: two dates chosen in the wrong order, an input's error.
    expect(reportAddressIssues({ from: '2026-05-01', to: '2026-04-30' })).toEqual([]);
    expect(rangeEndsBeforeStart({ from: '2026-05-01', to: '2026-04-30' }, campaign)).toBe(true);
    expect(rangeEndsBeforeStart({ from: '2026-05-01', to: '2026-05-01' }, campaign)).toBe(false);
    // An input left empty reads as the campaign's own first or last day, as it shows.
    expect(rangeEndsBeforeStart({ to: '2025-12-31' }, campaign)).toBe(true);
    expect(rangeEndsBeforeStart({ from: '2027-01-01', to: '' }, campaign)).toBe(true);
    expect(rangeEndsBeforeStart({ from: '2026-03-01' }, campaign)).toBe(false);
    // A date that is none is the address's refusal, not this.
    expect(rangeEndsBeforeStart({ from: '2026-02-30', to: '2026-01-01' }, campaign)).toBe(false);
  });

  it('tells a range wholly outside the campaign\'s days from one that overlaps them', () => {
    const campaign = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
    expect(rangeOutsideCampaign({ from: '2025-01-01', to: '2025-02-01' }, campaign)).toBe(true);
    expect(rangeOutsideCampaign({ from: '2027-01-01', to: '2027-03-01' }, campaign)).toBe(true);
    // Overlapping by a day at either end, or within: the user's to choose.
    expect(rangeOutsideCampaign({ from: '2025-12-01', to: '2026-01-01' }, campaign)).toBe(false);
    expect(rangeOutsideCampaign({ from: '2026-12-31', to: '2027-01-31' }, campaign)).toBe(false);
    expect(rangeOutsideCampaign({ from: '2026-03-01', to: '2026-03-31' }, campaign)).toBe(false);
    // An input left empty reads as the campaign's own day; a reversed range is said as such, not as this.
    expect(rangeOutsideCampaign({ to: '2025-06-30', from: '2025-06-01' }, campaign)).toBe(true);
    expect(rangeOutsideCampaign({ from: '2027-01-01' }, campaign)).toBe(false);
    expect(rangeOutsideCampaign({ from: '2026-02-30', to: '2026-03-01' }, campaign)).toBe(false);
    // The page says one problem: a reversed range as such, before whether it lies outside.
    expect([rangeProblemOf({ from: '2025-02-01', to: '2025-01-01' }, campaign), rangeProblemOf({ from: '2025-01-01', to: '2025-02-01' }, campaign), rangeProblemOf({ from: '2026-03-01' }, campaign)]).toEqual(['reversed', 'outside', null]);
  });

  it('calls each control by the name the user sees, the server’s query fields too', () => {
    expect(reportControlName('phase')).toBe('阶段');
    expect(reportControlName('asOf')).toBe('截至时间');
    expect(reportControlName('query.unit')).toBe('承办单位');
    expect(reportControlName('format')).toBeUndefined();
  });
});
