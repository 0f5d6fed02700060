export { renderBrief } from './render-brief.js';
export { renderBriefIndex } from './render-index.js';
export { writeBriefs, BRIEFS_DIR } from './write-briefs.js';
export { kpisFor } from './kpis.js';
