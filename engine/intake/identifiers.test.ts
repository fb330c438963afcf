import { describe, expect, it } from 'vitest';
import { extractIdentifiers, isIdCardNumber, normalisePhone, normaliseUrl } from './identifiers';

const kinds = (text: string, kind: string) => extractIdentifiers(text).filter((i) => i.kind === kind).map((i) => i.value);

describe('identifiers shared by clues', () => {
  it('normalises phone numbers written any common way, full-width digits included', () => {
    for (const written of ['13812345678', '+86 138 1234 5678', '0086-138-1234-5678', '138-1234-5678', '１３８１２３４５６７８']) {
      expect(kinds(`联系电话${written}，`, 'phone'), written).toEqual(['13812345678']);
    }
    expect(normalisePhone('12345678901')).toBeNull();
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
