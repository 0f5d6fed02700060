import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the BigQuery REST API, enough for @google-cloud/bigquery's query path:
 * POST /bigquery/v2/projects/P/jobs (jobs.insert), GET …/queries/JOB (getQueryResults) and
 * GET …/jobs/JOB. It records every request; `answer` decides each query's schema and rows, or
 * an API error (404 notFound, 403 accessDenied), the way the real service reports them.
 */
export interface FakeAnswer {
  fields?: { name: string; type: string }[];
  rows?: unknown[][];
  error?: { code: number; reason: string; message: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  json?: any;
}

export async function startFakeBigQuery(answer: (sql: string) => FakeAnswer) {
  const requests: RecordedRequest[] = [];
  const jobs = new Map<string, { sql: string; answer: FakeAnswer; projectId: string }>();
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = text ? JSON.parse(text) : undefined;
    requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, json });
    const insert = /^\/bigquery\/v2\/projects\/([^/]+)\/jobs$/.exec(url.pathname);
    const results = /^\/bigquery\/v2\/projects\/([^/]+)\/(queries|jobs)\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'POST' && insert) {
      const sql: string = json?.configuration?.query?.query ?? '';
      const jobId: string = json?.jobReference?.jobId ?? `job${jobs.size + 1}`;
      const a = answer(sql);
      if (a.error) return send(res, a.error.code, { error: { code: a.error.code, message: a.error.message, errors: [{ reason: a.error.reason, message: a.error.message }] } });
      jobs.set(jobId, { sql, answer: a, projectId: insert[1] });
      return send(res, 200, { kind: 'bigquery#job', id: `${insert[1]}:US.${jobId}`, jobReference: { projectId: insert[1], jobId, location: 'US' }, configuration: json.configuration, status: { state: 'DONE' } });
    }
    if (req.method === 'GET' && results) {
      const job = jobs.get(results[3]);
      if (!job) return send(res, 404, { error: { code: 404, message: 'Not found: Job', errors: [{ reason: 'notFound', message: 'Not found: Job' }] } });
      const jobReference = { projectId: job.projectId, jobId: results[3], location: 'US' };
      if (results[2] === 'jobs') return send(res, 200, { kind: 'bigquery#job', jobReference, status: { state: 'DONE' }, configuration: { query: { query: job.sql } } });
      const rows = (job.answer.rows ?? []).map((r) => ({ f: r.map((v) => ({ v: v === null ? null : String(v) })) }));
      return send(res, 200, { kind: 'bigquery#getQueryResultsResponse', jobReference, jobComplete: true, schema: { fields: job.answer.fields ?? [] }, rows, totalRows: String(rows.length) });
    }
    send(res, 404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}`, errors: [{ reason: 'notFound', message: 'no route' }] } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
