import { createHash } from 'node:crypto';
import type { AttachPayload } from '../../engine/item/attachments';
import type { Random } from './random';

/** A file the demo's people attach to an item: its name, type and text (UTF-8; a CSV with a byte-order mark, so that Excel reads it as UTF-8). */
export interface DemoFileContent {
  readonly name: string;
  readonly mediaType: string;
  readonly text: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A bank card number of the demo's own (62 + 17 digits: the test data's accounts start otherwise). */
const card = (random: Random) => `62${Array.from({ length: 17 }, () => random.int(0, 9)).join('')}`;

/** A transfer record pulled from a bank: the flow of money a verifying officer follows (转账记录). */
function transfers(random: Random, at: Date): DemoFileContent {
  const payer = card(random);
  // Transfers over the weeks before it was pulled, oldest first, as a bank's statement lists them.
  const rows = Array.from({ length: random.int(4, 12) }, () => ({
    when: new Date(at.getTime() - random.int(1, 40) * 86_400_000 - random.int(0, 86_399) * 1_000),
    to: card(random),
    yuan: random.int(2, 500) * 100,
    note: random.pick(['转账', '还款', '服务费', '保证金', '解冻费']),
  }))
    .sort((a, b) => a.when.getTime() - b.when.getTime())
    .map(({ when: instant, to, yuan, note }) => {
      // On the bank's clock: Beijing time, as the campaign's.
      const when = new Date(instant.getTime() + 8 * 3_600_000);
      const stamp = `${when.getUTCFullYear()}-${two(when.getUTCMonth() + 1)}-${two(when.getUTCDate())} ${two(when.getUTCHours())}:${two(when.getUTCMinutes())}`;
      return [stamp, payer, to, yuan.toFixed(2), note].join(',');
    });
  const bank = random.pick(['工商银行', '建设银行', '农业银行', '中国银行', '邮储银行', '农村信用社']);
  return { name: `转账记录（${bank}）.csv`, mediaType: 'text/csv', text: `\ufeff交易时间,付款账户,收款账户,金额（元）,摘要\r\n${rows.join('\r\n')}\r\n` };
}

/** A statement taken from a witness or suspect (询问笔录), in outline. */
function statement(random: Random, title: string): DemoFileContent {
  const who = random.pick(['举报人', '被害人', '证人', '犯罪嫌疑人']);
  const lines = [
    `询问笔录（摘要）`,
    `案由：${title.replace(/线索$/, '')}`,
    `被询问人身份：${who}`,
    `问：你因何事到公安机关？`,
    who === '犯罪嫌疑人' ? '答：我在网上帮人收款、转账，按流水抽成。' : `答：我${random.pick(['在网上借款后被暴力催收', '被拉进群里刷单后被骗', '被人在网上发帖辱骂恐吓', '遭人以曝光隐私相要挟索要钱财'])}，前来报案。`,
    `问：涉及的账号、电话还记得吗？`,
    `答：有聊天记录和转账截图，已提交给民警。`,
    `（以下略）`,
  ];
  return { name: `询问笔录（${who}）.txt`, mediaType: 'text/plain', text: `${lines.join('\r\n')}\r\n` };
}

/** A rectification report a platform or unit sends back (整改报告). */
function rectificationReport(random: Random, title: string): DemoFileContent {
  const lines = [
    `整改情况报告`,
    `事项：${title}`,
    `一、已下架违规内容 ${random.int(3, 120)} 条，关停违规账号 ${random.int(0, 40)} 个；`,
    `二、已完善实名注册和内容审核制度，明确专人负责投诉处置；`,
    `三、已建立与属地公安机关的线索移交和通报机制。`,
    `特此报告。`,
  ];
  return { name: '整改报告.txt', mediaType: 'text/plain', text: `${lines.join('\r\n')}\r\n` };
}

/**
 * The file attached to an item in a given state, if that state is one
 * where the demo's people attach one: a transfer record while a clue is
 * verified, a statement once it is filed, a report while a problem is
 * rectified.
 */
export function demoFile(random: Random, kind: 'clue' | 'problem', state: string, title: string, at: Date): DemoFileContent | null {
  if (kind === 'clue') {
    if (state === 'verifying') return transfers(random, at);
    if (state === 'filed' || state === 'solved') return statement(random, title);
    return null;
  }
  return state === 'rectifying' || state === 'rectified' ? rectificationReport(random, title) : null;
}

/** The attach request for a file stored under `attachmentId`: its bytes (UTF-8) and their hash, as the server's upload records them. */
export function attachRequest(kind: 'clue' | 'problem', attachmentId: number, file: DemoFileContent) {
  const content = new TextEncoder().encode(file.text);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const payload: AttachPayload = { attachmentId, name: file.name, mediaType: file.mediaType, size: content.byteLength, sha256 };
  return { request: { event: `${kind}.attach`, payload } as const, content, sha256 };
}
