/**
 * Stop words per language, in two strengths:
 * - FUNCTION_WORDS: grammar only, for the text block (a term there only has to help separate
 *   groups, so little is thrown away). Negations are kept (not, no, 不, 没, ない): in reviews
 *   they carry meaning.
 * - DISPLAY_STOP_WORDS: also the fillers of short reviews ("really", "真的"), for terms shown
 *   to people (c-TF-IDF would otherwise rank them for whichever segment writes the most).
 * The tokenizer checks a token against the union of all languages: the lists are in different
 * scripts, so they never collide, and a mixed English/Chinese column needs no language guess.
 */
export type StopWordLanguage = 'en' | 'zh' | 'ja';

const list = (s: string) => s.split(/\s+/).filter(Boolean);

const EN_FUNCTION = list(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they
  this those through to too under until up very was we were what when where which while who whom why will with would
  you your yours yourself yourselves im ive id ill its thats theres also get got one really much even us`,
);

/** Close to scikit-learn's list (which BERTopic's vectorizer uses) plus review fillers. */
const EN_DISPLAY = list(
  `a about above across after afterwards again against all almost alone along already also although always am among
  amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become
  becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
  could did do does doing done down due during each eg either else elsewhere enough etc even ever every everyone
  everything everywhere except few for former formerly from further get gets getting got had has have having he
  hence her here hereafter hereby herein hereupon hers herself him himself his how however i ie if in indeed into is
  it its itself just keep last latter latterly least less let like ltd made make many may me meanwhile might mine
  more moreover most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not
  nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
  per perhaps please put quite rather re really same see seem seemed seeming seems several she should since so some
  somehow someone something sometime sometimes somewhere still such than that the their theirs them themselves then
  thence there thereafter thereby therefore therein thereupon these they thing things this those though through
  throughout thru thus to together too toward towards under until up upon us very via was we well were what whatever
  when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
  whoever whole whom whose why will with within without would yet you your yours yourself yourselves
  im ive id dont didnt doesnt isnt wasnt arent cant couldnt wont wouldnt shouldnt youre theyre thats theres
  lot lots bit pretty definitely actually basically overall ok okay yes yeah oh anyway`,
);

// Chinese: particles, pronouns, measure words and adverbs as Intl.Segmenter (ICU's dictionary)
// cuts them. 不/没 (negation) stay out of the list.
const ZH_FUNCTION = list(
  `的 了 着 过 地 得 之 是 在 和 与 及 或 而 也 都 就 还 又 再 才 只 把 被 给 让 对 从 到 为 以 于 向 跟 同 比
  我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们 自己 这 那 这个 那个 这些 那些 这里 那里 这样 那样 这么 那么
  哪 哪里 什么 怎么 个 些 一 一个 一些 一下 一点 一次 有 没有 吗 呢 吧 啊 呀 哦 嗯 啦 哈 嘛 么 很 太 挺 更 最
  每 各 其 该 此 所 如果 但是 但 可是 因为 所以 然后 而且 虽然 或者 还是 已经 可以 能 会 要 想 我在 在这 我的 你的 您的 他的 她的 它的 我们的 你们的 他们的 的话`,
);
const ZH_DISPLAY = [...ZH_FUNCTION, ...list(`不 没 真 真的 非常 特别 比较 有点 其实 感觉 觉得 东西 总之 反正 还行 一般 不过 就是 然后 确实 好像`)];

// Japanese: particles, auxiliaries and inflection pieces (ICU splits 早かった into 早|か|っ|た).
const JA_FUNCTION = list(
  `の は が を に で と も へ や か ね よ な だ た て で です ます でし まし ませ ん する した して され ある いる いた
  こと もの これ それ あれ この その あの ここ そこ 私 僕 わたし 彼 彼女 から まで より など って けど けれど
  でも また そして しかし なる なっ`,
);
const JA_DISPLAY = [...JA_FUNCTION, ...list(`ない とても すごく 本当 ちょっと かなり`)];

export const FUNCTION_WORDS: Record<StopWordLanguage, ReadonlySet<string>> = {
  en: new Set(EN_FUNCTION),
  zh: new Set(ZH_FUNCTION),
  ja: new Set(JA_FUNCTION),
};

export const DISPLAY_STOP_WORDS: Record<StopWordLanguage, ReadonlySet<string>> = {
  en: new Set(EN_DISPLAY),
  zh: new Set(ZH_DISPLAY),
  ja: new Set(JA_DISPLAY),
};

const union = (sets: Record<string, ReadonlySet<string>>): ReadonlySet<string> => new Set(Object.values(sets).flatMap((s) => [...s]));

/** Every language's function words (what the text block drops). */
export const ALL_FUNCTION_WORDS = union(FUNCTION_WORDS);
/** Every language's display stop words (what distinctive terms and the PII finder's word check drop). */
export const ALL_DISPLAY_STOP_WORDS = union(DISPLAY_STOP_WORDS);
