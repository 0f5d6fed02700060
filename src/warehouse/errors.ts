import { SegmentaError } from '../errors.js';

/**
 * Engine failures as one line the user can act on. Drivers report them by code (PostgreSQL
 * SQLSTATE, BigQuery HTTP status and reason, Node's ECONNREFUSED); the message names the
 * source without its password and says what to do.
 */
export class WarehouseError extends SegmentaError {
  constructor(message: string, cause?: unknown) {
    super('config', message, { cause });
  }
}

type Coded = { code?: string; errno?: number; message?: string; errors?: { reason?: string; message?: string }[] };

export function postgresError(err: unknown, display: string, relation?: string): SegmentaError {
  if (err instanceof SegmentaError) return err;
  const e = (err ?? {}) as Coded & AggregateError;
  const code = e.code ?? (e.errors as unknown as Coded[] | undefined)?.find((x) => x.code)?.code;
  const what = relation && !relation.startsWith('(') ? ` ${relation}` : ''; // a --query is not repeated in the line
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new WarehouseError(`cannot connect to ${display} (${code}); check the host and port in the connection string or PGHOST/PGPORT, and that the server is running`, err);
    case '28P01':
    case '28000':
      return new WarehouseError(`${display} refused the login (${firstLine(e.message)}); check the user and password in the connection string or PGUSER/PGPASSWORD`, err);
    case '3D000':
      return new WarehouseError(`${display}: ${firstLine(e.message)}; check the database name in the connection string or PGDATABASE`, err);
    case '42P01':
      return new WarehouseError(`${display}: no such table${what} (${firstLine(e.message)}); check --table (schema.table) or the FROM of --query`, err);
    case '42501':
      return new WarehouseError(`${display}: permission denied${what} (${firstLine(e.message)}); grant the user SELECT on the table (and CREATE on the schema for segmenta_assignments)`, err);
    case '42703':
    case '42601':
    case '42883':
      return new WarehouseError(`${display}: the query failed (${firstLine(e.message)}); check --query`, err);
    default:
      if (e.message && /connect|terminat|timeout/i.test(e.message)) return new WarehouseError(`cannot connect to ${display} (${firstLine(e.message)})`, err);
      return new SegmentaError('provider', `${display}: ${firstLine(e.message ?? String(err))}`, { cause: err, exitCode: 2 });
  }
}

export function bigqueryError(err: unknown, display: string, relation?: string): SegmentaError {
  if (err instanceof SegmentaError) return err;
  const e = (err ?? {}) as Omit<Coded, "code"> & { code?: number | string };
  const reason = e.errors?.[0]?.reason;
  const message = firstLine(e.errors?.[0]?.message ?? e.message ?? String(err));
  const what = relation && !relation.startsWith('(') ? ` ${relation}` : ''; // a --query is not repeated in the line
  if (reason === 'notFound' || e.code === 404) return new WarehouseError(`${display}: no such table${what} (${message}); check --table (dataset.table) or the FROM of --query`, err);
  if (reason === 'accessDenied' || e.code === 403) return new WarehouseError(`${display}: permission denied${what} (${message}); the account needs BigQuery Data Viewer on the dataset and Job User on the project`, err);
  if (e.code === 401 || /Could not load the default credentials/i.test(message)) {
    return new WarehouseError(`${display}: no Google credentials (${message}); run \`gcloud auth application-default login\` or set GOOGLE_APPLICATION_CREDENTIALS`, err);
  }
  if (typeof e.code === 'string' && /^E(CONNREFUSED|NOTFOUND|AI_AGAIN|TIMEDOUT)$/.test(e.code)) return new WarehouseError(`cannot connect to ${display} (${e.code})`, err);
  if (reason === 'invalidQuery' || e.code === 400) return new WarehouseError(`${display}: the query failed (${message}); check --query`, err);
  return new SegmentaError('provider', `${display}: ${message}`, { cause: err, exitCode: 2 });
}

export function duckdbError(err: unknown, display: string, relation?: string): SegmentaError {
  if (err instanceof SegmentaError) return err;
  const message = firstLine(err instanceof Error ? err.message : String(err));
  const what = relation && !relation.startsWith('(') ? ` ${relation}` : ''; // a --query is not repeated in the line
  if (/^Catalog Error: Table .* does not exist/i.test(message)) return new WarehouseError(`${display}: no such table${what} (${message.replace(/!$/, '')}); check --table or the FROM of --query`, err);
  if (/permission denied/i.test(message)) return new WarehouseError(`${display}: permission denied (${message}); the database file must be readable and writable (segmenta writes its tables into it)`, err);
  if (/could not set lock|conflicting lock/i.test(message)) return new WarehouseError(`cannot open ${display}: another process has it open (${message.slice(0, 160)}); close it and try again`, err);
  if (/^IO Error/i.test(message)) return new WarehouseError(`cannot open ${display} (${message.slice(0, 200)})`, err);
  if (/^(Parser|Binder|Conversion) Error/i.test(message)) return new WarehouseError(`${display}: the query failed (${message}); check --query`, err);
  return new SegmentaError('provider', `${display}: ${message}`, { cause: err, exitCode: 2 });
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0].trim();
}
