import type { WriterInfo } from '../model/texts.js';
import type { Language } from '../util/script.js';

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
