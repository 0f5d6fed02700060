/**
 * A Run over a SQL engine: the same makeRun, with warehouse stages (src/model/stages.ts
 * contracts) around today's defaults. The Source fetches the hash sample; the Embedder fits on
 * it and hands its preprocessing to the session; the Clusterer fits on the sample and then has
 * the engine assign every customer by SQL; the Profiler replaces sizes, means and category
 * shares with the engine's GROUP BY over everyone. After the Run is saved, the audiences are
 * written back and run.json records the engine, its tables, the SQL and the rows fetched.
 */
import { assignToCentroids } from '../cluster/assign.js';
import type { Clusterer, Embedder, Profiler, Source } from '../model/stages.js';
import { newRunId, updateRunFile } from '../run/store.js';
import { WarehouseSession, type WarehouseOptions } from '../warehouse/session.js';
import { makeRun, type MadeRun, type MakeRunOptions } from './make-run.js';
import { blockEmbedder, defaultProfiler, kmeansClusterer } from './stages.js';

/** Exports never hold audiences under 10 people, whatever the minimum segment size (README, Privacy). */
const MIN_AUDIENCE = 10;

export function warehouseStages(session: WarehouseSession, runId: string): { source: Source; embedder: Embedder; clusterer: Clusterer; profiler: Profiler } {
  const embedder = blockEmbedder();
  const clusterer = kmeansClusterer();
  const profiler = defaultProfiler();
  return {
    source: { name: session.name, load: (ctx) => session.load(ctx.signal) },
    embedder: {
      name: embedder.name,
      async embed(table, ctx) {
        const out = await embedder.embed(table, ctx);
        session.model = out.model;
        return out;
      },
    },
    clusterer: {
      name: `${clusterer.name} on the sample, assigned in ${session.engine.dialect.name}`,
      async cluster(vectors, request, ctx) {
        let result = await clusterer.cluster(vectors, request, ctx);
        if (session.options.engineKmeans) {
          // The sample's labels follow the refined centroids, so its profiles describe the engine's segments.
          const centroids = await session.refineCentroids(result.centroids, result.k, runId);
          result = { ...result, centroids, labels: assignToCentroids(vectors, centroids, result.k) };
          ctx.log(`refined the centroids with BigQuery ML k-means over everyone (${session.engine.display})`);
        }
        await session.assign(result.centroids, result.k, runId);
        ctx.log(`assigned ${session.totalCustomers.toLocaleString('en-US')} customers in ${session.engine.display} (${'segmenta_assignments'})`);
        return result;
      },
    },
    profiler: {
      async profile(table, request, ctx) {
        const local = await profiler.profile(table, request, ctx);
        const profiles = await session.profile(local, runId);
        return profiles.map((p) => ({ ...p, small: p.size < request.minSegmentSize }));
      },
    },
  };
}

export interface WarehouseRunOptions extends Omit<MakeRunOptions, 'file' | 'runId'> {
  warehouse: WarehouseOptions;
}

export async function makeWarehouseRun(opts: WarehouseRunOptions): Promise<MadeRun> {
  const session = await WarehouseSession.open({ idColumn: opts.idColumn, ignore: opts.ignore, text: opts.text, events: opts.events, time: opts.time, amount: opts.amount, quantity: opts.quantity, price: opts.price, category: opts.category, orderId: opts.orderId, join: opts.join, ...opts.warehouse });
  try {
    const runId = newRunId();
    const made = await makeRun({ ...opts, runId, stages: { ...warehouseStages(session, runId), ...opts.stages } });
    const audiences = made.run.segments
      .filter((s) => !s.small && s.size >= MIN_AUDIENCE)
      .map((s) => ({ audienceId: `${runId}-${s.id}`, segment: s.id, name: s.texts?.name ?? `Segment ${s.id}`, size: s.size }));
    await session.writeBack(runId, audiences);
    opts.log(`wrote ${audiences.length} audience${audiences.length === 1 ? '' : 's'} to segmenta_audiences and segmenta_memberships (ids and emails as SHA-256)`);
    const run = await updateRunFile(made.runDir, (r) => {
      r.warehouse = session.record();
      r.metrics.customers = session.totalCustomers;
    });
    return { ...made, run };
  } finally {
    await session.close();
  }
}
