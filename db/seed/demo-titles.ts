import type { Random } from './random';

const apps = ['速借宝', '闪电贷', '米粒钱包', '易分期', '金满仓', '快来花', '随心借', '好运来', '聚财通', '乐享贷'];
const places = ['汉台', '南郑', '城固', '洋县', '西乡', '勉县', '宁强', '略阳', '镇巴', '留坝', '佛坪'];
const platforms = ['微信群', 'QQ群', '抖音账号', '快手直播间', '贴吧', '论坛', '小程序', '境外网站'];

/** Clue titles of the kind the sweeps turn up, per demo category code. */
const templates: Record<string, readonly string[]> = {
  'taolu-loans': [
    '群众举报“{app}”网贷平台以砍头息、虚增债务方式放贷',
    '“{app}”App暴力催收、逼签阴阳合同线索',
    '{place}多名大学生陷入“{app}”套路贷，被索要高额违约金',
  ],
  'forced-deals': ['{place}某{platform}强迫商户购买“推广服务”', '网络刷单团伙威胁店主强迫交易线索'],
  extortion: ['利用{platform}散布隐私视频敲诈{place}居民', '以删除负面帖文为由向{place}企业索要钱财'],
  quarrels: ['{platform}持续编造散布{place}虚假灾情信息', '网络“水军”在{platform}辱骂恐吓举报人'],
  vice: ['{place}网络赌博平台“{app}娱乐”代理线索', '{platform}组织招嫖并非法讨债', '“{app}”高利放贷配合暴力讨债'],
  'news-extortion': ['自媒体“{place}观察”以负面报道敲诈企业', '{platform}发布{place}假新闻并索要“删帖费”'],
  disorder: ['{platform}贩卖公民个人信息、“黑灰产”工具', '通过{platform}为网络黑产团伙引流'],
  fraud: ['“{app}”刷单返利诈骗，{place}群众被骗{n}万元', '冒充客服退款诈骗线索（{place}）', '虚假投资理财平台“{app}”诈骗线索'],
};

const problemTemplates = [
  '“{app}”违规网站仍可访问，需关停',
  '{platform}未落实实名制管理',
  '{place}网吧未安装上网实名系统',
  '{platform}对举报投诉处置不及时',
  '支付服务商对“{app}”异常交易监测缺位',
];

/** The place a county-level unit's clues happen in; city detachments work the whole city. */
const placeOfUnit: Readonly<Record<string, string>> = {
  hantai: '汉台',
  nanzheng: '南郑',
  chenggu: '城固',
  yangxian: '洋县',
  xixiang: '西乡',
  mianxian: '勉县',
  ningqiang: '宁强',
  lueyang: '略阳',
  zhenba: '镇巴',
  liuba: '留坝',
  foping: '佛坪',
};

function fill(template: string, random: Random, unitId: string): string {
  // The random place is drawn either way, so every other draw of the simulation stays as it was.
  const app = random.pick(apps);
  const anyPlace = random.pick(places);
  return template
    .replace('{app}', app)
    .replace('{place}', placeOfUnit[unitId] ?? anyPlace)
    .replace('{platform}', random.pick(platforms))
    .replace('{n}', String(random.int(2, 90)));
}

/** A clue title for a category; a county unit's clues name its own county. */
export function clueTitle(categoryCode: string, random: Random, unitId: string): string {
  return fill(random.pick(templates[categoryCode] ?? templates.fraud ?? ['线索']), random, unitId);
}

export function problemTitle(random: Random, unitId: string): string {
  return fill(random.pick(problemTemplates), random, unitId);
}
