import type { ClueOutcome } from '../../engine';
import type { Random } from './random';

/**
 * What the demo's people write and record as the year goes: the work notes
 * of whoever works an item, the outcome figures of a solved case, and the
 * summaries the unit leads write for the typical cases they choose. Apart
 * from the simulation that decides when.
 */

/** Why a unit lead gave an item more time (延期), by kind. */
export const extensionReasons: Readonly<Record<'clue' | 'problem', readonly string[]>> = {
  clue: ['需调取外省银行流水，已发函等待回复', '涉案人员在外地，需协调异地警方协助', '电子数据鉴定尚未出具结论', '涉案平台服务器在境外，取证周期较长', '涉案账户较多，资金流向分析需要时间'],
  problem: ['整改涉及多个部门，需协调通信管理局', '平台整改方案待主管部门审核', '涉事网站备案主体变更，需重新约谈'],
};

/** Why a unit lead declined a request for more time. */
/** A verification's conclusion as the units write it: the tip was false, or it holds and a case is filed. */
export const conclusions = { unfounded: '经核查，举报内容不属实', filed: '经核查线索属实，符合立案条件' } as const;

/** The demo's case number (立案编号) of clue `id`: the prefix of Hanzhong's public security case numbers, then the id. */
export const caseNumberOf = (id: number): string => `A6107${String(id).padStart(6, '0')}`;

/** What a unit did to rectify a problem, with its figures drawn from `random`. */
export const randomRectification = (random: Random) => ({ measures: '已约谈平台负责人并关停违规网站', websitesShutDown: random.int(0, 4), accountsClosed: random.int(0, 30) });

export const extensionDeclines: readonly string[] = ['案情简单，应按期办结', '已延期过一次，请抓紧办理', '请先补充工作进展再申请'];

/** What a note says, by the state the item is in when it is written. */
export const noteTexts: Readonly<Record<string, readonly string[]>> = {
  found: ['已登记，待分配核查人员', '已与举报人电话联系，约定补充材料'],
  verifying: ['已联系举报人核实基本情况', '已调取涉案账户流水，正在分析资金流向', '已协调平台调取注册信息和登录日志', '涉案手机号已查明机主，待进一步核实', '已提请技术支队协助研判'],
  filed: ['已冻结涉案账户，继续追查上下线', '已锁定主要嫌疑人落脚点，准备收网', '已完成第一批嫌疑人到案询问', '正在与检察机关沟通证据标准'],
  solved: ['卷宗整理中，准备提请移送起诉', '赃款追缴工作进行中', '已向受害群众发还部分被骗资金'],
  identified: ['已约谈平台负责人，要求限期整改', '已下发整改通知书'],
  rectifying: ['平台已下架违规内容，待复查', '已关停违规账号，正在排查关联群组', '整改方案已提交，按期推进'],
  rectified: ['整改报告已提交，等待验收'],
};

/**
 * Yuan in 万, to the two decimals the report shows: rounded to whole 万, a
 * summary said 4万元 beside a report of 4.2万元 for the same case.
 */
const inWan = (yuan: number): string => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false }).format(yuan / 10_000);

/**
 * The summary a unit lead writes when choosing a solved case to publicise:
 * what was done and achieved, and the warning to the public that such
 * releases end with; the figures are the case's own.
 */
export function typicalSummary(title: string, outcome: ClueOutcome | null): string {
  const caught = outcome === null || outcome.suspectsCaught === 0 ? '' : `，抓获犯罪嫌疑人${outcome.suspectsCaught}名`;
  const money = outcome === null || outcome.moneyInvolvedYuan < 10_000 ? '' : `，涉案金额${inWan(outcome.moneyInvolvedYuan)}万元`;
  return `${title.replace(/线索$/, '')}一案：专案组深挖线索、循线追踪，一举破获此案${caught}${money}。警方提示：网络并非法外之地，广大群众如发现此类违法犯罪线索，请拨打110或通过12337平台举报。`;
}

/** Outcome figures of the size the press release reports, per solved case. */
export function randomOutcome(random: Random, categoryCode: string): ClueOutcome {
  const r = random.next();
  const organisationType = r < 0.02 ? 'mafia' : r < 0.08 ? 'criminalGroup' : r < 0.18 ? 'criminalGang' : 'none';
  const caught = random.int(1, organisationType === 'none' ? 4 : 15);
  const detained = random.int(Math.ceil(caught * 0.6), caught);
  const arrested = random.int(Math.ceil(detained * 0.6), detained);
  const fraud = categoryCode === 'fraud' || categoryCode === 'taolu-loans';
  const involved = fraud ? random.int(2, 300) * 10_000 : random.int(0, 50) * 1_000;
  const frozen = Math.floor(involved * random.next() * 0.5);
  return {
    organisationType,
    suspectsCaught: caught,
    criminallyDetained: detained,
    arrested,
    gunsSeized: organisationType === 'mafia' ? random.int(1, 6) : random.chance(0.03) ? 1 : 0,
    assetsSeizedYuan: organisationType === 'none' ? random.int(0, 20) * 10_000 : random.int(50, 3000) * 10_000,
    moneyInvolvedYuan: involved,
    moneyStoppedYuan: fraud ? Math.floor(involved * random.next() * 0.3) : 0,
    moneyFrozenYuan: frozen,
    moneyReturnedYuan: Math.floor(frozen * random.next() * 0.6),
    victimsWarned: fraud ? random.int(0, 400) : 0,
  };
}
