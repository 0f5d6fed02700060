import { describe, expect, it } from 'vitest';
import { joinTerm, phraseTerms, terms, tokenize, words } from '../../src/util/tokenize.js';

describe('tokenize: languages written without spaces', () => {
  it('cuts Chinese into words, drops particles and pronouns, keeps one-character words and negations', () => {
    expect(tokenize('这家店的会员福利真不错，物流也很快！')).toEqual(['家', '店', '会员', '福利', '真', '不错', '物流', '很快']);
    expect(tokenize('我在等下一次大促')).toEqual(['等', '下', '大', '促']);
    expect(tokenize('质量不好，不会再买')).toEqual(['质量', '不好', '不会', '买']);
  });

  it('cuts Japanese into words and drops particles, auxiliaries and lone kana', () => {
    expect(tokenize('今日は天気がいいですね。配送が早かった')).toEqual(['今日', '天気', 'いい', '配送', '早']);
  });

  it('handles a mixed English/Chinese column: English words whole, Chinese segmented, stop words of both dropped', () => {
    expect(tokenize('The app 很好用, fast delivery 物流快')).toEqual(['app', '很好', '用', 'fast', 'delivery', '物流', '快']);
    expect(tokenize('我的order到了, the box was damaged')).toEqual(['order', '到了', 'box', 'damaged']);
  });

  it('joins Chinese bigrams without a space and other bigrams with one', () => {
    expect(joinTerm('会员', '福利')).toBe('会员福利');
    expect(joinTerm('fast', 'delivery')).toBe('fast delivery');
    expect(joinTerm('app', '很好')).toBe('app 很好');
    expect(terms('会员福利', { cjk: 'words' })).toEqual(['会员', '福利', '会员福利']);
    // The text block's default: character bigrams (measured better, see EMBED_CJK), then their joins.
    expect(terms('物流很快')).toEqual(['物流', '流很', '很快', '物流流很', '流很很快']);
  });

  it('character bigrams, the measured alternative, pair the Han characters and leave Latin words whole', () => {
    expect(tokenize('物流很快 app', { cjk: 'bigrams' })).toEqual(['物流', '流很', '很快', 'app']);
  });

  it('Thai is segmented too', () => {
    expect(words('ภาษาไทยง่ายมาก')).toEqual(['ภาษา', 'ไทย', 'ง่าย', 'มาก']);
  });
});

describe('phraseTerms (the terms people are shown)', () => {
  it('does not form a bigram across Chinese punctuation or a stop word', () => {
    expect(phraseTerms('会员福利很好，物流快')).toEqual(['会员', '福利', '会员福利', '很好', '福利很好', '物流', '快', '物流快']);
    expect(phraseTerms('物流的速度')).toEqual(['物流', '速度']);
  });

  it('keeps the English behaviour: stop words and numbers dropped, placeholders break phrases', () => {
    expect(phraseTerms('The delivery was really fast, great price!')).toEqual(['delivery', 'fast', 'great', 'price', 'great price']);
    expect(phraseTerms('mail [email] or call [phone] about order 12345')).toEqual(['mail', 'call', 'order']);
  });
});
