import { describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../api/client';
import { changedMeanwhile, meanwhileMessages } from './changed-meanwhile';

const units = [
  { id: 'hantai', nameZh: '汉台分局', nameEn: 'Hantai Branch' },
  { id: 'chenggu', nameZh: '城固县局', nameEn: 'Chenggu County Bureau' },
] as unknown as CampaignDetail['units'];

describe('what a drawer form refused over someone else’s change says they did', () => {
  it('names the unit the item was transferred to, in both languages', () => {
    const said = changedMeanwhile({ kind: 'clue', state: 'verifying', unitId: 'hantai' }, { kind: 'clue', state: 'verifying', unitId: 'chenggu' }, units);
    expect(said.zh).toMatch(/^此事项刚被他人移交至“城固县局”，本次提交未执行。您填写的内容已保留/);
    expect(said.en).toMatch(/^Someone else just transferred this item to Chenggu County Bureau, so this was not done\. What you typed is kept/);
  });

  it('names the state the item was moved to', () => {
    const said = changedMeanwhile({ kind: 'clue', state: 'verifying', unitId: 'hantai' }, { kind: 'clue', state: 'filed', unitId: 'hantai' }, units);
    expect(said.zh).toContain('移至“已立案侦查”');
    expect(said.en).toContain('moved this item to Case filed');
  });

  it('says only that it changed when neither its unit nor its state did (a note, an edit, more time)', () => {
    const seen = { kind: 'problem', state: 'rectifying', unitId: 'hantai' } as const;
    expect(changedMeanwhile(seen, seen, units)).toEqual(meanwhileMessages.changed);
  });
});
