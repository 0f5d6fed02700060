/** The data stage's public surface: load a file into a CustomerTable, describe it, check it. */
export { assertEnoughCustomers, describeSchema, loadCustomers } from './load.js';
export { aggregateEvents, eventFeatureNames, eventFeatureSql, MAX_CATEGORY_SHARES, type EventColumnsSql, type EventFeatures } from './events.js';
export { createScrubber, piiKindFromName, piiKindOfValue, PII_PATTERNS, scrubPii } from '../util/pii.js';
export { TEXT_CAP } from './infer-schema.js';
export * from '../model/data.js';
