import { Piscina } from 'piscina';
import { tableFromShared, type TableMeta } from '../../src/run/table-file.js';
import type { Vectors } from '../../src/model/vectors.js';
import { offlineWriter } from '../writer-under-test.js';
import { runResample, type ResampleResult, type ResampleTask } from './resample.js';

/**
 * A label-stability worker thread (stability-pool.ts starts it through piscina): the Run's
 * table and vectors arrive once, as views of the main thread's SharedArrayBuffers (no copy),
 * and each task is one resample, run by the same code as in the main thread.
 */
export interface StabilityWorkerData {
  table: { meta: TableMeta; shared: SharedArrayBuffer };
  vectors: Vectors;
}

const data = Piscina.workerData as StabilityWorkerData;
// profileSegments reads only the number of ids; the ids themselves stay in the main thread.
const table = tableFromShared(data.table.meta, data.table.shared, new Array<string>(data.table.meta.n).fill(''));
const writer = offlineWriter();

export default function resample(task: ResampleTask): Promise<ResampleResult> {
  return runResample(task, { table, vectors: data.vectors, writer });
}
