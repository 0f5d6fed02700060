import type { ColumnRole, FileFormat } from '../model/data.js';

/**
 * The schema and data-quality notes of the briefs' index in Chinese. The data stage writes
 * them in English (a column's role, its DuckDB type, why it was read that way, what a missing
 * value was filled with), and they are its record in run.json; a Chinese index reads them
 * here, one rule per phrase the data stage writes. A note no rule reads is not shown in
 * English: it becomes 由数据推断 ("inferred from the data"), and run.json keeps the original.
 */

const ROLES: Record<ColumnRole, string> = {
  id: '客户 ID',
  numeric: '数值',
  boolean: '是/否',
  categorical: '类别',
  datetime: '日期',
  text: '文本',
  pii: '个人信息',
  code: '编码',
  ignored: '未使用',
};

export function roleZh(role: ColumnRole): string {
  return ROLES[role] ?? role;
}

/** DuckDB's column types as a marketer names them (the type itself is technical, not data). */
export function sourceTypeZh(type: string): string {
  const t = type.toUpperCase();
  if (/CHAR|STRING|TEXT|UUID/.test(t)) return '文本';
  if (/INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL/.test(t)) return '数值';
  if (/BOOL/.test(t)) return '是/否';
  if (/TIMESTAMP|DATE|TIME/.test(t)) return '日期时间';
  return '其他';
}

export const FORMATS_ZH: Record<FileFormat, string> = { csv: 'CSV 文件', tsv: 'TSV 文件', jsonl: 'JSONL 文件', parquet: 'Parquet 文件' };

const n = (s: string) => s.replace(/^~/, '约');

// The data stage's reasons (data/infer-schema.ts, data/assembly.ts), most specific first.
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^named like an id(, unique)?$/, (m) => `字段名像 ID${m[1] ? '，且取值唯一' : ''}`],
  [/^given by --(\w[\w-]*)(, unique)?$/, () => '由参数指定'],
  [/^numbers(?: \(([^)]*)\))?, (~?[\d,]+) distinct$/, (m) => `数字，${n(m[2])}个不同取值${m[1] ? `（${m[1].replace('decimal comma', '逗号作小数点').replace('currency sign', '带货币符号').replace(', ', '，')}）` : ''}`],
  [/^([\d,]+) levels( \+ \(missing\))?$/, (m) => `${m[1]}个类别${m[2] ? '（另有缺失）' : ''}`],
  [/^free text, (~?[\d,]+) distinct, (~?[\d,]+) chars$/, (m) => `自由文本，${n(m[1])}条不同内容，平均${n(m[2])}字`],
  [/^true\/false$|^0\/1 values$|^yes\/no values$/, () => '是/否取值'],
  [/^dates.* → .*_days_ago$/, () => '日期，换算为距今天数'],
  [/^derived$/, () => '按客户派生'],
  [/^one value only/, () => '只有一个取值（未使用）'],
  [/^all values empty/, () => '全部为空（未使用）'],
  [/^order id/, () => '订单号'],
  [/^.*\(an identifier, not a number or a feature\)$/, () => '编码（标识符，不作为数值或特征）'],
  [/distinct short values \(codes\?\)/, () => '取值太多的短编码，不作为类别'],
  [/instruction/, () => '内容像是给模型的指令（未使用）'],
  [/values are not used$/, () => '这种类型的取值不使用'],
];

export function reasonZh(reason: string): string {
  for (const [re, say] of REASONS) {
    const m = re.exec(reason);
    if (m) return say(m);
  }
  return '由数据推断';
}

/** What a missing value was filled with (data/clean.ts). */
export function filledZh(filled: string): string {
  if (filled === 'empty text') return '空文本';
  const median = /^median \((.*)\)$/.exec(filled);
  if (median) return `中位数（${median[1]}）`;
  const common = /^most common \((yes|no)\)$/.exec(filled);
  if (common) return `最常见的取值（${common[1] === 'yes' ? '是' : '否'}）`;
  if (/level$/.test(filled)) return '单独的“缺失”类别';
  return '默认值';
}
