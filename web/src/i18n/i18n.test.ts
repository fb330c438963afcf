import { afterEach, describe, expect, it } from 'vitest';
import { aside, colon, sentences, series, setLang } from './i18n';

describe('punctuation between words, in the language shown', () => {
  afterEach(() => setLang('zh'));

  it('is Chinese punctuation in Chinese', () => {
    setLang('zh');
    expect(`筛选条件${colon()}${series(['汉台分局', '南郑分局'])}`).toBe('筛选条件：汉台分局、南郑分局');
    expect(`孙七${aside('sun.qi')}`).toBe('孙七（sun.qi）');
    expect(sentences(['推送已开启。', '待推送 2 条。'])).toBe('推送已开启。待推送 2 条。');
  });

  it('is English punctuation in English, not the full-width forms', () => {
    setLang('en');
    expect(`Filters${colon()}${series(['Hantai', 'Nanzheng'])}`).toBe('Filters: Hantai, Nanzheng');
    expect(`Sun Qi${aside('sun.qi')}`).toBe('Sun Qi (sun.qi)');
    // The settings' webhook line ran "1 waiting to be delivered.1 of them failed" together.
    expect(sentences(['Deliveries are on.', '1 waiting to be delivered.', ''])).toBe('Deliveries are on. 1 waiting to be delivered. ');
  });
});
