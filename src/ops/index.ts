import type { z } from 'zod';
import type { Operation } from './operation.js';
import { inspectOp } from './inspect-data.js';
import { segmentOp } from './segment.js';
import { listRunsOp } from './list-runs.js';
import { useRunOp } from './use-run.js';
import { listSegmentsOp } from './list-segments.js';
import { describeSegmentOp } from './describe-segment.js';
import { personaOp } from './persona.js';
import { copyOp } from './copy.js';
import { compareOp } from './compare.js';
import { briefOp } from './brief.js';
import { reportOp } from './report.js';
import { exportAudienceOp } from './export-audience.js';
import { lookalikeOp } from './lookalike.js';
import { quotesOp } from './quotes.js';
import { assignOp } from './assign.js';
import { evalOp } from './eval.js';
import { predictOp } from './predict.js';
import { refreshOp } from './refresh.js';
import { diffOp } from './diff.js';
import { historyOp } from './history.js';
import { writeTextsOp } from './write-texts.js';
import { doctorOp } from './doctor.js';

// Results differ per operation; a surface only passes them back to the same op's render().
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<z.ZodType, any>;

/**
 * Every user action, once. The agent's tools (tools/index.ts), the REPL's /help and the
 * offline intent parser read this list, so a new operation added here appears in all of them.
 */
export const operations: readonly AnyOperation[] = [
  inspectOp,
  segmentOp,
  refreshOp,
  listRunsOp,
  useRunOp,
  listSegmentsOp,
  describeSegmentOp,
  personaOp,
  copyOp,
  compareOp,
  briefOp,
  reportOp,
  exportAudienceOp,
  lookalikeOp,
  quotesOp,
  assignOp,
  evalOp,
  predictOp,
  diffOp,
  historyOp,
  writeTextsOp,
  doctorOp,
];

export function findOperation(name: string): AnyOperation | undefined {
  return operations.find((op) => op.name === name);
}
