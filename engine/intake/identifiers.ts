/**
 * The identifiers clues share — phone numbers, bank accounts, URLs and
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
export const identifierKinds = ['phone', 'bankAccount', 'domain', 'url', 'account', 'idCard', 'nameWith'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export interface Identifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/** Full-width letters, digits and punctuation become their ASCII forms (NFKC), so "１３８" is "138". */
function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** A mainland mobile number from any common writing: +86, 0086, spaces, dashes. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s\-()（）]/g, '').replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
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

const patterns = {
  url: /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s，。；、"'<>）)]*)?/gi,
  phone: /(?:\+86|0086)?[\s-]?1[3-9]\d(?:[\s-]?\d){8}/g,
  idCard: /\b\d{17}[\dXx]\b/g,
  bankAccount: /\b\d{4}(?:[\s-]?\d{4}){2,3}(?:[\s-]?\d{1,3})?\b/g,
  account: /(?:QQ|qq|微信号?|wx|WeChat|抖音号?|快手号?|支付宝)\s*[:：]?\s*([A-Za-z0-9][-_A-Za-z0-9@.]{4,39})/g,
  // A name after the word that introduces one, ending where the text does or at a delimiter.
  name: /(?:姓名|户名|开户人|持卡人|收款人|机主|联系人|当事人|犯罪嫌疑人|嫌疑人)\s*[:：为是]?\s*([\u4e00-\u9fa5]{2,4})(?=[\s,，。；;:：、()（）\d]|$)/g,
  maskedPhone: /1[3-9]\d[*＊xX]{4}\d{4}/g,
  tail: /尾号\s*[:：为是]?\s*(\d{4})(?!\d)/g,
} as const;

/** Every identifier found in the text, normalised, each once. */
export function extractIdentifiers(text: string): Identifier[] {
  const source = halfWidth(text);
  const found = new Map<string, Identifier>();
  const add = (kind: IdentifierKind, value: string) => found.set(`${kind}:${value}`, { kind, value });

  for (const match of source.matchAll(patterns.idCard)) {
    const value = match[0].toUpperCase();
    if (isIdCardNumber(value)) add('idCard', value);
  }
  for (const match of source.matchAll(patterns.phone)) {
    const phone = normalisePhone(match[0]);
    if (phone !== null) add('phone', phone);
  }
  for (const match of source.matchAll(patterns.bankAccount)) {
    const digits = match[0].replace(/[\s-]/g, '');
    if (digits.length >= 16 && digits.length <= 19 && !isIdCardNumber(digits) && normalisePhone(digits) === null) add('bankAccount', digits);
  }
  for (const match of source.matchAll(patterns.account)) {
    const platform = match[0].toLowerCase().startsWith('qq') ? 'qq' : match[0].replace(/[\s:：].*$/, '').replace(/号$/, '').toLowerCase();
    const id = match[1];
    if (id !== undefined) add('account', `${platform}:${id.toLowerCase()}`);
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
