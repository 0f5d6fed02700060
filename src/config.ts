import { ConfigError } from './errors.js';
import { LANGUAGES, type Language } from './util/script.js';

/**
 * The one place that reads the environment. Flags (overrides) win over environment variables,
 * which win over defaults. Every bad value is a ConfigError of one line naming the variable
 * (or flag) and the fix, so the CLI can print it as is.
 */

export type StructuredMethod = 'jsonSchema' | 'functionCalling';

export interface LlmConfig {
  /** Never print or store this; `describeLlm` gives a safe one-liner. */
  apiKey: string;
  /** True when no key was given and a placeholder is sent (local servers need none). */
  placeholderKey: boolean;
  /** Undefined → the OpenAI API itself. */
  baseURL?: string;
  model: string;
  /** Set → text columns are embedded by this model on the same server. */
  embeddingModel?: string;
  temperature: number;
  /** Per attempt, not per call: a call may make 1 + maxRetries attempts. */
  timeoutMs: number;
  maxRetries: number;
  /** Personas and copy written at once. */
  concurrency: number;
  structuredMethod: StructuredMethod;
}

/** Slack tokens; the rest of the SLACK_* settings are read by src/slack/config.ts when the bot starts. */
export interface SlackConfig {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
}

export interface Config {
  workspace: string;
  minSegmentSize: number;
  /** True when the user set the minimum (flag or variable): small tables then keep it as set (cluster/min-segment-size.ts). */
  minSegmentSizeSet?: boolean;
  /** The language segmenta writes in; undefined → the language of the data's text, else English. */
  lang?: Language;
  /** Undefined → the offline writer (no key and no base URL configured). */
  llm?: LlmConfig;
  slack: SlackConfig;
  /** Brand name the copy signs with and the SMS sender prefix (`--brand`, SEGMENTA_BRAND). */
  brand?: string;
  /** Things the user should know but that are not errors (printed once on stderr). */
  warnings: string[];
}

/** What flags can set. Names follow the CLI flags (`--base-url` → baseUrl). */
export interface ConfigOverrides {
  workspace?: string;
  minSegmentSize?: number;
  /** `--lang`: a language code (en, zh). */
  lang?: string;
  apiKey?: string;
  baseUrl?: string;
  model?: string;
  embeddingModel?: string;
  timeoutMs?: number;
  maxRetries?: number;
  concurrency?: number;
  structuredMethod?: StructuredMethod;
  temperature?: number;
  brand?: string;
  /** Force the offline writer even when a key is set (`--offline`). */
  offline?: boolean;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_WORKSPACE = './segmenta-workspace';
export const DEFAULT_MIN_SEGMENT_SIZE = 50;
export const DEFAULT_LLM_TIMEOUT_MS = 60_000;
export const DEFAULT_LLM_MAX_RETRIES = 3;
export const DEFAULT_LLM_CONCURRENCY = 4;
/** Sent when a base URL is given without a key: the openai client refuses an empty key. */
export const PLACEHOLDER_API_KEY = 'segmenta-no-key';

type Env = Record<string, string | undefined>;

/** A value and where it came from, so an error can name the right variable or flag. */
interface Sourced {
  value: string;
  source: string;
}

function pick(override: unknown, flag: string, env: Env, variable: string): Sourced | undefined {
  if (override !== undefined && override !== null && override !== '') return { value: String(override), source: flag };
  const v = env[variable]?.trim();
  // An empty variable (`OPENAI_BASE_URL=`) means unset: shells and .env files produce them.
  return v ? { value: v, source: variable } : undefined;
}

/** A check of one setting's text: the value, or undefined when it is not allowed. */
type Check<T> = (value: string) => T | undefined;

function parseWith<T>(check: Check<T>, s: Sourced, expected: string, example: string): T {
  const v = check(s.value);
  if (v !== undefined) return v;
  throw new ConfigError(`${s.source} must be ${expected}, got "${s.value}". Fix: ${example}, or unset it for the default.`);
}

// Written out instead of zod (as z.coerce.number().int().min().max() and z.enum read them):
// every command loads the config, and importing zod (224 modules) took 0.11 s of the CLI's
// 0.3 s start-up budget (node -e "await import('zod')" beside node -e 0, load ~20).
const numberIn = (min: number, max: number, int = false): Check<number> => (value) => {
  const n = Number(value);
  return Number.isFinite(n) && (!int || Number.isInteger(n)) && n >= min && n <= max ? n : undefined;
};
const intIn = (min: number, max: number) => numberIn(min, max, true);
const oneOf = <T extends string>(values: readonly T[]): Check<T> => (value) => (values as readonly string[]).includes(value) ? (value as T) : undefined;

function parseUrl(s: Sourced): string {
  let url: URL;
  try {
    url = new URL(s.value);
  } catch {
    throw new ConfigError(`${s.source} is not a URL: "${s.value}". Fix: e.g. ${s.source}=http://localhost:11434/v1 (include the /v1 path), or unset it to use OpenAI.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${s.source} must be an http(s) URL, got "${s.value}". Fix: e.g. ${s.source}=http://localhost:11434/v1.`);
  }
  return s.value.replace(/\/+$/, '');
}

/** A language code segmenta writes in ("zh-CN" and "ZH" read as zh); anything else is a one-line ConfigError listing the supported ones. */
export function parseLanguage(value: string, source = '--lang'): Language {
  const code = value.trim().toLowerCase().split(/[-_]/)[0];
  if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  throw new ConfigError(`${source} "${value}" is not a language segmenta writes; supported: ${LANGUAGES.join(', ')} (English, Simplified Chinese). Fix: ${source === '--lang' ? '--lang zh' : `${source}=zh`}, or leave it out to follow the data's text.`);
}

export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const warnings: string[] = [];
  const o = overrides;

  const workspace = pick(o.workspace, '--workspace', env, 'SEGMENTA_WORKSPACE')?.value ?? DEFAULT_WORKSPACE;
  const minSize = pick(o.minSegmentSize, '--min-segment-size', env, 'SEGMENTA_MIN_SEGMENT_SIZE');
  const minSegmentSize = minSize ? parseWith(intIn(1, 1_000_000_000), minSize, 'a whole number ≥ 1', `${minSize.source}=50`) : DEFAULT_MIN_SEGMENT_SIZE;

  const slack: SlackConfig = {
    botToken: env.SLACK_BOT_TOKEN?.trim() || undefined,
    signingSecret: env.SLACK_SIGNING_SECRET?.trim() || undefined,
    appToken: env.SLACK_APP_TOKEN?.trim() || undefined,
  };

  const langSetting = pick(o.lang, '--lang', env, 'SEGMENTA_LANG');
  const lang = langSetting ? parseLanguage(langSetting.value, langSetting.source) : undefined;

  const brand = pick(o.brand, '--brand', env, 'SEGMENTA_BRAND')?.value.trim() || undefined;
  const config: Config = { workspace, minSegmentSize, ...(minSize ? { minSegmentSizeSet: true } : {}), lang, slack, warnings, ...(brand ? { brand } : {}) };
  if (o.offline) return config;

  const key = pick(o.apiKey, '--api-key', env, 'OPENAI_API_KEY');
  const base = pick(o.baseUrl, '--base-url', env, 'OPENAI_BASE_URL');
  if (!key && !base) return config;

  const baseURL = base ? parseUrl(base) : undefined;
  if (!key) {
    warnings.push(`${base!.source} is set without OPENAI_API_KEY: sending a placeholder key (fine for local servers such as Ollama or vLLM; set OPENAI_API_KEY if yours needs one).`);
  }

  const num = (flag: string, variable: string, override: unknown, check: Check<number>, expected: string, example: string, dflt: number) => {
    const s = pick(override, flag, env, variable);
    return s ? parseWith(check, s, expected, `${s.source}=${example}`) : dflt;
  };

  const method = pick(o.structuredMethod, '--structured-method', env, 'SEGMENTA_STRUCTURED_METHOD');
  const llm: LlmConfig = {
    apiKey: key?.value ?? PLACEHOLDER_API_KEY,
    placeholderKey: !key,
    baseURL,
    model: pick(o.model, '--model', env, 'SEGMENTA_MODEL')?.value ?? DEFAULT_MODEL,
    embeddingModel: pick(o.embeddingModel, '--embedding-model', env, 'SEGMENTA_EMBEDDING_MODEL')?.value,
    temperature: num('--temperature', 'SEGMENTA_TEMPERATURE', o.temperature, numberIn(0, 2), 'a number from 0 to 2', '0.4', 0.4),
    timeoutMs: num('--timeout', 'SEGMENTA_LLM_TIMEOUT_MS', o.timeoutMs, intIn(1, 3_600_000), 'a whole number of milliseconds from 1 to 3600000', '60000', DEFAULT_LLM_TIMEOUT_MS),
    maxRetries: num('--max-retries', 'SEGMENTA_LLM_MAX_RETRIES', o.maxRetries, intIn(0, 10), 'a whole number from 0 to 10', '3', DEFAULT_LLM_MAX_RETRIES),
    concurrency: num('--concurrency', 'SEGMENTA_LLM_CONCURRENCY', o.concurrency, intIn(1, 64), 'a whole number from 1 to 64', '4', DEFAULT_LLM_CONCURRENCY),
    structuredMethod: method
      ? parseWith(oneOf(['jsonSchema', 'functionCalling'] as const), method, 'jsonSchema or functionCalling', `${method.source}=functionCalling`)
      : 'jsonSchema',
  };
  // Keep the key out of anything that serialises the config (run.json, logs, --json output).
  Object.defineProperty(llm, 'toJSON', { enumerable: false, value: () => ({ ...llm, apiKey: '[redacted]' }) });
  config.llm = llm;
  return config;
}

/** One line for people: which writer and server will be used. Never shows the key. */
export function describeLlm(config: Config): string {
  const llm = config.llm;
  if (!llm) return 'offline writer (no OPENAI_API_KEY or OPENAI_BASE_URL set)';
  const where = llm.baseURL ?? 'api.openai.com';
  return `LLM ${llm.model} at ${where}${llm.placeholderKey ? ' (no API key)' : ''}`;
}
