import { z } from 'zod';
import { maxNesting, tooDeep } from './nesting';
import { moreThanCaught } from './outcome';
import { directionControl, notParagraphs, onlyInvisible } from './visible-text';
import { campaignEndsBeforeItStarts, unknownTimeZone } from './deadlines/local-time';
import { clueStates } from './clue/clue.model';
import { notAState } from './item/no-such-move';
import { tickAState } from './campaign/exit-criteria';
import { problemStates } from './problem/problem.model';

/**
 * Plain Chinese for a shape error, as an officer reads it next to a field:
 * "不能小于 1", not zod's generic "数值过小：期望 number >=1". Returns
 * undefined where there is nothing better to say than zod's own locale.
 */

/** The schemas' own (English) messages, in Chinese. A schema's message wins over any locale, so it is translated here. */
const customMessages: Record<string, string> = {
  'lower-case letters, digits, dot, dash and underscore only': '只能使用小写字母、数字、点、短横线和下划线',
  'lower-case letters, digits, dash and underscore only': '只能使用小写字母、数字、短横线和下划线',
  'a date as YYYY-MM-DD': '日期格式应为 YYYY-MM-DD（如 2026-03-31）',
  'the window ends before it starts': '结束日期早于开始日期',
  [campaignEndsBeforeItStarts]: '结束日期早于开始日期',
  'the span ends before it starts': '截止时间早于起始时间',
  'a phase or a span (from, to), not both': '请选择阶段或时间段（from、to）之一，不能同时指定',
  'not a calendar date': '不是有效的日期',
  'a date and time as YYYY-MM-DDTHH:MM': '时间格式应为 YYYY-MM-DDTHH:MM（如 2026-03-31T08:00）',
  'phase, whole or range': '应为 phase（按阶段）、whole（全程）或 range（按时间段）',
  'open (open clues), solveRate (solve rate) or overdue (overdue clues)': '应为 open（在办线索）、solveRate（破案率）或 overdue（超期线索）',
  'no such phase': '没有这个阶段',
  'give either to (a state) or event (assign, transfer, extend, requestExtension), not both': '请指定目标状态（to）或变更（event：分派、移交、延期、申请延期）之一，不能同时指定',
  'the same item twice in one batch': '同一事项在一次批量处理中出现了两次',
  'an http:// or https:// address': '应为 http:// 或 https:// 开头的地址',
  'a number, or none': '应为数字，或 none（无）',
  [tooDeep]: `嵌套不能超过 ${maxNesting} 层`,
  'one line, without control characters': '只能是一行文字，不能含换行或控制字符',
  [notParagraphs]: '不能含控制字符（换行和制表符除外）',
  'Nothing to change': '没有要修改的内容',
  'choose a unit': '请选择单位',
  [tickAState]: '请至少勾选一个状态',
  [moreThanCaught]: '不能多于抓获犯罪嫌疑人数',
  [onlyInvisible]: '不能只有看不见的字符',
  [directionControl]: '不能含改变文字方向的控制字符（U+202A 至 U+202E、U+2066 至 U+2069）：它们让文字倒着显示',
  [unknownTimeZone]: '不是可识别的时区：请填 IANA 时区名，如 Asia/Shanghai',
  'a whole number from 1, in digits': '应为从 1 起的整数（只用数字）',
  [notAState]: `应为一个状态：${clueStates.join(', ')}（线索）；${problemStates.join(', ')}（问题）`,
};

const typeNames: Record<string, string> = {
  number: '数字',
  int: '整数',
  bigint: '整数',
  string: '文本',
  boolean: '是或否',
  array: '列表',
  tuple: '列表',
  object: '对象',
  record: '对象',
  date: '日期',
};

const formatNames: Record<string, string> = {
  email: '邮箱格式不正确',
  url: '网址格式不正确',
  date: '日期格式应为 YYYY-MM-DD（如 2026-03-31）',
  datetime: '时间格式应为 ISO 8601（如 2026-03-31T08:00:00Z）',
  time: '时间格式应为 HH:MM',
  uuid: '编号格式不正确',
};

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** An absent field: zod reports it as the wrong type with nothing received. */
function isMissing(issue: Issue): boolean {
  if ('input' in issue) return issue.input === undefined;
  return typeof issue.message === 'string' && issue.message.endsWith('received undefined');
}

/** A bound as a message says it: a day as YYYY-MM-DD, a large number with its thousands grouped (1,000,000,000,000, not 13 digits to count). */
function bound(value: number | bigint | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value >= 100_000 || value <= -100_000 ? value.toLocaleString('en-US') : String(value);
}

export function zhIssueText(issue: Issue): string | undefined {
  const custom = typeof issue.message === 'string' ? customMessages[issue.message] : undefined;
  if (custom !== undefined) return custom;
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return '必填';
      return `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      if (issue.origin === 'date') return `不能早于 ${min}`;
      return issue.inclusive === false ? `须大于 ${min}` : `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin === 'string') return `最多 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      if (issue.origin === 'date') return `不能晚于 ${max}`;
      if (issue.origin === 'file') return '文件过大';
      return issue.inclusive === false ? `须小于 ${max}` : `不能大于 ${max}`;
    }
    case 'invalid_format':
      return formatNames[issue.format] ?? '格式不正确';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? '应为整数' : `须为 ${String(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '格式不正确';
    default:
      return undefined;
  }
}

const enTypeNames: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  string: 'text',
  boolean: 'yes or no',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  date: 'a date',
};

const enFormatNames: Record<string, string> = {
  email: 'Not a valid email address',
  url: 'Not a valid web address',
  date: 'A date as YYYY-MM-DD (e.g. 2026-03-31)',
  datetime: 'A time in ISO 8601 (e.g. 2026-03-31T08:00:00Z)',
  time: 'A time as HH:MM',
  uuid: 'Not a valid identifier',
};

const zodEnglish = z.locales.en();

/**
 * True when the issue's message is zod's own English, not one the schema
 * wrote. A type error's names the value received, which zod drops from the
 * issue once worded, so that one is known by its opening words.
 */
function zodWorded(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_type') return issue.message.startsWith('Invalid input: expected ');
  const text = zodEnglish.localeError(issue as unknown as Parameters<typeof zodEnglish.localeError>[0]);
  return issue.message === (typeof text === 'string' ? text : text?.message);
}

const plural = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;

/**
 * A schema's own message as a field's message starts: with a capital. The
 * schemas write theirs as phrases ("lower-case letters, digits…", "an
 * IANA time zone name…"), which read as cut off under a field beside the
 * plain English of the others ("Must not be empty").
 */
const sentence = (text: string): string => text.replace(/^[a-z]/, (first) => first.toUpperCase());

/**
 * The same in plain English: "Must be 1 or more", not zod's "Too small:
 * expected number to be >=1". A message the schema wrote itself is kept,
 * with a capital ({@link sentence}); undefined where there is nothing
 * plainer to say than zod's words.
 */
export function enIssueText(issue: z.core.$ZodIssue): string | undefined {
  if (!zodWorded(issue)) return sentence(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return 'Required';
      return `Must be ${enTypeNames[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Must not be empty' : `At least ${plural(min, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At least ${plural(min, 'item', 'items')}`;
      if (issue.origin === 'date') return `Not before ${min}`;
      return issue.inclusive === false ? `Must be more than ${min}` : `Must be ${min} or more`;
    }
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin === 'string') return `At most ${plural(max, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${plural(max, 'item', 'items')}`;
      if (issue.origin === 'date') return `Not after ${max}`;
      if (issue.origin === 'file') return 'File too large';
      return issue.inclusive === false ? `Must be less than ${max}` : `Must be ${max} or less`;
    }
    case 'invalid_format':
      return enFormatNames[issue.format] ?? 'Not in the expected format';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? 'Must be a whole number' : `Must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'Not in the expected format';
    default:
      return undefined;
  }
}
