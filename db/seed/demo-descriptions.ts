import type { ClueSource } from '../../engine';
import type { Random } from './random';

/** How a clue came in, as its text opens (来源). */
const openings: Readonly<Record<ClueSource, readonly string[]>> = {
  platform110: ['群众拨打110报警称', '110接警，报警人称'],
  platform12337: ['群众通过12337智能化举报平台举报', '12337平台转来线索，举报人称'],
  incidentSweep: ['案件和警情大起底中发现', '梳理近三年涉网警情时发现'],
  caseReexamination: ['所办案件大翻查中发现', '复查已结案件卷宗时发现'],
  onlineSurvey: ['网络违法犯罪线索大摸排中发现', '网上巡查发现'],
  detentionInformant: ['监所深挖，在押人员检举揭发', '看守所在押人员交代'],
  suspectScreening: ['重点人员排查中发现', '对重点人员逐一筛查时发现'],
  other: ['其他部门移交线索', '兄弟单位通报'],
};

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '朱'];
const givenNames = ['建国', '海涛', '丽娟', '志强', '晓东', '春梅', '国庆', '小龙', '红霞', '文杰', '俊杰', '秀英'];
const sites = ['daikuan', 'jiedai', 'licai', 'touzi', 'yule', 'caipiao', 'shuadan', 'fanli', 'kefu', 'huodong'];

/** The kinds of number a demo clue names; a later clue may name one an earlier clue named. */
type Named = { readonly kind: 'phone' | 'qq' | 'wechat' | 'site' | 'card'; readonly text: string };

/**
 * What the demo's clues say (线索内容): how each came in, what it is about,
 * and the numbers it names (a phone, a QQ or WeChat account, a web address,
 * now and then a bank account and the name on it), written as officers
 * write them, so the intake reads them as it reads every clue. About one in
 * eight names a number an earlier clue named, in its unit or another: the
 * same gang reported twice, which the duplicate check and the search find.
 *
 * Its own random stream: the clues' paths through their states are the same
 * with or without it.
 */
export function demoDescriptions(random: Random) {
  const named: Named[] = [];
  const digits = (n: number) => Array.from({ length: n }, () => String(random.int(0, 9))).join('');
  // 15x, 17x and 18x numbers: the tests write theirs from 13x, and must not meet the demo's by chance.
  const phone = () => `1${random.pick(['50', '52', '57', '58', '59', '77', '80', '86', '87', '88'])}${digits(8)}`;
  const fresh = (): Named => {
    const kind = random.pick(['phone', 'phone', 'qq', 'wechat', 'site', 'card'] as const);
    switch (kind) {
      case 'phone': {
        const number = phone();
        return { kind, text: random.chance(0.5) ? `联系电话${number}` : `手机号${number.slice(0, 3)}-${number.slice(3, 7)}-${number.slice(7)}` };
      }
      case 'qq':
        return { kind, text: `QQ：${random.int(1, 9)}${digits(random.int(7, 9))}` };
      case 'wechat':
        return { kind, text: `微信号：${random.pick(sites)}_${digits(4)}` };
      case 'site':
        return { kind, text: `网址 https://www.${random.pick(sites)}${digits(3)}.com/app/` };
      case 'card':
        return { kind, text: `收款账户6222${digits(4)}${digits(4)}${digits(4)}，户名${random.pick(surnames)}${random.pick(givenNames)}` };
    }
  };
  return (title: string, source: ClueSource): string => {
    const numbers: Named[] = [];
    for (let n = random.int(1, 2); n > 0; n--) {
      const again = named.length > 0 && random.chance(0.08) ? random.pick(named) : undefined;
      const number = again ?? fresh();
      if (again === undefined) named.push(number);
      if (!numbers.includes(number)) numbers.push(number);
    }
    const subject = title.replace(/线索$/, '').replace(/^群众举报/, '');
    return `${random.pick(openings[source])}：${subject}。${numbers.map((n) => n.text).join('，')}。`;
  };
}
