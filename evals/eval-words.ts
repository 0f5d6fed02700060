import type { Language } from '../src/util/script.js';
import type { Config } from '../src/config.js';
import type { RunFile } from '../src/model/run.js';

/**
 * The evals' own words, per language: the scorecard's headings and verdicts, each metric's
 * reason and the suites' one-line details. Kept apart from the writer's and the briefs'
 * vocabulary (src/write, src/brief) on purpose: the evals judge those texts, and a judge that
 * shares the judged's words would agree with it by construction. Metric names stay ids in
 * every language (thresholds.json, --threshold, --json all use them).
 */
export interface EvalWords {
  head: (runId: string, passed: boolean, failed: number, counted: number, ran: number, all: number, judge: string, seconds: number) => string;
  header: string[];
  verdict: Record<'pass' | 'fail' | 'n/a' | 'not run', string>;
  failed: string;
  couldNotRun: (detail: string) => string;
  notRun: (names: string, why: string) => string;
  note: (n: string) => string;
  saved: (path: string) => string;
  judge: (label: string) => string;
  /** Why each threshold is what it is (thresholds.json holds the English). */
  why: Record<string, string>;
  d: {
    noLlm: string;
    noTexts: string;
    heldOut: (n: number, all: number, via: string, agree: number, read: number) => string;
    noHeldout: string;
    placed: (right: number, of: number, id: number, name: string, wr: number, wt: number) => string;
    kappa: (n: number, chance: string) => string;
    spillNeeds: string;
    spill: (count: number, of: number, a: number, an: string, b: number, bn: string) => string;
    noSpill: string;
    segment: (id: number) => string;
    jaccard: (b: number, n: number, per: string) => string;
    noRename: string;
    noDescribedToRename: string;
    llmNoWriter: string;
    names: (exact: number, of: number, r: number, id: number, before: string, after: string) => string;
    claims: (r: number) => string;
    fewer: string;
    vs: (a: number, an: string, b: number, bn: string) => string;
    noClaim: string;
    weakestLift: (count: number, id: number, name: string, cue: string, what: string, lift: string) => string;
    direction: (d: string) => string;
    holds: (id: number, name: string, cue: string, what: string, pct: number) => string;
    minority: (list: string) => string;
    weakest: (detail: string) => string;
    checked: (claims: number, stated: number) => string;
    coverage: (described: number, total: number, small: string) => string;
    copyPair: (a: number, b: number) => string;
    copyOk: string;
    namesOk: string;
    piiOk: string;
    groundedOk: string;
    contradictedOk: string;
    more: (n: number) => string;
    silhouette: (k: number) => string;
    balance: (sid: number, min: number, lid: number, max: number) => string;
    smallBad: (min: number, list: string) => string;
    smallOk: (n: number, min: number, list: string) => string;
    sep: string;
  };
}

const q = (s: string) => `「${s}」`;

/** evals/split.ts's "through its …" in Chinese; an unknown one is quoted as it is. */
function viaZh(via: string): string {
  if (via === 'saved model (as `segmenta assign`)') return '模型（与 `segmenta assign` 相同的保存模型）';
  const own = /^k-means on the Run's own vectors \((.*): no preprocessing to refit\)$/.exec(via);
  if (own) return `k-means 模型（在本次 Run 自己的向量上，${q(own[1])}：没有可重新拟合的预处理）`;
  return `模型（${q(via)}）`;
}

export const EVAL_WORDS: Record<Language, EvalWords> = {
  en: {
    head: (runId, passed, failed, counted, ran, all, judge, s) =>
      `Evals of Run ${runId}: ${passed ? 'PASSED' : `FAILED (${failed} of ${counted} metrics failed or could not run)`} — ${ran} of ${all} metrics ran; judge: ${judge}, ${s} s`,
    header: ['metric', 'value', 'threshold', 'result', 'detail'],
    verdict: { pass: 'pass', fail: 'FAIL', 'n/a': 'n/a', 'not run': 'not run' },
    failed: 'Failed:',
    couldNotRun: (d) => `could not run (${d}), and a metric that cannot run does not pass; `,
    notRun: (names, why) => `Not run: ${names} (${why}).`,
    note: (n) => `Note: ${n}`,
    saved: (p) => `Saved to ${p}`,
    judge: (l) => l,
    why: {},
    d: {
      noLlm: 'no LLM configured (set OPENAI_API_KEY or OPENAI_BASE_URL)',
      noTexts: 'No segment has texts (all are under the minimum size): the label metrics had nothing to measure.',
      heldOut: (n, all, via, agree, read) =>
        `Held out: ${n} of ${all} customers (a seeded fifth by id), assigned by a fit on the rest through its ${via}; it puts ${agree}% of them in the segment the Run did. The judge read ${read} of them.`,
      noHeldout: 'no held-out member in a described segment (too few customers to split, or no described segment)',
      placed: (right, of, id, name, wr, wt) => `${right}/${of} held-out members placed in their own segment; weakest: ${id} "${name}" ${wr}/${wt}`,
      kappa: (n, chance) => `Cohen's κ over ${n} held-out members (accuracy a judge guessing by segment shares would reach: ${chance})`,
      spillNeeds: 'needs held-out members and two described segments',
      spill: (count, of, a, an, b, bn) => `${count}/${of} held-out members of ${a} "${an}" fit ${b} "${bn}" better than their own label`,
      noSpill: 'no member fits another label better than their own',
      segment: (id) => `segment ${id}`,
      jaccard: (b, n, per) => `${b} resamples of ${n} customers; per segment ${per}`,
      noRename: 'no resample re-named',
      noDescribedToRename: 'no described segment to re-name',
      llmNoWriter: "the Run's names came from an LLM and none is configured now; set OPENAI_API_KEY to re-write them",
      names: (exact, of, r, id, before, after) => `${exact}/${of} re-written names identical over ${r} resamples; weakest: ${id} "${before}" → "${after}"`,
      claims: (r) => `mean Jaccard of the claims of name + summary, ${r} resamples`,
      fewer: 'fewer than two described segments',
      vs: (a, an, b, bn) => `${a} "${an}" vs ${b} "${bn}"`,
      noClaim: 'no name or summary claims a trait the data has',
      weakestLift: (count, id, name, cue, what, lift) => `weakest of ${count} claims so far: ${id} "${name}": "${cue}" (${what}) ${lift}×`,
      direction: (d) => d,
      holds: (id, name, cue, what, pct) => `${id} "${name}": "${cue}" (${what}) holds for ${pct}% of the segment`,
      minority: (l) => `minority claims: ${l}`,
      weakest: (d) => `weakest: ${d}`,
      checked: (c, s) => `${c} claims checked, ${s} with their share stated`,
      coverage: (d, t, small) => `${d} of ${t} customers in a described segment${small ? `; under the minimum size, kept and not described: ${small}` : ''}`,
      copyPair: (a, b) => `segments ${a} and ${b}`,
      copyOk: 'every channel fits its limit, has a call to action and no link',
      namesOk: 'every name is 2–4 words with no @, link or phone number',
      piiOk: 'no PII in any name, persona or copy',
      groundedOk: 'every cited number is in its profile',
      contradictedOk: 'no claim points against the data',
      more: (n) => `; … ${n} more`,
      silhouette: (k) => `mean silhouette of k = ${k} on the Run's evaluation sample`,
      balance: (sid, min, lid, max) => `smallest ${sid} (${min}) / largest ${lid} (${max})`,
      smallBad: (min, list) => `under the minimum of ${min} yet described or not marked small: ${list}`,
      smallOk: (n, min, list) => `${n} segment(s) under the minimum of ${min}${list ? ` (${list})` : ''}, all marked small and not described`,
      sep: ', ',
    },
  },
  zh: {
    head: (runId, passed, failed, counted, _ran, all, judge, s) =>
      `Run ${runId} 的评估：${passed ? '通过' : `未通过（${counted} 项指标中有 ${failed} 项不达标或无法计算）`} — 共 ${all} 项指标，已计算 ${_ran} 项；评判：${judge}，用时 ${s} 秒`,
    header: ['指标', '数值', '阈值', '结果', '说明'],
    verdict: { pass: '通过', fail: '不达标', 'n/a': '无法计算', 'not run': '未运行' },
    failed: '不达标的指标：',
    couldNotRun: (d) => `无法计算（${d}），无法计算的指标不算通过；`,
    notRun: (names, why) => `未运行：${names}（${why}）。`,
    note: (n) => `说明：${n}`,
    saved: (p) => `已保存到 ${p}`,
    // The judge label is "offline" or "offline and LLM (model)" (run-evals.ts): the model's name stays as it is, quoted.
    judge: (l) => l.replace(/^offline and LLM \((.*)\)$/, (_, m: string) => `离线评判 + 大模型 ${q(m)}`).replace(/^offline$/, '离线评判'),
    why: {
      heldout_accuracy: '只看标签（名称、摘要、画像依据）的评判，要能把五分之四的留出客户放回他们自己的人群',
      heldout_kappa: '用完整标签放置留出客户，必须远好于随机猜（Cohen κ；按人群占比瞎猜为 0）',
      heldout_name_accuracy: '只看名称，也要能把十分之七的留出客户放回自己的人群',
      heldout_name_kappa: '只看名称放置留出客户，也要明显好于随机猜（Cohen κ，Landis & Koch：0.6 以上为高度一致）',
      max_spillover: '任何一个标签都不能比客户自己人群的标签更贴合另一个人群里近半数的留出客户',
      min_bootstrap_jaccard: '每个人群在重抽样数据上都要重新出现（Hennig：0.75 以上算稳定，低于 0.6 就散了）',
      name_agreement: '在重抽样人群上重写的名称，至少要保留一半的关键词',
      claim_agreement: '标签声称的特征，在重抽样数据重新分群后大多要依然成立',
      max_name_similarity: '任意两个名称都不能读起来差不多（按词、编辑距离或三字符相似度）',
      min_name_claim_lift: '名称或摘要声称的每个特征，在人群内都要比整体至少高（或低）10%',
      ungrounded_numbers: '摘要、画像和文案里的每个数字都要与人群画像的数据一致',
      contradicted_claims: '任何文案都不能声称与数据相反的特征（比如消费提升度低于 1 却说是高消费）',
      copy_violations: '文案要符合渠道限制（短信、推送、邮件标题、广告标题的字数），带行动号召，不带链接',
      name_violations: '名称要简短（不超过 40 个字符），不含 @、链接或电话号码',
      pii_findings: '任何名称、画像和文案里都不能出现邮箱、电话、地址、IP 或已知的个人信息',
      silhouette: '人群在向量空间里必须有区分度（0 表示没有结构）',
      size_balance: '最小的人群至少要有最大人群的二十分之一，否则只是残余，算不上人群',
      small_segments_described: '低于最小人数的人群保留并标记为小人群，从不描述、不出简报、不导出（隐私）',
      min_claim_majority: '名称或摘要声称的特征要对人群中的多数人成立（或在文案里写明占比），而不只是比别处更常见',
      coverage: '五分之四的客户要落在有描述的人群里；其余的在低于最小人数、没有标签的人群里',
      max_copy_similarity: '两个人群不能收到相同的文案（全部文案的三字符余弦相似度）',
      llm_heldout_accuracy: '配置了大模型时，大模型评判要能把五分之四的留出客户放回自己的人群',
      judge_fleiss_kappa: '大模型对同一批客户的重复评判要高度一致（Landis & Koch：0.6 以上）',
    },
    d: {
      noLlm: '没有配置大模型（设置 `OPENAI_API_KEY` 或 `OPENAI_BASE_URL`）',
      noTexts: '没有任何人群有文案（都低于最小人数）：标签类指标没有可测的内容。',
      heldOut: (n, all, via, agree, read) =>
        `留出客户：${all} 位客户中的 ${n} 位（按 ID 固定抽取的五分之一），由其余客户拟合的${viaZh(via)}分配；其中 ${agree}% 被分到与本次 Run 相同的人群。评判读取了其中 ${read} 位。`,
      noHeldout: '有描述的人群里没有留出客户（客户太少无法拆分，或没有有描述的人群）',
      placed: (right, of, id, name, wr, wt) => `${of} 位留出客户中 ${right} 位被放回自己的人群；最弱：人群 ${id}${q(name)} ${wr}/${wt}`,
      kappa: (n, chance) => `${n} 位留出客户的 Cohen κ（按人群占比瞎猜能达到的准确率：${chance}）`,
      spillNeeds: '需要留出客户和至少两个有描述的人群',
      spill: (count, of, a, an, b, bn) => `人群 ${a}${q(an)}的 ${of} 位留出客户中，有 ${count} 位更贴合人群 ${b}${q(bn)}的标签`,
      noSpill: '没有客户更贴合别的人群的标签',
      segment: (id) => `人群 ${id}`,
      jaccard: (b, n, per) => `${n} 位客户重抽样 ${b} 次；各人群：${per}`,
      noRename: '没有重抽样人群被重新命名',
      noDescribedToRename: '没有可重新命名的有描述人群',
      llmNoWriter: '本次 Run 的名称由大模型撰写，现在没有配置大模型；设置 `OPENAI_API_KEY` 即可重写',
      names: (exact, of, r, id, before, after) => `重抽样 ${r} 次，${of} 个重写的名称中 ${exact} 个完全相同；最弱：人群 ${id}${q(before)} → ${q(after)}`,
      claims: (r) => `名称和摘要所声称特征的平均 Jaccard，重抽样 ${r} 次`,
      fewer: '有描述的人群不足两个',
      vs: (a, an, b, bn) => `人群 ${a}${q(an)} 对比人群 ${b}${q(bn)}`,
      noClaim: '没有名称或摘要声称数据里有的特征',
      weakestLift: (count, id, name, cue, what, lift) => `目前 ${count} 条声称中最弱的：人群 ${id}${q(name)}：${q(cue)}（${what}）${lift} 倍`,
      direction: (d) => (d === 'high' ? '偏高' : d === 'low' ? '偏低' : d === 'middle' ? '居中' : d),
      holds: (id, name, cue, what, pct) => `人群 ${id}${q(name)}：${q(cue)}（${what}）对 ${pct}% 的成员成立`,
      minority: (l) => `只对少数人成立的声称：${l}`,
      weakest: (d) => `最弱：${d}`,
      checked: (c, s) => `检查了 ${c} 条声称，另有 ${s} 条写明了占比`,
      coverage: (d, t, small) => `${t} 位客户中 ${d} 位在有描述的人群里${small ? `；低于最小人数、保留但不描述：${small}` : ''}`,
      copyPair: (a, b) => `人群 ${a} 和人群 ${b}`,
      copyOk: '每个渠道都在字数限制内，带行动号召，不带链接',
      namesOk: '每个名称都简短，不含 @、链接或电话号码',
      piiOk: '名称、画像和文案里都没有个人信息',
      groundedOk: '引用的每个数字都能在人群画像里找到',
      contradictedOk: '没有与数据相反的声称',
      more: (n) => `；… 另有 ${n} 条`,
      silhouette: (k) => `k = ${k} 时在本次 Run 评估样本上的平均轮廓系数`,
      balance: (sid, min, lid, max) => `最小人群 ${sid}（${min}）/ 最大人群 ${lid}（${max}）`,
      smallBad: (min, list) => `低于最小人数 ${min}，却有描述或未标记为小人群：${list}`,
      smallOk: (n, min, list) => `${n} 个人群低于最小人数 ${min}${list ? `（${list}）` : ''}，都已标记为小人群、未描述`,
      sep: '，',
    },
  },
};

/** The language the evals speak about a Run: --lang first, then the Run's (as the answers do). */
export function evalLanguage(config: Pick<Config, 'lang'> | undefined, run: Pick<RunFile, 'config'> | undefined): Language {
  return config?.lang ?? run?.config?.lang ?? 'en';
}

/** The details' words for a suite's context. */
export function detailWords(ctx: { config?: Pick<Config, 'lang'>; run?: Pick<RunFile, 'config'> }): EvalWords['d'] {
  return EVAL_WORDS[evalLanguage(ctx.config, ctx.run)].d;
}
