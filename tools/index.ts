import { operations } from '../src/ops/index.js';
import type { OpContext } from '../src/ops/operation.js';
import { toolFromOperation } from './from-operation.js';

export { toolFromOperation, type ToolArtifact } from './from-operation.js';

/**
 * The agent's tools: one per operation, made by mapping the registry through the single
 * adapter. A per-operation file would be the same one line ten times, and mapping means an
 * operation added to src/ops/index.ts (eval, export) becomes a tool without anyone
 * remembering to add a file here. `allowed` (operation names) limits them: a surface that must
 * not read server files (Slack) passes its own list, and the model is never offered the rest.
 */
export function segmentaTools(ctx: OpContext, allowed?: readonly string[]) {
  return operations.filter((op) => !allowed || allowed.includes(op.name)).map((op) => toolFromOperation(op, ctx));
}
