import { describe, expect, it } from 'vitest';
import { bareAccountsOf, extractIdentifiers, isIdCardNumber, normaliseLandline, normalisePhone, normaliseUrl } from './identifiers';

const kinds = (text: string, kind: string) => extractIdentifiers(text).filter((i) => i.kind === kind).map((i) => i.value);

describe('identifiers shared by clues', () => {
  it('normalises phone numbers written any common way, full-width digits included', () => {
    for (const written of ['13812345678', '+86 138 1234 5678', '0086-138-1234-5678', '138-1234-5678', '１３８１２３４５６７８']) {
      expect(kinds(`联系电话${written}，`, 'phone'), written).toEqual(['13812345678']);
    }
    expect(normalisePhone('12345678901')).toBeNull();
  });

  it('normalises landline numbers written any common way to their area code and local number', () => {
    for (const written of ['0916-2621234', '0916 2621234', '09162621234', '(0916)2621234', '（０９１６）２６２１２３４', '+86 916 2621234', '0086-916-2621234', '+86 (0)916 2621234', '0916-2621234-8001', '0916-2621234转8001']) {
      expect(kinds(`值班电话${written}，`, 'landline'), written).toEqual(['0916-2621234']);
    }
    expect(kinds('举报电话 029-8888 6666 或 010-88886666', 'landline').sort()).toEqual(['010-88886666', '029-88886666']);
    expect(kinds('Call 0755-86013388 (switchboard).', 'landline')).toEqual(['0755-86013388']);
    // A 2-digit area code's local numbers have eight digits; a local number begins with 2–9.
    expect(normaliseLandline('029-8888666')).toBeNull();
    expect(normaliseLandline('0916-1621234')).toBeNull();
    expect(normaliseLandline('0916-26212345')).toBe('0916-26212345');
    // A mobile is no landline, nor is a landline a mobile.
    expect(kinds('手机13812345678', 'landline')).toEqual([]);
    expect(kinds('座机0916-2621234', 'phone')).toEqual([]);
  });

  it('finds no landline inside a longer run of digits, a date or without its area code', () => {
    expect(kinds('订单号 20260916262123456', 'landline')).toEqual([]);
    expect(kinds('流水号A09162621234', 'landline')).toEqual([]);
    expect(kinds('2026-0916-2621234', 'landline')).toEqual([]);
    expect(kinds('卡号 0916 2621 2345 6789', 'landline')).toEqual([]);
    expect(kinds('电话 2621234', 'landline')).toEqual([]);
    expect(kinds('编号 0916-2621234-1234567', 'landline')).toEqual([]);
  });

  it('normalises URLs and domains: case, www., scheme and trailing slashes', () => {
    expect(normaliseUrl('HTTPS://WWW.Example.COM/Loan/')).toEqual({ url: 'example.com/Loan', domain: 'example.com' });
    expect(kinds('网址 http://www.kuaidai.cn/app/ 与 kuaidai.cn', 'domain')).toEqual(['kuaidai.cn']);
    expect(kinds('见 https://kuaidai.cn/app', 'url')).toEqual(['kuaidai.cn/app']);
  });

  it('finds bank accounts but not phone or ID numbers among long digit runs', () => {
    expect(kinds('收款卡号 6222 0212 3456 7890 123', 'bankAccount')).toEqual(['6222021234567890123']);
    expect(kinds('身份证 11010519491231002X', 'bankAccount')).toEqual([]);
  });

  it('checks ID card numbers by their check digit', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('110105194912310021')).toBe(false);
    expect(kinds('嫌疑人身份证号11010519491231002x', 'idCard')).toEqual(['11010519491231002X']);
  });

  it('keys platform accounts by platform', () => {
    expect(kinds('QQ：123456789，微信号: Loan_King88', 'account').sort()).toEqual(['qq:123456789', '微信:loan_king88']);
  });

  it('counts a name only together with another identifier, masked ones included', () => {
    const pairs = (text: string) => extractIdentifiers(text).filter((i) => i.kind === 'nameWith').map((i) => i.value);
    expect(pairs('嫌疑人张三（男），手机 138****1111')).toEqual(['张三|138****1111']);
    expect(pairs('收款人：李四，银行卡尾号 5678')).toEqual(['李四|*5678']);
    expect(pairs('户名：王五，卡号 6222 0212 3456 7890 123')).toEqual(['王五|6222021234567890123']);
    // A name with nothing beside it, or a name not introduced as one, is no identifier.
    expect(pairs('嫌疑人张三（男），住汉台区')).toEqual([]);
    expect(pairs('张三 138****1111')).toEqual([]);
    // Only a name that ends at a delimiter is taken: a sentence running on is not a name.
    expect(pairs('嫌疑人张三在汉台区活动，尾号1111')).toEqual([]);
    // The same person written in two reports, one masked the other way round, meet on the masked form.
    const a = pairs('机主：赵六，电话138＊＊＊＊2222');
    const b = pairs('联系人赵六，138****2222');
    expect(a).toEqual(b);
  });
});

describe('identifiers that are not there', () => {
  const accounts = (text: string) => kinds(text, 'account').sort();

  it('reads no account from the English word that follows a platform', () => {
    expect(accounts('The loan app was promoted in WeChat groups and QQ chats.')).toEqual([]);
    expect(accounts('He asked for her WeChat account, then added WeChat friends.')).toEqual([]);
    expect(accounts('See the WeChat official account; QQ group number unknown; WeChat ID unknown.')).toEqual([]);
    // Two unrelated clues that both say "WeChat groups" share nothing.
    expect(extractIdentifiers('Fake investment tips spread in WeChat groups')).toEqual([]);
  });

  it('reads no account from a platform word inside a longer word', () => {
    expect(accounts('用户名wxyz12345')).toEqual([]);
    expect(accounts('qqmusic123 与 sqq12345')).toEqual([]);
  });

  it('takes an account only when it has the platform’s shape', () => {
    // A QQ number is 5 to 11 digits; a WeChat ID 6 to 20 characters from a letter.
    expect(accounts('QQ：1234，QQ：123456789012')).toEqual([]);
    expect(accounts('微信：ab12，微信号：8zhang_san，微信号：abcdefghij_klmnopqrstu')).toEqual([]);
  });

  it('finds no phone number inside a longer run of digits', () => {
    expect(kinds('收款卡号6217000011112222333', 'phone')).toEqual([]);
    expect(kinds('Order number 20261213800138000123', 'phone')).toEqual([]);
    expect(kinds('订单号20261213800138000123，流水号913800138000', 'phone')).toEqual([]);
    expect(kinds('账号 6222 0213 8123 4567 891', 'phone')).toEqual([]);
    expect(kinds('ID 130102199001011237', 'phone')).toEqual([]);
    expect(kinds('商户号 A13800138000 与 13800138000B', 'phone')).toEqual([]);
    expect(kinds('编号 0916-13922334455-01', 'phone')).toEqual([]);
    // A 19-digit card in groups of four ends in eleven digits after a space.
    expect(kinds('卡号 6222 0212 1381 2345 678', 'phone')).toEqual([]);
  });

  it('keeps finding bank cards and ID numbers as themselves', () => {
    expect(kinds('收款卡号6217000011112222333', 'bankAccount')).toEqual(['6217000011112222333']);
    expect(kinds('账号 6222 0213 8123 4567 891', 'bankAccount')).toEqual(['6222021381234567891']);
    expect(kinds('身份证号130102199001011237', 'idCard')).toEqual(['130102199001011237']);
  });
});

describe('identifiers that are there', () => {
  const accounts = (text: string) => kinds(text, 'account').sort();

  it('finds accounts as the bureau’s clues write them', () => {
    expect(accounts('微信号：wxid_abc123')).toEqual(['微信:wxid_abc123']);
    expect(accounts('加微信 zhangsan_88 联系')).toEqual(['微信:zhangsan_88']);
    expect(accounts('QQ：3794637070，')).toEqual(['qq:3794637070']);
    expect(accounts('QQ号 123456')).toEqual(['qq:123456']);
    expect(accounts('QQ号码：10001，qq12345678')).toEqual(['qq:10001', 'qq:12345678']);
    expect(accounts('QQ号为123456789，微信号是zhang_san88')).toEqual(['qq:123456789', '微信:zhang_san88']);
    expect(accounts('QQ群：12345678，微信群 kefu_group1')).toEqual([]);
    expect(accounts('微信号：daikuan_1234。')).toEqual(['微信:daikuan_1234']);
    expect(accounts('抖音号：dy_kuaidai88，快手号 ks123456789')).toEqual(['快手:ks123456789', '抖音:dy_kuaidai88']);
    expect(accounts('支付宝账号：pay.king@163.com')).toEqual(['支付宝:pay.king@163.com']);
  });

  it('finds accounts written in English when they are named as one', () => {
    expect(accounts('Contact on WeChat: zhang_san88.')).toEqual(['微信:zhang_san88']);
    expect(accounts('WeChat ID: zhangsan, QQ 88776655')).toEqual(['qq:88776655', '微信:zhangsan']);
    expect(accounts('His WeChat account: loanking and wx: kefu_007')).toEqual(['微信:kefu_007', '微信:loanking']);
    expect(accounts('add WeChat kefu_2024 today')).toEqual(['微信:kefu_2024']);
    // A refused token does not hide the platform word inside it; an account taken does.
    expect(accounts('WeChat wx: kefu_007')).toEqual(['微信:kefu_007']);
    expect(accounts('微信：qq12345678')).toEqual(['微信:qq12345678']);
  });

  it('finds phone numbers beside words, between other numbers and written with dots', () => {
    expect(kinds('电话13812345678、13912345678', 'phone').sort()).toEqual(['13812345678', '13912345678']);
    expect(kinds('电话 13812345678 13912345678', 'phone').sort()).toEqual(['13812345678', '13912345678']);
    expect(kinds('Tel: +86 139-2233-4455.', 'phone')).toEqual(['13922334455']);
    expect(kinds('手机139.2233.4455', 'phone')).toEqual(['13922334455']);
    expect(kinds('call 8613922334455 now', 'phone')).toEqual(['13922334455']);
    expect(kinds('微信号13922334455', 'phone')).toEqual(['13922334455']);
    expect(kinds('Tel.13922334455', 'phone')).toEqual(['13922334455']);
    expect(kinds('13922334455@163.com', 'phone')).toEqual(['13922334455']);
  });

  it('finds no phone in an IP address', () => {
    expect(kinds('登录地址 http://139.224.144.55/login', 'phone')).toEqual([]);
  });

  it('keys one WeChat account the same however the platform is written, so two reports of it are linked', () => {
    const key = ['微信：qadupe7788', '微信号 qadupe7788', 'wx: qadupe7788', 'WeChat: qadupe7788', 'weixin: qadupe7788', 'vx：qadupe7788'].map(accounts);
    expect(key).toEqual(Array.from({ length: 6 }, () => ['微信:qadupe7788']));
  });
});

describe('an account searched for alone', () => {
  it('may be of any platform whose accounts look like it: a QQ number is also a Douyin or Alipay ID, a WeChat ID not a QQ number', () => {
    expect(bareAccountsOf('8998906721').map((found) => found.value)).toEqual(['qq:8998906721', '抖音:8998906721', '快手:8998906721', '支付宝:8998906721']);
    expect(bareAccountsOf(' YiJie_Kefu8 ').map((found) => found.value)).toEqual(['微信:yijie_kefu8', '抖音:yijie_kefu8', '快手:yijie_kefu8', '支付宝:yijie_kefu8']);
    expect(bareAccountsOf('１２３４５６７').map((found) => found.value)).toContain('qq:1234567');
  });

  it('is none for a landline, found as one', () => {
    expect(bareAccountsOf('09162621234')).toEqual([]);
  });

  it('is none for a phone number (found as one), more than one word, a word of English or a token too short', () => {
    expect(bareAccountsOf('13922334455')).toEqual([]);
    expect(bareAccountsOf('QQ 8998906721')).toEqual([]);
    expect(bareAccountsOf('groups')).toEqual([]);
    expect(bareAccountsOf('1234')).toEqual([]);
  });
});
