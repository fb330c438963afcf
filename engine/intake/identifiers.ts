import { halfWidth } from '../half-width';

/**
 * The identifiers clues share — mobile and landline numbers, bank accounts, URLs and
 * domains, platform account ids, ID card numbers — pulled out of free text
 * and normalised, so that the same lead arriving twice (through two units,
 * typed two ways) is recognised. Pure.
 *
 * A person's name alone says little (there are many 张伟), so a name counts
 * only together with another identifier in the same text: `nameWith` is
 * "name|identifier". Besides the full identifiers above, that other
 * identifier may be one that police texts give masked — a phone as
 * 138****1111, a card or phone by its last four digits (尾号1111) — which
 * alone would match far too much.
 */
export const identifierKinds = ['phone', 'landline', 'bankAccount', 'domain', 'url', 'account', 'idCard', 'nameWith'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export interface Identifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/** A mainland mobile number from any common writing: +86, 0086, spaces, dashes, dots. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s\-.()（）]/g, '').replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/**
 * The mainland's area codes after their 0: 10 (Beijing), 2x (the largest
 * cities), and three digits from 3 on (0916 Hanzhong). A 2-digit code's
 * local numbers have 8 digits; a 3-digit code's, 7 or 8.
 */
const areaCode = /^(10|2\d|[3-9]\d\d)(\d+)$/;

/**
 * A landline as compared: "0916-2621234", its area code with the 0 and the
 * local number, from any common writing (+86 916 2621234, (0916)2621234,
 * 09162621234, 029-8888 6666). Null when the digits make no area code and
 * local number.
 */
export function normaliseLandline(raw: string): string | null {
  const digits = raw.replace(/\D/g, '').replace(/^(?:0086|86)0?|^0/, '');
  const parts = areaCode.exec(digits);
  if (parts === null) return null;
  const [, area = '', local = ''] = parts;
  const lengths = area.length === 2 ? [8] : [7, 8];
  return lengths.includes(local.length) && /^[2-9]/.test(local) ? `0${area}-${local}` : null;
}

/** A URL as compared: lower-case host without "www.", no scheme, no trailing slash, path kept. */
export function normaliseUrl(raw: string): { url: string; domain: string } | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    const parsed = new URL(withScheme);
    const domain = parsed.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
    if (!domain.includes('.')) return null;
    const path = `${parsed.pathname}${parsed.search}`.replace(/\/+$/, '');
    return { url: `${domain}${path}`, domain };
  } catch {
    return null;
  }
}

/** An 18-character ID card number whose check digit is right (ISO 7064 MOD 11-2). */
export function isIdCardNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17];
}

/**
 * A mainland mobile number, alone: not a stretch of a longer run of digits
 * or letters (a bank card, an order number, an account name), nor joined to
 * one by a dash or a dot. Spaces and dashes may fall anywhere, as officers
 * type them; dots only as 3-4-4, since an IP address (139.224.144.55) is
 * eleven digits with dots too. A space before more digits is allowed: two
 * numbers are often listed with only a space between them.
 */
const phonePattern = /(?<![\w]|\d[.-])(?:(?:\+|00)?86[ -]?)?(?:1[3-9]\d(?:[ -]?\d){8}|1[3-9]\d\.\d{4}\.\d{4})(?![\w]|[.-]\d)/g;

/**
 * A mainland landline with its area code, alone as a mobile is (not in a
 * longer run of digits): 0916-2621234, (0916) 2621234, +86 29 8888 6666,
 * with an extension (-8001, 转8001) if one follows. Without an area code a
 * local number is only seven or eight digits, as many as an order number's
 * tail, and is not taken.
 */
const landlinePattern = /(?<![\w+]|\d[.-])((?:(?:\+|00)86[ -]?(?:\(0\))?|\(?0)(?:10|2\d|[3-9]\d\d)\)?[ -]?[2-9]\d{2,3}[ -]?\d{4})(?:(?:-|转|ext\.?)\d{1,6})?(?![\w]|[.-]\d)/gi;

/**
 * A platform's word (QQ, 微信, WeChat, weixin, wx, vx, 抖音, 快手, 支付宝), a word
 * naming its account (号, 账号, ID, account…), a colon (or 为, 是) or a space, and the
 * token after it, which {@link platformAccount} then judges. Latin words
 * count only as whole words ("wxyz12345" names no WeChat account). The
 * token is read in a lookahead, so that a refused one ("WeChat wx: kefu_1")
 * does not hide the platform word inside it.
 */
const accountPattern =
  /(?<![\w])(QQ|微信|WeChat|weixin|wx|vx|抖音|快手|支付宝)(?![A-Za-z])(?=((?:\s*(?:号码|號碼|号|號|账号|帐号|帳號|(?:ID|account|number)(?!\w)))?(\s*[:：为是]\s*|\s*)([A-Za-z0-9][-\w@.]*)))/gi;

const patterns = {
  url: /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s，。；、"'<>）)]*)?/gi,
  phone: phonePattern,
  landline: landlinePattern,
  idCard: /\b\d{17}[\dXx]\b/g,
  bankAccount: /\b\d{4}(?:[\s-]?\d{4}){2,3}(?:[\s-]?\d{1,3})?\b/g,
  account: accountPattern,
  // A name after the word that introduces one, ending where the text does or at a delimiter.
  name: /(?:姓名|户名|开户人|持卡人|收款人|机主|联系人|当事人|犯罪嫌疑人|嫌疑人)\s*[:：为是]?\s*([\u4e00-\u9fa5]{2,4})(?=[\s,，。；;:：、()（）\d]|$)/g,
  maskedPhone: /1[3-9]\d[*＊xX]{4}\d{4}/g,
  tail: /尾号\s*[:：为是]?\s*(\d{4})(?!\d)/g,
} as const;

/** What an account of each platform looks like; the platforms not named take 5–40 letters, digits and _-.@ (a Douyin ID, an Alipay e-mail). */
const accountShapes: Readonly<Record<string, RegExp>> = {
  // A QQ number: QQ's first numbers had five digits, today's have up to eleven.
  qq: /^[1-9]\d{4,10}$/,
  // A WeChat ID (微信号) as WeChat lets one be chosen: 6–20 characters, a letter first.
  微信: /^[A-Za-z][-\w]{5,19}$/,
  wechat: /^[A-Za-z][-\w]{5,19}$/,
  weixin: /^[A-Za-z][-\w]{5,19}$/,
  wx: /^[A-Za-z][-\w]{5,19}$/,
  vx: /^[A-Za-z][-\w]{5,19}$/,
};

/**
 * One key per platform however it is written: 微信, WeChat, weixin, wx and
 * vx (as posts spell it to dodge filters) are one WeChat, so that two
 * reports of one account that name the platform differently are linked.
 */
const platformKeys: Readonly<Record<string, string>> = { wechat: '微信', weixin: '微信', wx: '微信', vx: '微信' };
const otherAccountShape = /^[A-Za-z0-9][-\w@.]{4,39}$/;

/** The words that follow a platform's name in a sentence and are no account, whatever shape they have. */
const notAccounts = new Set(['account', 'accounts', 'chat', 'chats', 'friend', 'friends', 'group', 'groups', 'official', 'number', 'moments', 'contact', 'contacts', 'users', 'channel']);

/**
 * The account a platform's word introduces, as `platform:id`, or null when
 * the token after it is not one of that platform's. After a Latin platform
 * word, a token of letters only ("WeChat groups", "WeChat ID unknown") is
 * the next word of an English sentence, not an account, unless a colon
 * says it is one ("WeChat: zhangsan"); one with a digit or an underscore
 * ("WeChat kefu_2024") is an account. In Chinese text, Latin letters after
 * 微信 are the account.
 */
function platformAccount(word: string, separator: string, token: string): string | null {
  const platform = word.toLowerCase();
  const id = token.replace(/\.+$/, '');
  if (!(accountShapes[platform] ?? otherAccountShape).test(id) || notAccounts.has(id.toLowerCase())) return null;
  if (/^[A-Za-z]/.test(word) && !/[:：为是]/.test(separator) && !/[\d_]/.test(id)) return null;
  return `${platformKeys[platform] ?? platform}:${id.toLowerCase()}`;
}

/** The platforms an account is kept under (`platform:id`), one key each. */
const accountPlatforms = ['qq', '微信', '抖音', '快手', '支付宝'] as const;

/**
 * The accounts a search for one bare token may mean: an officer with a QQ
 * number or a WeChat ID in hand types it alone ("8998906721", not "QQ
 * 8998906721"), while a clue keeps it under the platform its text named.
 * One account per platform whose accounts look like the token; none for a
 * text of more than one token, or one that is a phone number, mobile or
 * landline (read as one).
 */
export function bareAccountsOf(text: string): Identifier[] {
  const token = halfWidth(text).trim();
  if (!otherAccountShape.test(token) || notAccounts.has(token.toLowerCase()) || extractIdentifiers(token).some((found) => found.kind === 'phone' || found.kind === 'landline')) return [];
  return accountPlatforms.filter((platform) => (accountShapes[platform] ?? otherAccountShape).test(token)).map((platform) => ({ kind: 'account', value: `${platform}:${token.toLowerCase()}` }));
}

/** Every identifier found in the text, normalised, each once. */
export function extractIdentifiers(text: string): Identifier[] {
  const source = halfWidth(text);
  const found = new Map<string, Identifier>();
  const add = (kind: IdentifierKind, value: string) => found.set(`${kind}:${value}`, { kind, value });

  for (const match of source.matchAll(patterns.idCard)) {
    const value = match[0].toUpperCase();
    if (isIdCardNumber(value)) add('idCard', value);
  }
  const cards = [...source.matchAll(patterns.bankAccount)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length, digits: match[0].replace(/[\s-]/g, '') }))
    .filter((card) => card.digits.length >= 16 && card.digits.length <= 19 && !isIdCardNumber(card.digits));
  const inACard = (match: RegExpExecArray) => cards.some((card) => match.index < card.end && card.start < match.index + match[0].length);
  for (const match of source.matchAll(patterns.phone)) {
    // A card written in groups of four may end in a phone's eleven digits after a space ("6222 0212 1381 2345 678").
    if (inACard(match)) continue;
    const phone = normalisePhone(match[0]);
    if (phone !== null) add('phone', phone);
  }
  for (const match of source.matchAll(patterns.landline)) {
    if (inACard(match)) continue;
    // The line without its extension (-8001, 转8001): one switchboard, one line.
    const landline = normaliseLandline(match[1] ?? '');
    if (landline !== null) add('landline', landline);
  }
  for (const card of cards) add('bankAccount', card.digits);
  let accountEnd = 0;
  for (const match of source.matchAll(patterns.account)) {
    const [, word, tail, separator, token] = match;
    // A platform's word inside an account already taken ("微信：qq12345678") introduces nothing.
    if (word === undefined || tail === undefined || separator === undefined || token === undefined || match.index < accountEnd) continue;
    const account = platformAccount(word, separator, token);
    if (account === null) continue;
    add('account', account);
    accountEnd = match.index + word.length + tail.length;
  }
  for (const match of source.matchAll(patterns.url)) {
    if (/^\d+(\.\d+)*$/.test(match[0])) continue;
    const normal = normaliseUrl(match[0]);
    if (normal === null) continue;
    add('domain', normal.domain);
    if (normal.url !== normal.domain) add('url', normal.url);
  }
  const names = new Set([...source.matchAll(patterns.name)].map((m) => m[1]).filter((n): n is string => n !== undefined));
  if (names.size > 0) {
    const partial = [...[...source.matchAll(patterns.maskedPhone)].map((m) => m[0].replace(/[*＊xX]/g, '*')), ...[...source.matchAll(patterns.tail)].map((m) => `*${m[1] ?? ''}`)];
    const others = [...[...found.values()].map((i) => i.value), ...partial];
    for (const name of names) for (const other of others) add('nameWith', `${name}|${other}`);
  }
  return [...found.values()];
}
