import type { WriterInfo } from '../model/texts.js';
import type { Language } from '../util/script.js';
import type { RunFile } from '../model/run.js';

/** Which writer wrote a segment's texts, in words a marketer reads in a brief (in the Run's language). */
export function writerLabel(info: WriterInfo | undefined, lang: Language = 'en'): string {
  if (lang === 'zh') {
    if (!info) return '尚未撰写';
    if (info.kind === 'llm') return `大模型（${info.model ?? '未记录模型'}）`;
    if (info.fallback) return `离线撰写，代替大模型${info.model ? `（${info.model}）` : ''}${info.fallbackReason ? `：${info.fallbackReason}` : ''}`;
    return '离线撰写（未用大模型；只依据人群的数据确定生成）';
  }
  if (!info) return 'not written yet';
  if (info.kind === 'llm') return `the LLM writer (${info.model ?? 'model not recorded'})`;
  if (info.fallback) return `the offline writer, standing in for the LLM${info.model ? ` (${info.model})` : ''}${info.fallbackReason ? `: ${info.fallbackReason}` : ''}`;
  return "the offline writer (no LLM; deterministic, built only from the profile's numbers)";
}

/**
 * Who wrote a Run's texts, for its summary line ("texts by the …"): the configured writer is
 * not the answer when the LLM's answers were refused or never came, and every segment (or
 * some) fell back to the offline writer.
 */
export function runWriterSummary(run: Pick<RunFile, 'config' | 'segments'>, lang: Language = 'en'): string {
  const zh = lang === 'zh';
  if (run.config.writer !== 'llm') return zh ? '离线撰写（未配置大模型）' : 'offline writer (no LLM configured)';
  const model = run.config.model ? (zh ? `（${run.config.model}）` : ` (${run.config.model})`) : '';
  const written = run.segments.map((s) => s.texts?.writer).filter((w): w is WriterInfo => !!w);
  const fellBack = written.filter((w) => w.kind !== 'llm');
  if (written.length > 0 && fellBack.length === written.length) {
    const reasons = [...new Set(fellBack.map((w) => w.fallbackReason).filter(Boolean))];
    if (zh) return `离线撰写：所有文案都由离线撰写代替大模型${model}${reasons.length ? `（${reasons.join('；')}）` : ''}`;
    return `offline writer: every text fell back from the LLM${model}${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
  }
  if (fellBack.length > 0) return zh ? `大模型${model}，其中 ${written.length} 个人群里有 ${fellBack.length} 个改由离线撰写` : `LLM${model}, except ${fellBack.length} of ${written.length} segments, which fell back to the offline writer`;
  return zh ? `大模型${model}` : `LLM${model}`;
}
