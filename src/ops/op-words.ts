import type { Language } from '../util/script.js';
import type { ColumnRole, DataSchema, FileFormat } from '../model/data.js';
import { FORMATS_ZH, filledZh, reasonZh, roleZh } from '../brief/schema-words-zh.js';
import { BRIEF_WORDS } from '../brief/brief-words.js';
import type { PiiKind } from '../util/pii.js';
import { AUDIENCES, AUDIENCE_NAMES, type AudienceKind } from '../predict/audiences.js';
import { CHURN_RISK_P_ALIVE } from '../predict/run-store.js';

/**
 * The fixed words of what assign, export, lookalike, quotes, predict, refresh and inspect
 * print, per language: part of each language's RenderWords (render-words.ts), so an answer
 * about a Run follows its language (--lang, else the Run's) as show and compare do. Counts,
 * shares and dates come in already formatted for the language (util/format.ts); file paths,
 * ids, column names and category values are data and are passed through as they are (Chinese
 * quotes column names and typed words in 「」, as the briefs do).
 */
export interface OpWords {
  assign: {
    reading: (file: string, runId: string) => string;
    wrote: (n: string, out: string) => string;
    done: (n: string, file: string, runId: string, out: string | undefined) => string;
    header: string[];
  };
  export: {
    title: (n: number, count: string, runId: string, format: string, hashing: string) => string;
    line: (what: string, name: string, customers: string, withEmail: string, path: string) => string;
    segment: (id: number) => string;
    audience: string;
    note: (note: string) => string;
    skippedAudience: (reason: string) => string;
    skippedSegment: (id: number, size: string, reason: string) => string;
    underMin: (min: number) => string;
    noEmail: string;
    noEmailAudience: string;
    readingEmails: (column: string, file: string) => string;
    audienceTooSmall: (kind: AudienceKind, rule: string, n: number, min: number) => string;
    audienceName: Record<AudienceKind, string>;
    audienceRule: Record<AudienceKind, string>;
  };
  lookalike: {
    ofSegment: (id: number, name?: string) => string;
    ofSeeds: (n: string, file: string) => string;
    reading: (file: string, runId: string) => string;
    wrote: (n: string, out: string) => string;
    title: (n: string, of: string, runId: string) => string;
    header: (idColumn: string) => string[];
    more: (n: string, out: string | undefined) => string;
    saved: (out: string) => string;
    seedsInRun: (n: string) => string;
    whereNow: (parts: { count: string; segment: number; name: string }[]) => string;
  };
  quotes: {
    head: (segment: number, name: string, about: string, runId: string) => string;
    noText: string;
    noneAbout: (n: string, about: string) => string;
    line: (similarity: string, text: string, column: string) => string;
    foot: (shown: number, searched: string, embeddings: string) => string;
  };
  predict: {
    head: (file: string, lines: string, orders: string, refunds: string | undefined, customers: string, start: string, end: string) => string;
    backtest: (cutoff: string, customers: string, repeat: string, days: number) => string;
    qualityHeader: string[];
    quality: { purchases: string; spend: string; churn: string; lift: string };
    calibration: string;
    calibrationHeader: string[];
    next: (days: number, orders: string, spend: string | undefined, pAlive: string, churn: string, buy30: string) => string;
    spendNote: (note: string) => string;
    stored: (runId: string, csv: string) => string;
    storedHeader: (clvDays: number) => string[];
    unmatched: (n: string) => string;
    note: (note: string) => string;
    noRun: (file: string) => string;
    /** A heading over the log reader's warnings, in a language they are not written in. */
    warnings?: (n: number) => string;
    warning: (w: string) => string;
  };
  /** `persona N` and `copy N`: the section words around the writer's texts. */
  texts: {
    personaHead: (id: number, name: string, archetype: string) => string;
    goals: string;
    pains: string;
    channels: (list: string) => string;
    channelNames: Record<'email' | 'sms' | 'push' | 'ad', string>;
    evidence: string;
    writtenBy: (rewritten: boolean, writer: string) => string;
    /** A writer label (ops/writer-label.ts: "offline", "llm (model)", "offline (fallback: …)") in words. */
    writer: (label: string) => string;
    copyHead: (id: number, name: string, offer: string) => string;
    email: (subject: string, body: string) => string;
    sms: (units: number, limit: number, encoding: string, text: string) => string;
    push: (length: number, limit: number, text: string) => string;
    ad: (headline: string, text: string) => string;
    copyStatus: (s: { fresh: boolean; changed?: boolean; note: boolean; channel?: string }, writer: string) => string;
    settings: (s: { tone?: string; offer?: string; language?: string }) => string;
    /** The offline writer cannot write a tone asked for: not applied (the copy keeps `kept`), or written friendly. */
    toneNotApplied: (tone: string, known: string[], kept?: string) => string;
    toneFriendly: (tone: string, known: string[]) => string;
  };
  /** `segment`: the Run just made. */
  made: {
    title: (runId: string, customers: string, k: number, writer: string) => string;
    small: string;
    kScores: (scores: string) => string;
    /** The minimum segment size and why (English: the clustering stage's own sentence, capitalised). */
    minimum: (m: { why: string; value: number; configured: number; setByUser: boolean; customers: string }) => string;
    leftOut: (columns: string[]) => string;
    saved: (runDir: string, index: string) => string;
    next: string;
  };
  refresh: {
    title: (runId: string, customers: string, k: number, since: string) => string;
    texts: (texts: 'kept' | 'rewritten' | 'new', was?: number) => string;
    changes: (path: string) => string;
  };
  /** `history`, `runs`, `use` and `write`: the workspace's Runs. */
  runs: {
    historyWrote: (customers: string, runs: number, out: string) => string;
    historyHead: (customer: string) => string;
    historyHeader: string[];
    small: string;
    absent: string;
    listHeader: string[];
    none: string;
    broken: (id: string, why: string) => string;
    brokenWhy: { cut: string; notRun: string };
    using: (runId: string, at: string, customers: string, file: string, k: number) => string;
    rewrote: (runId: string, writer: string, written: number, resumed: number, fallbacks: number) => string;
    kept: string;
  };
  inspect: {
    title: (file: string, customers: string, rows: string) => string;
    quality: string;
    duplicates: (n: string) => string;
    missing: (parts: { column: string; count: string; filledWith: string }[]) => string;
    logged: (columns: string[]) => string;
    clipped: (parts: { column: string; count: string }[]) => string;
    dropped: (parts: { column: string; reason: string }[]) => string;
    warning: (w: string) => string;
    /** Chinese only: the schema table (English keeps the loader's describeSchema text). */
    schema?: {
      what: (source: string, format: FileFormat, kind: DataSchema['kind'], rows: string, idColumn: string) => string;
      header: string[];
      role: (role: ColumnRole, piiKind?: PiiKind) => string;
      why: (role: ColumnRole, reason: string, piiKind?: PiiKind) => string;
      filled: (filledWith: string) => string;
      warnings: (n: number) => string;
      joined: (file: string, on: string, rows: string) => string;
      derived: (columns: string[]) => string;
      leftOut: (parts: { column: string; why: string }[]) => string;
    };
  };
}

const q = (s: string) => `「${s}」`;

export const OP_WORDS: Record<Language, OpWords> = {
  en: {
    assign: {
      reading: (file, runId) => `reading ${file} with Run ${runId}'s saved preprocessing`,
      wrote: (n, out) => `wrote ${n} assignments to ${out}`,
      done: (n, file, runId, out) => `Assigned ${n} customers from ${file} to Run ${runId}'s segments: ${out}`,
      header: ['#', 'name', 'customers', 'share'],
    },
    export: {
      title: (n, count, runId, format, hashing) => `Exported ${count} audience${n === 1 ? '' : 's'} of Run ${runId} (${format}, emails as ${hashing}):`,
      line: (what, name, customers, withEmail, path) => `  ${what} ${name}: ${customers} customers, ${withEmail} with an email → ${path}`,
      segment: (id) => `segment ${id}`,
      audience: 'audience',
      note: (n) => `Note: ${n}.`,
      skippedAudience: (reason) => `Not exported: ${reason}.`,
      skippedSegment: (id, size, reason) => `Not exported: segment ${id} (${size} customers, ${reason}).`,
      underMin: (min) => `under the minimum of ${min}`,
      noEmail: 'the data has no email column, so the audiences hold customer ids only',
      noEmailAudience: 'the data has no email column, so the audience holds customer ids only',
      readingEmails: (column, file) => `reading the "${column}" column of ${file}`,
      audienceTooSmall: (kind, rule, n, min) => `audience ${kind} (${rule}) has ${n} customers, under the minimum of ${min}`,
      audienceName: AUDIENCE_NAMES,
      audienceRule: AUDIENCES,
    },
    lookalike: {
      ofSegment: (id, name) => `segment ${id}${name ? ` (${name})` : ''}`,
      ofSeeds: (n, file) => `the ${n} customers in ${file}`,
      reading: (file, runId) => `reading seeds from ${file} with Run ${runId}'s saved preprocessing`,
      wrote: (n, out) => `wrote ${n} lookalikes to ${out}`,
      title: (n, of, runId) => `${n} customers most like ${of} (Run ${runId}), nearest first:`,
      header: (id) => [id, 'segment now', 'distance'],
      more: (n, out) => `… and ${n} more in ${out}`,
      saved: (out) => `Saved to ${out}`,
      seedsInRun: (n) => `(${n} of the seeds are customers of this Run and are left out.)`,
      whereNow: (parts) => `Where they are now: ${parts.map((b) => `${b.count} in segment ${b.segment} (${b.name})`).join(', ')}.`,
    },
    quotes: {
      head: (segment, name, about, runId) => `What segment ${segment} (${name}) says about "${about}" — Run ${runId}:`,
      noText: 'No free text was kept for this segment (the file has no text column, or its members wrote nothing).',
      noneAbout: (n, about) => `None of its ${n} quotes mentions "${about}". Try another word for it.`,
      line: (sim, text, column) => `  ${sim}  “${text}”  (${column})`,
      foot: (shown, searched, emb) => `${shown} of ${searched} quotes kept for the segment, closest first (similarity 0–1, ${emb}); names, emails and phone numbers removed.`,
    },
    predict: {
      head: (file, lines, orders, refunds, customers, start, end) => `${file}: ${lines} lines → ${orders} orders${refunds ? ` (+${refunds} cancellations/refunds)` : ''} of ${customers} customers, ${start} to ${end}`,
      backtest: (cutoff, customers, repeat, days) => `Backtest: fitted up to ${cutoff} on ${customers} customers (${repeat} repeat), scored on the last ${days} days:`,
      qualityHeader: ['', 'BG/NBD + Gamma-Gamma', 'RFM baseline'],
      quality: { purchases: 'purchases, Spearman ρ', spend: 'spend, Spearman ρ', churn: 'churn AUC', lift: 'top-10% lift' },
      calibration: 'Calibration by decile of predicted orders (mean orders per customer in the window):',
      calibrationHeader: ['decile', 'customers', 'predicted', 'actual'],
      next: (days, orders, spend, pAlive, churn, buy30) =>
        `Next ${days} days (models refitted on the whole log): ${orders} orders${spend !== undefined ? `, ${spend} spend` : ''} expected; mean P(still active) ${pAlive}, ${churn} at risk of churning (P(active) < 50%), ${buy30} likely to order within 30 days.`,
      spendNote: (n) => `Spend not modelled: ${n}.`,
      stored: (runId, csv) => `Stored in Run ${runId}: per customer in ${csv}; per segment in run.json:`,
      storedHeader: (d) => ['segment', `value (${d}d)`, 'churn risk', 'orders within 30d'],
      unmatched: (n) => `${n} Run customers have no purchase in the log (none, or only cancelled orders) and no prediction.`,
      note: (n) => `Note: ${n}.`,
      noRun: (file) => `no Run was made from ${file}, so the predictions are not stored; run \`segmenta segment ${file}\` first (or pass --run) to add them to a Run's profiles`,
      warning: (w) => `warning: ${w}`,
    },
    texts: {
      personaHead: (id, name, a) => `Segment ${id}: ${name} — ${a}`,
      goals: 'Goals:',
      pains: 'Pain points:',
      channels: (l) => `Channels: ${l}`,
      channelNames: { email: 'email', sms: 'sms', push: 'push', ad: 'ad' },
      evidence: 'Evidence:',
      writtenBy: (re, w) => `${re ? 'Rewritten and saved' : 'Written'} by: ${w}`,
      writer: (l) => l,
      copyHead: (id, name, offer) => `Segment ${id}: ${name} — offer: ${offer}`,
      email: (subject, body) => `EMAIL\nSubject: ${subject}\n\n${body}`,
      sms: (units, limit, enc, text) => `SMS (${units}/${limit} ${enc})\n${text}`,
      push: (len, limit, text) => `PUSH (${len}/${limit})\n${text}`,
      ad: (h, text) => `AD\nHeadline: ${h}\n${text}`,
      copyStatus: (s, w) =>
        `${!s.fresh ? (s.note ? 'Nothing re-written: the stored copy' : 'Stored copy') : s.changed ? `Freshly written${s.channel ? ` (${s.channel} only)` : ''} and saved; briefs updated` : 'Written again: the same text as before'}, by: ${w}`,
      settings: (s) => {
        const parts = [s.tone && `tone ${s.tone}`, s.offer && `offer "${s.offer}"`, s.language && `language ${s.language}`].filter(Boolean);
        return parts.length ? `; kept for this segment: ${parts.join(', ')}` : '';
      },
      toneNotApplied: (tone, known, kept) =>
        `The offline writer has no "${tone}" tone (it knows ${known.join(', ')}), so it was not applied${kept ? `; the copy stays ${kept}` : ''}. Set OPENAI_API_KEY to write in other tones.`,
      toneFriendly: (tone, known) => `The offline writer has no "${tone}" tone (it knows ${known.join(', ')}), so this is written friendly; set OPENAI_API_KEY for other tones.`,
    },
    made: {
      title: (runId, n, k, writer) => `Run ${runId}: ${n} customers in ${k} segments — texts by the ${writer}`,
      small: '  small: kept, not described or exported',
      kScores: (s) => `k scores (silhouette / least stable segment's bootstrap Jaccard, where it could change the choice): ${s}`,
      minimum: (m) => `${m.why[0].toUpperCase()}${m.why.slice(1)}.`,
      leftOut: (cols) => `Left out (independent of every other column, no group structure): ${cols.join(', ')}`,
      saved: (dir, index) => `Saved in ${dir} — briefs: ${index}`,
      next: 'Next, try:',
    },
    refresh: {
      title: (runId, n, k, since) => `Run ${runId}: ${n} customers in ${k} segments, refreshed from Run ${since}`,
      texts: (t, was) => (t === 'new' ? 'new' : `was ${was}, texts ${t}`),
      changes: (p) => `What changed: ${p}`,
    },
    runs: {
      historyWrote: (n, runs, out) => `Wrote the segment of ${n} customers in ${runs} Runs to ${out}`,
      historyHead: (c) => `Customer ${c}:`,
      historyHeader: ['run', 'created', 'segment', 'name'],
      small: '(under the minimum size)',
      absent: 'not in this Run',
      listHeader: ['run', 'created', 'customers', 'k', 'writer', 'file'],
      none: 'No Runs yet. Make one with `segmenta segment FILE`.',
      broken: (id, why) => `Run ${id} cannot be read (${why}): restore its run.json from a backup or remove the folder.`,
      brokenWhy: { cut: 'its run.json is cut short or not JSON', notRun: 'its run.json is not a segmenta Run' },
      using: (id, at, n, file, k) => `Now using Run ${id} (${at}): ${n} customers from ${file} in ${k} segments.`,
      rewrote: (id, writer, written, resumed, fb) =>
        `Re-wrote Run ${id} with the ${writer} writer: ${written} segment(s) written${resumed ? `, ${resumed} kept from the interrupted write` : ''}${fb ? `, ${fb} item(s) fell back to the offline writer` : ''}.`,
      kept: 'The previous texts are kept in run.json (textsHistory).',
    },
    inspect: {
      title: (file, n, rows) => `${file}: ${n} customers (${rows} rows read)`,
      quality: 'Data quality:',
      duplicates: (n) => `  duplicate ids: ${n}`,
      missing: (parts) => `  missing values: ${parts.length ? parts.map((m) => `${m.column} ${m.count} (filled with ${m.filledWith})`).join(', ') : 'none'}`,
      logged: (cols) => `  skewed, log-transformed: ${cols.join(', ')}`,
      clipped: (parts) => `  outliers clipped: ${parts.map((c) => `${c.column} ${c.count}`).join(', ')}`,
      dropped: (parts) => `  dropped: ${parts.map((d) => `${d.column} (${d.reason})`).join(', ')}`,
      warning: (w) => `  warning: ${w}`,
    },
  },
  zh: {
    assign: {
      reading: (file, runId) => `正在按 Run ${runId} 保存的预处理读取 ${file}`,
      wrote: (n, out) => `已写入 ${n} 条分配结果：${out}`,
      done: (n, file, runId, out) => `已把 ${file} 中的 ${n} 位客户分配到 Run ${runId} 的人群：${out}`,
      header: ['#', '名称', '人数', '占比'],
    },
    export: {
      title: (_n, count, runId, format, hashing) => `已导出 Run ${runId} 的 ${count} 个投放人群包（\`${format}\`，邮箱以 \`${hashing}\` 哈希）：`,
      line: (what, name, customers, withEmail, path) => `  ${what} ${name}：${customers}位客户，其中${withEmail}位有邮箱 → ${path}`,
      segment: (id) => `人群 ${id}`,
      audience: '预测人群',
      note: (n) => `注意：${n}。`,
      skippedAudience: (reason) => `未导出：${reason}。`,
      skippedSegment: (id, size, reason) => `未导出：人群 ${id}（${size}位客户，${reason}）。`,
      underMin: (min) => `低于最小人数 ${min}`,
      noEmail: '数据里没有邮箱列，人群包只有客户 ID',
      noEmailAudience: '数据里没有邮箱列，人群包只有客户 ID',
      readingEmails: (column, file) => `正在读取 ${file} 的${q(column)}列`,
      audienceTooSmall: (kind, rule, n, min) => `预测人群${q(kind)}（${rule}）只有 ${n} 位客户，低于最小人数 ${min}`,
      audienceName: { 'top-value': '价值前10%客户', 'at-risk-value': '高价值流失预警客户', 'ready-to-buy': '即将下单客户' },
      audienceRule: {
        'top-value': '预测终身价值排名前10%',
        'at-risk-value': `高价值但有流失风险：历史消费前20%，且仍活跃概率低于${CHURN_RISK_P_ALIVE * 100}%`,
        'ready-to-buy': '即将下单：30天内下单概率不低于50%',
      },
    },
    lookalike: {
      ofSegment: (id, name) => `人群 ${id}${name ? `（${name}）` : ''}`,
      ofSeeds: (n, file) => `${file} 中的 ${n} 位种子客户`,
      reading: (file, runId) => `正在按 Run ${runId} 保存的预处理读取种子客户 ${file}`,
      wrote: (n, out) => `已写入 ${n} 位相似客户：${out}`,
      title: (n, of, runId) => `与${of}最相似的 ${n} 位客户（Run ${runId}），由近到远：`,
      header: (id) => [id, '当前人群', '距离'],
      more: (n, out) => `… 另有 ${n} 位，见 ${out}`,
      saved: (out) => `已保存到 ${out}`,
      seedsInRun: (n) => `（有 ${n} 位种子客户本身就在这个 Run 里，已排除。）`,
      whereNow: (parts) => `他们现在所在的人群：${parts.map((b) => `人群 ${b.segment}（${b.name}）${b.count}位`).join('，')}。`,
    },
    quotes: {
      head: (segment, name, about, runId) => `人群 ${segment}（${name}）关于${q(about)}的原话 — Run ${runId}：`,
      noText: '这个人群没有保存任何文本（文件里没有文本列，或成员什么都没写）。',
      noneAbout: (n, about) => `它保存的 ${n} 条原话里没有提到${q(about)}的。换个说法试试。`,
      line: (sim, text, column) => `  ${sim}  “${text}”  （${q(column)}）`,
      foot: (shown, searched, emb) => `人群保存的 ${searched} 条原话中最接近的 ${shown} 条（相似度 0–1，向量：${q(emb)}）；姓名、邮箱和电话号码已去除。`,
    },
    predict: {
      head: (file, lines, orders, refunds, customers, start, end) => `${file}：${lines} 行 → ${orders} 笔订单${refunds ? `（另有 ${refunds} 笔取消/退款）` : ''}，${customers}位客户，${start}至${end}`,
      backtest: (cutoff, customers, repeat, days) => `回测：用 ${cutoff} 之前的数据拟合 ${customers} 位客户（其中复购 ${repeat} 位），在最后 ${days} 天上评分：`,
      qualityHeader: ['', '「BG/NBD + Gamma-Gamma」模型', 'RFM 基线'],
      // AUC is how Chinese analysts write it too; Spearman is written 斯皮尔曼.
      quality: { purchases: '购买次数，斯皮尔曼 ρ', spend: '消费金额，斯皮尔曼 ρ', churn: '流失 AUC', lift: '前10%提升度' },
      calibration: '按预测订单数十等分的校准（窗口内人均订单数）：',
      calibrationHeader: ['十分位', '人数', '预测', '实际'],
      next: (days, orders, spend, pAlive, churn, buy30) =>
        `未来 ${days} 天（模型已用全部日志重新拟合）：预计 ${orders} 笔订单${spend !== undefined ? `、消费 ${spend}` : ''}；平均仍活跃概率 ${pAlive}，${churn} 的客户有流失风险（仍活跃概率低于50%），${buy30} 的客户可能在30天内下单。`,
      // The fit's reason (predict/fit.ts) is its own English sentence: shown as it is.
      spendNote: (n) => `未对消费金额建模：${spendWhyZh(n)}。`,
      stored: (runId, csv) => `已存入 Run ${runId}：每位客户的预测见 ${csv}；每个人群的预测见 run.json：`,
      storedHeader: (d) => ['人群', `价值（${d}天）`, '流失风险', '30天内下单'],
      unmatched: (n) => `Run 里有 ${n} 位客户在日志中没有购买（没有订单，或只有已取消的订单），没有预测。`,
      note: (n) => `注意：${n}。`,
      noRun: (file) => `没有用 ${file} 做过 Run，预测没有保存；先运行 \`segmenta segment ${file}\`（或加 \`--run\`），预测才会加入 Run 的人群画像`,
      // The log reader's warnings are its own sentences (English, as in --json): shown as they are, under a Chinese heading.
      warnings: (n) => `读取日志时有 ${n} 条提示（数据读取阶段的原文）：`,
      warning: (w) => `  ${w}`,
    },
    texts: {
      personaHead: (id, name, a) => `人群 ${id}：${name} — ${a}`,
      goals: '诉求：',
      pains: '痛点：',
      channels: (l) => `渠道：${l}`,
      channelNames: { email: '邮件', sms: '短信', push: '推送', ad: '广告' },
      evidence: '数据依据：',
      writtenBy: (re, w) => `${re ? '已重写并保存' : '撰写'}：${w}`,
      // The label's parts (ops/writer-label.ts) in words; a model's name and a fallback's reason stay as they are, quoted.
      writer: (l) =>
        l
          .replace(/^offline \(fallback(?:: (.*))?\)$/, (_, why?: string) => `离线撰写（兜底${why ? `：${q(why)}` : ''}）`)
          .replace(/^llm \((.*)\)$/, (_, m: string) => `大模型（${q(m)}）`)
          .replace(/^offline$/, '离线撰写')
          .replace(/^llm$/, '大模型'),
      copyHead: (id, name, offer) => `人群 ${id}：${name} — 活动方案：${offer}`,
      email: (subject, body) => `邮件\n标题：${subject}\n\n${body}`,
      // As carriers count: a Chinese SMS is 70 characters (UCS-2); the encoding's name says nothing to a marketer.
      sms: (units, limit, _enc, text) => `短信（${units}/${limit} 字）\n${text}`,
      push: (len, limit, text) => `推送（${len}/${limit}）\n${text}`,
      ad: (h, text) => `广告\n标题：${h}\n${text}`,
      copyStatus: (s, w) =>
        `${!s.fresh ? (s.note ? '未重写：这是保存的文案' : '保存的文案') : s.changed ? `已重新撰写${s.channel ? `（仅${({ email: '邮件', sms: '短信', push: '推送', ad: '广告' } as Record<string, string>)[s.channel] ?? s.channel}）` : ''}并保存；简报已更新` : '重新撰写：和之前的文案相同'}，撰写：${w}`,
      settings: (s) => {
        const parts = [s.tone && `语气${q(s.tone)}`, s.offer && `优惠${q(s.offer)}`, s.language && `语言${q(s.language)}`].filter(Boolean);
        return parts.length ? `；这个人群保留的设置：${parts.join('，')}` : '';
      },
      // The tones are what --tone takes: typed words, quoted.
      toneNotApplied: (tone, known, kept) =>
        `离线撰写没有${q(tone)}这种语气（支持：${known.map(q).join('、')}），所以没有采用${kept ? `；文案保持${q(kept)}语气` : ''}。设置 \`OPENAI_API_KEY\` 后可以用其他语气撰写。`,
      toneFriendly: (tone, known) => `离线撰写没有${q(tone)}这种语气（支持：${known.map(q).join('、')}），这次按亲切的语气撰写；设置 \`OPENAI_API_KEY\` 后可以用其他语气。`,
    },
    made: {
      title: (runId, n, k, writer) => `Run ${runId}：${n}位客户，${k}个人群 — 文案：${writer}`,
      small: '  人数太少：保留，但不描述、不导出',
      kScores: (s) => `各 k 值的得分（轮廓系数 / 最不稳定人群的自助法稳定性，仅在可能改变选择时计算）：${s}`,
      minimum: (m) =>
        m.setByUser
          ? `最小人群人数 ${m.value}（按设置）。`
          : m.value === m.configured
            ? `最小人群人数 ${m.value}（默认值）。`
            : `最小人群人数 ${m.value}：本表 ${m.customers} 位客户的5%，默认的 ${m.configured} 对这么小的表不适用（可用 \`--min-segment-size\` 修改）。`,
      leftOut: (cols) => `未参与分群（与其他列都无关，没有分组结构）：${cols.map(q).join('、')}`,
      saved: (dir, index) => `已保存到 ${dir} — 简报：${index}`,
      next: '接下来可以试试：',
    },
    refresh: {
      title: (runId, n, k, since) => `Run ${runId}：${n}位客户，${k}个人群，由 Run ${since} 刷新而来`,
      texts: (t, was) => (t === 'new' ? '新人群' : `原人群 ${was}，文案${t === 'kept' ? '沿用' : '已重写'}`),
      changes: (p) => `变化详情：${p}`,
    },
    runs: {
      historyWrote: (n, runs, out) => `已把 ${n} 位客户在 ${runs} 次 Run 中所属的人群写入 ${out}`,
      historyHead: (c) => `客户 ${c}：`,
      historyHeader: ['Run', '创建时间', '人群', '名称'],
      small: '（低于最小人数）',
      absent: '不在这次 Run 里',
      listHeader: ['Run', '创建时间', '客户数', '人群数', '撰写', '文件'],
      none: '还没有 Run。用 `segmenta segment FILE` 生成一个。',
      broken: (id, why) => `Run ${id} 无法读取（${why}）：请从备份恢复它的 \`run.json\`，或删除这个文件夹。`,
      brokenWhy: { cut: '\`run.json\` 不完整或不是 JSON', notRun: '\`run.json\` 不是 segmenta 的 Run' },
      using: (id, at, n, file, k) => `已切换到 Run ${id}（${at}）：${file} 中的 ${n} 位客户，分为 ${k} 个人群。`,
      rewrote: (id, writer, written, resumed, fb) =>
        `已重写 Run ${id}（撰写：${writer}）：写了 ${written} 个人群${resumed ? `，${resumed} 个沿用中断前写好的` : ''}${fb ? `，${fb} 项改用离线撰写兜底` : ''}。`,
      kept: '之前的文案保存在 `run.json` 的 `textsHistory` 里。',
    },
    inspect: {
      title: (file, n, rows) => `${file}：${n}位客户（读取 ${rows} 行）`,
      quality: '数据质量：',
      duplicates: (n) => `  重复 ID：${n}`,
      missing: (parts) => `  缺失值：${parts.length ? parts.map((m) => `${q(m.column)} ${m.count} 个（以${m.filledWith}填充）`).join('，') : '无'}`,
      logged: (cols) => `  偏态，已取对数：${cols.map(q).join('、')}`,
      clipped: (parts) => `  已截断异常值：${parts.map((c) => `${q(c.column)} ${c.count} 个`).join('，')}`,
      dropped: (parts) => `  已舍弃：${parts.map((d) => `${q(d.column)}（${BRIEF_WORDS.zh.index.droppedWhy(d.reason)}）`).join('，')}`,
      warning: (w) => `  ${w}`,
      schema: {
        what: (source, format, kind, rows, id) =>
          `${source}（${FORMATS_ZH[format] ?? format}）：${kind === 'orders' ? `订单明细日志，${rows} 行，先按订单、再按客户汇总` : kind === 'events' ? `事件日志，${rows} 条事件，按客户汇总` : `${rows} 行，每行一位客户`}；客户 ID 列：${q(id)}`,
        header: ['列', '角色', '说明'],
        role: (role, pii) => (role === 'pii' ? `个人信息（${PII_ZH[pii ?? 'other']}）` : role === 'id' && pii ? `客户 ID，个人信息（${PII_ZH[pii]}）` : roleZh(role)),
        // The loader's reason read by the briefs' rules (brief/schema-words-zh.ts); PII says what kind.
        why: (role, reason, pii) => (role === 'pii' ? `${PII_ZH[pii ?? 'other']}，从不作为特征` : reasonZh(reason)),
        filled: filledZh,
        // The loader's warnings are its own sentences (English, as in run.json): shown as they are, under a Chinese heading.
        warnings: (n) => `读取数据时有 ${n} 条提示（数据读取阶段的原文）：`,
        joined: (file, on, rows) => `  已合并：${file}，按${q(on)}关联（${rows} 行）`,
        derived: (cols) => `  按客户派生：${cols.map(q).join('、')}`,
        leftOut: (parts) => `  未使用：${parts.map((p) => `${q(p.column)}（${p.why}）`).join('；')}`,
      },
    },
  },
};

/** predict/fit.ts's reasons (stored in English in run.json) as a Chinese analyst says them; an unknown one is quoted as it is. */
function spendWhyZh(note: string): string {
  if (note === 'the log has no amount column') return '日志里没有金额列';
  const few = /^only (\d+) repeat customers have a positive net spend \(the spend model needs (\d+)\)$/.exec(note);
  if (few) return `只有 ${few[1]} 位复购客户的净消费为正（消费模型至少需要 ${few[2]} 位）`;
  if (/^order values are too heavy-tailed/.test(note)) return '订单金额的长尾太重，「Gamma-Gamma」模型不适用（q ≤ 1）';
  return q(note);
}

const PII_ZH: Record<PiiKind, string> = { email: '邮箱', phone: '电话', name: '姓名', address: '地址', ip: 'IP 地址', other: '其他' };
