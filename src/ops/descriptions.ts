/**
 * Each operation's one sentence for --help, /help and the agent's tool description, kept apart
 * from the operations so that the CLI can build its command list without loading them: importing
 * every op (zod schemas, DuckDB, LangChain, marked-terminal) made `segmenta --version` take 0.47 s
 * (issue #19); the CLI now loads an op only when its command runs. Written once, here.
 */
export const OP_DESCRIPTIONS = {
  assign: "Give new customers a segment of a Run, using the Run's saved preprocessing (no refit) and nearest segment centre.",
  brief: "Write the campaign briefs of a Run (Markdown), or show one segment's brief.",
  compare: 'Compare two segments side by side: sizes, names and the features where they differ most.',
  copy: "Campaign copy for a segment (email, sms, push, ad): the stored copy, or fresh copy saved to the Run when a tone, offer or language is given.",
  describeSegment: 'Describe one segment: who they are, the numbers behind it, its persona and copy.',
  diff: 'What changed between two Runs: who moved between segments, and how much each segment drifted in size and profile (PSI).',
  doctor: 'Check the LLM configuration: the server answers, the model exists, a structured call works.',
  eval: "Score a Run's labels: held-out assignment, stability, distinctiveness, grounding, copy rules and cluster quality against thresholds.",
  exportAudience: 'Export segment audiences for ad platforms: customer ids and SHA-256-hashed emails per segment, as CSV or JSON (segments under the minimum size are not exported).',
  history: "A customer's segment in every Run of the workspace, oldest first (or the whole table as CSV with --out).",
  inspect: 'Load a customer file and show what segmenta sees: column roles (id, numeric, categorical, text, PII…) and data quality.',
  listRuns: 'List the Runs in the workspace, newest first.',
  listSegments: "List a Run's segments with their names, sizes and stability.",
  lookalike: 'Find the customers outside a segment who are most like it (or most like a seed list of customers), nearest first, with distances.',
  persona: "Show a segment's persona (archetype, goals, pain points, channels, evidence), or write it afresh with the LLM and save it.",
  predict: 'Predict from an event or order-line log who buys next, who churns and what each customer is worth (BG/NBD + Gamma-Gamma), with a holdout backtest against an RFM baseline; stores per-customer predictions and per-segment traits in the Run made from the file.',
  quotes: 'What customers in a segment say about a topic: the closest quotes from their free text (PII removed), each with its similarity to the topic.',
  refresh: "Segment new data since an earlier Run: its preprocessing and centroids as the start, and segments that are still there keep their ids, names and texts.",
  report: "Write a Run's visual HTML report (segment sizes, a map of customers, a lift heatmap and a card per segment) that opens offline.",
  segment: 'Split a customer file into segments and write a name, persona, copy and brief for each.',
  useRun: 'Make a Run the current one for this session (later commands work on it).',
  writeTexts: "Re-write a Run's names, personas and copy (e.g. with another model) without re-clustering; the previous texts are kept.",
} as const;
