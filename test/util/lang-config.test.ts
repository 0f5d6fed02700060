import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { displayWidth, languageOfTexts, smsLength, writerLanguageOf } from '../../src/util/script.js';

describe('--lang and SEGMENTA_LANG', () => {
  it('reads the flag over the variable, accepts regional forms, and is unset by default', () => {
    expect(loadConfig({}, {}).lang).toBeUndefined();
    expect(loadConfig({}, { SEGMENTA_LANG: 'zh-CN' }).lang).toBe('zh');
    expect(loadConfig({ lang: 'en' }, { SEGMENTA_LANG: 'zh' }).lang).toBe('en');
  });

  it('an unknown code is one line naming the setting and the supported codes', () => {
    expect(() => loadConfig({ lang: 'fr' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ lang: 'fr' }, {})).toThrow(/^--lang "fr" is not a language segmenta writes; supported: en, zh/);
    expect(() => loadConfig({}, { SEGMENTA_LANG: 'xx' })).toThrow(/^SEGMENTA_LANG "xx".*SEGMENTA_LANG=zh/);
  });
});

describe('script detection', () => {
  it('tells Chinese, Japanese and English text apart, and defaults the writer to English', () => {
    expect(languageOfTexts(['物流很快，包装完好', '会员福利不错 iPhone'])).toBe('zh');
    expect(languageOfTexts(['配送が早かったです'])).toBe('ja');
    expect(languageOfTexts(['fast delivery'])).toBe('en');
    expect(writerLanguageOf(['物流很快'])).toBe('zh');
    expect(writerLanguageOf(['配送が早かったです'])).toBe('en');
    expect(writerLanguageOf([], ['数码家电', '服饰鞋包'])).toBe('zh');
    expect(writerLanguageOf([''])).toBe('en');
  });

  it('measures display width and SMS encoding the way mail clients and carriers do', () => {
    expect(displayWidth('会员日')).toBe(6);
    expect(displayWidth('VIP 会员')).toBe(8);
    expect(smsLength('Hi, 20% off today!')).toEqual({ encoding: 'GSM-7', units: 18, limit: 160 });
    expect(smsLength('会员专享9折')).toEqual({ encoding: 'UCS-2', units: 6, limit: 70 });
    // One character outside GSM-7 (a curly apostrophe) turns the whole message into UCS-2.
    expect(smsLength('It’s here').encoding).toBe('UCS-2');
    expect(smsLength('{x}').units).toBe(5);
  });
});
