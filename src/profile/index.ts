export { profileSegments, type ProfileOptions } from './profile.js';
export { detectRfmColumns, tierOf, quintileScores, RFM_TIERS } from './rfm.js';
export { snippetOf, SNIPPET_MAX } from './representatives.js';
export type * from '../model/profile.js';
