import { z } from 'zod';

/**
 * The texts a Writer produces. The offline writer and the LLM writer share these schemas:
 * the LLM's structured output is parsed by them, and so is everything read back from a Run.
 */
export const CHANNEL_LIMITS = {
  emailSubject: 60,
  sms: 160,
  push: 120,
  adHeadline: 40,
} as const;

export const SegmentNameSchema = z.object({
  segment: z.number().int().positive().describe('The segment number this name is for'),
  name: z.string().min(3).max(40).describe('A 2–4 word name for the segment, distinct from the others'),
  summary: z.string().min(10).max(200).describe('One line on who they are, citing a number from the profile'),
});
export const SegmentNamesSchema = z.object({ names: z.array(SegmentNameSchema) });

export const PersonaSchema = z.object({
  archetype: z.string().min(3).max(60).describe('A short archetype, e.g. "The weekend deal hunter"'),
  description: z.string().min(10).max(600),
  goals: z.array(z.string().min(3).max(160)).min(1).max(5),
  painPoints: z.array(z.string().min(3).max(160)).min(1).max(5),
  channels: z.array(z.enum(['email', 'sms', 'push', 'ad'])).min(1).max(4),
  /** Each item cites a profile number, e.g. "Average spend $412 (2.1× everyone)". */
  evidence: z.array(z.string().min(3).max(200)).min(1).max(6),
});

export const CopySchema = z.object({
  email: z.object({
    subject: z.string().min(3).max(CHANNEL_LIMITS.emailSubject),
    body: z.string().min(20).max(1200),
  }),
  sms: z.string().min(10).max(CHANNEL_LIMITS.sms),
  push: z.string().min(5).max(CHANNEL_LIMITS.push),
  ad: z.object({
    headline: z.string().min(3).max(CHANNEL_LIMITS.adHeadline),
    primaryText: z.string().min(10).max(500),
  }),
  offer: z.string().min(3).max(200).describe('The offer idea the copy is built around'),
});

export const WriterInfoSchema = z.object({
  kind: z.enum(['offline', 'llm']),
  model: z.string().optional(),
  /** True when the LLM writer failed for this item and the offline writer stood in. */
  fallback: z.boolean().optional(),
  fallbackReason: z.string().optional(),
});

/** What a user asked the copy to be (`copy N --tone … --offer …`), kept per segment until changed. */
export const CopySettingsSchema = z.object({
  tone: z.string().max(60).optional(),
  offer: z.string().max(200).optional(),
  language: z.string().max(40).optional(),
});

export const SegmentTextsSchema = z.object({
  name: z.string(),
  summary: z.string(),
  persona: PersonaSchema,
  copy: CopySchema,
  writer: WriterInfoSchema,
  copySettings: CopySettingsSchema.optional(),
});

/** How a feature's values read: money (spend), rate (0..1 shares), count (orders), days, or a plain number. */
export const FEATURE_UNITS = ['money', 'rate', 'count', 'days', 'number'] as const;
export const FeatureLabelSchema = z.object({
  label: z.string().min(1).max(60),
  unit: z.enum(FEATURE_UNITS),
});
/** Plain-language labels of a Run's features and columns, by column name (kept in run.json). */
export const FeatureLabelsSchema = z.record(z.string(), FeatureLabelSchema);

/** Who the copy is from: a brand name for sign-offs and the SMS sender prefix. */
export interface SenderSettings {
  brand?: string;
}

export type SegmentName = z.infer<typeof SegmentNameSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type Copy = z.infer<typeof CopySchema>;
export type WriterInfo = z.infer<typeof WriterInfoSchema>;
export type SegmentTexts = z.infer<typeof SegmentTextsSchema>;
export type CopySettings = z.infer<typeof CopySettingsSchema>;
export type FeatureUnit = (typeof FEATURE_UNITS)[number];
export type FeatureLabel = z.infer<typeof FeatureLabelSchema>;
export type FeatureLabels = z.infer<typeof FeatureLabelsSchema>;
export type Channel = 'email' | 'sms' | 'push' | 'ad';
