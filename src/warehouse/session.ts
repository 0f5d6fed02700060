/**
 * Warehouse mode: the customers stay in a SQL engine and only a sample, aggregates and centroids
 * leave it. A WarehouseSession is opened once per Run and used by the pipeline's stages in turn
 * (src/pipeline/warehouse-stages.ts): load the hash sample, assign everyone in SQL, profile by
 * GROUP BY, write audiences back, and say what it did (engine, tables, SQL, rows fetched).
 *
 * The sample is read by the data stage exactly as a file is — as text, through the same
 * inference and cleaning — so a table with no more customers than the sample size gives the
 * same customer table, and so the same Run, as the file it was loaded from.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCustomers } from '../data/load.js';
import { chooseIdColumn } from '../data/infer-schema.js';
import { SegmentaError } from '../errors.js';
import { piiKindFromName, type PiiKind } from '../util/pii.js';
import type { ColumnSchema, CustomerTable, LoadOptions } from '../model/data.js';
import type { SegmentProfile } from '../model/profile.js';
import type { EmbeddingModel } from '../model/vectors.js';
import type { WarehouseRecord } from '../model/warehouse.js';
import type { Engine, EngineColumn, Row } from './engine.js';
import { WarehouseError } from './errors.js';
import { openEngine, type OpenOptions } from './open.js';
import { AMOUNT_HINT, CATEGORY_HINT, COUNTRY_HINT, derivedUnit, PRICE_HINT, STATUS_HINT, TIME_HINT } from '../data/log-roles.js';
import { ORDER_NAME } from '../data/infer-schema.js';
import { pickOrderColumns } from './order-roles.js';
import { addCategorical, addNumeric, derivedPlan, emptyQuality, type Assembly } from '../data/assembly.js';
import { kmeansModelName, refineWithBigQueryMl } from './bqml.js';
import { cancelRuleSql, orderCategoriesSql, orderFeatureColumns, orderFeaturesSql, orderSummarySql, TEXT_FEATURE, type CancelRule, type OrderColumns } from './order-plan.js';
import { cleanText } from '../data/clean.js';
import { TEXT_CAP } from '../data/infer-schema.js';
import { TERMS_TABLE, termsTableSql, textCoordinatesSql, UNSEGMENTED, unsegmentedSql, withTextSql, type TextPlanOptions } from './text-plan.js';
import { dropSql, eventCategoriesSql, eventFeaturesSql, eventSummarySql, eventFeatureColumns, FAVOURITE_COLUMN, FEATURES_TABLE, materializeSql, type EventColumns } from './event-plan.js';
import {
  asOfSql, assignSql, ASSIGNMENTS_TABLE, AUDIENCES_TABLE, createTablesSql, DEFAULT_SAMPLE, deleteRunSql, MEMBERSHIPS_TABLE,
  profileCategorySql, profileNumericSql, sampleSql, statisticsSql, vectorSql, writeBackSql,
  type AudienceRow, type CategorySource, type FeatureSource, type PlanInput,
} from './plan.js';

export interface WarehouseOptions extends Pick<LoadOptions, 'idColumn' | 'ignore' | 'text' | 'events' | 'time' | 'amount' | 'quantity' | 'price' | 'category' | 'orderId' | 'join'> {
  url: string;
  /** A table (schema.table; BigQuery dataset.table or table in the URL's dataset)… */
  table?: string;
  /** …or the SQL of a query whose rows are the customers (the text of a --query file). */
  query?: string;
  /** BigQuery: refine the centroids with BigQuery ML k-means, warm-started from ours (--engine-kmeans). */
  engineKmeans?: boolean;
  /** Customers fetched to choose k and fit (default 50,000, the file path's fit sample). */
  sampleSize?: number;
  open?: OpenOptions;
}

/** Free text: long, and varied (not a handful of long category labels); an event table's text is not a category candidate. */
const TEXT_MIN_LENGTH = 25;
const TEXT_MIN_DISTINCT = 0.05;
const PII_SHARE = 0.5;
/** The data stage's event-log rule (src/data/infer-schema.ts): distinct ids under 80% of rows, beside a date column. */
const EVENT_REPEAT_SHARE = 0.8;

/** What an event table was aggregated from, for the Run's schema. */
interface EventSource {
  columns: EngineColumn[];
  roles: EventColumns;
  events: number;
  skipped: number;
  categories: string[];
  asOf: string;
  table: string;
  /** An order-line table: its roles, how cancellations are marked, and the order counts. */
  orders?: { roles: OrderColumns; rule: CancelRule; orders: number; cancelled: number };
}

export class WarehouseSession {
  private plan!: PlanInput;
  private customers = 0;
  private sample = 0;
  private asOf = Number.NaN;
  private keptInEngine: { column: string; reason: string; pii?: PiiKind; type: string }[] = [];
  private fetchedColumns: string[] = [];
  private features: FeatureSource[] = [];
  private categories: CategorySource[] = [];
  private tables: WarehouseRecord['tables'] = { assignments: ASSIGNMENTS_TABLE };
  private email: string | undefined;
  private events?: EventSource;
  private textOptions: TextPlanOptions = {};
  /** The uploaded term table, once the text model is in the engine. */
  private termsTable?: string;
  /** The fitted preprocessing, set by the embedder stage for the assignment. */
  model?: EmbeddingModel;

  private constructor(readonly engine: Engine, readonly options: WarehouseOptions) {}

  static async open(options: WarehouseOptions): Promise<WarehouseSession> {
    if (options.engineKmeans && !/^bigquery:/i.test(options.url)) throw new SegmentaError('usage', '--engine-kmeans refines with BigQuery ML: it needs --source bigquery://PROJECT/DATASET');
    if (!options.table === !options.query) throw new SegmentaError('usage', 'a SQL source needs --table NAME or --query FILE.sql (one of them)');
    // Files are joined by the data stage in DuckDB; in an engine the join is the engine's own: a --query that joins.
    if (options.join?.length) throw new SegmentaError('usage', '--join joins files; with a SQL source, join in the engine: --query FILE.sql whose SELECT joins the tables');
    return new WarehouseSession(await openEngine(options.url, options.open), options);
  }

  get name(): string {
    return `${this.engine.display} ${this.options.table ?? '(query)'}`;
  }

  private qualify = (t: string) => this.engine.qualify(t);

  /** Describe, classify the columns, fetch the hash sample and read it as the data stage reads a file. */
  async load(signal?: AbortSignal): Promise<CustomerTable> {
    const d = this.engine.dialect;
    const relation = this.options.table ? d.table(this.engine.qualify(this.options.table)) : `(${this.options.query!.trim().replace(/;\s*$/, '')}) AS segmenta_q`;
    let columns = await this.engine.describe(relation);
    const id = this.options.idColumn ?? chooseIdColumn(columns.map((c) => ({ name: c.name, typeClass: c.kind === 'number' ? 'number' : 'string' }) as never), new Map(columns.map((c) => [c.name, { nonNull: 1 } as never])));
    const names = columns.map((c) => c.name);
    for (const [flag, given] of [['--id', id ? [id] : []], ['--ignore', this.options.ignore ?? []], ['--text', this.options.text ?? []]] as const) {
      const unknown = given.filter((g) => !names.includes(g));
      if (unknown.length) throw new SegmentaError('usage', `${this.name}: ${flag} names no column ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are ${names.join(', ')}`);
    }
    if (!id) throw new WarehouseError(`${this.name}: no customer id column found (looked for names like customer_id, user_id, id); pass --id COLUMN`);
    this.plan = { dialect: d, relation, id, columns };

    let stats = (await this.engine.query(statisticsSql(this.plan), 'statistics'))[0] ?? {};
    if (this.isEventTable(stats)) {
      await this.aggregateEvents(stats);
      columns = this.plan.columns;
      stats = (await this.engine.query(statisticsSql(this.plan), 'statistics'))[0] ?? {};
    }
    this.customers = Number(stats.n ?? 0);
    const fetch = [id];
    columns.forEach((c, i) => {
      if (c.name === id) return;
      const keep = (reason: string, pii?: PiiKind) => this.keptInEngine.push({ column: c.name, reason, type: c.type, ...(pii ? { pii } : {}) });
      const byName = piiKindFromName(c.name);
      const nn = Number(stats[`nn${i}`] ?? 0);
      if (this.options.ignore?.includes(c.name)) return keep('--ignore');
      if (byName) return keep(`PII (${byName}) by its name: stays in the engine, hashed in memberships only`, byName);
      if (c.kind === 'string' && nn > 0 && Number(stats[`em${i}`]) / nn >= PII_SHARE) return keep('PII (email): most values look like emails; stays in the engine', 'email');
      if (c.kind === 'string' && nn > 0 && Number(stats[`ph${i}`]) / nn >= PII_SHARE) return keep('PII (phone): most values look like phone numbers; stays in the engine', 'phone');
      // Free text is fetched in the sample like any column: the text model is fitted on it, and everyone's text coordinates are computed in SQL (text-plan.ts).
      if (c.kind === 'other') return keep(`engine type ${c.type} is not read in warehouse mode`);
      fetch.push(c.name);
    });
    this.fetchedColumns = fetch;
    this.email = this.keptInEngine.find((k) => k.pii === 'email')?.column;

    const m = Math.min(this.options.sampleSize ?? DEFAULT_SAMPLE, this.customers);
    const idIndex = columns.findIndex((c) => c.name === id);
    const idNonNull = Number(stats[`nn${idIndex}`] ?? 0);
    const idIsPii = Boolean(piiKindFromName(id)) || (idNonNull > 0 && (Number(stats[`em${idIndex}`]) / idNonNull >= PII_SHARE || Number(stats[`ph${idIndex}`]) / idNonNull >= PII_SHARE));
    const rows = await this.engine.query(sampleSql(this.plan, fetch, Math.max(m, 1), idIsPii), 'sample');
    this.sample = rows.length;
    const table = this.events ? await this.eventSampleTable(rows) : await this.readSample(rows, fetch, signal);

    // An event table's days were computed in the engine (event-plan.ts); a customer table's dates are measured from the sample's latest.
    const dates = this.events ? [] : table.schema.columns.filter((c) => c.role === 'datetime').map((c) => c.name);
    if (dates.length > 0) {
      const row = (await this.engine.query(asOfSql(this.plan, dates, Math.max(m, 1)), 'sample latest date'))[0] ?? {};
      this.asOf = Math.max(...dates.map((_, i) => Number(row[`e${i}`])).filter(Number.isFinite));
    }
    this.describeFeatures(table, columns);
    return table;
  }

  /** The data stage's rule: the id repeats on at least 20% of rows and there is a date column (or --events / events: true). */
  private isEventTable(stats: Row): boolean {
    if (this.options.events === false) return false;
    const hasDates = this.plan.columns.some((c) => c.kind === 'date');
    if (this.options.events === true) {
      if (!hasDates) throw new WarehouseError(`${this.name}: read as an event log, but no column is a date or time; an event table needs one`);
      return true;
    }
    return hasDates && Number(stats.ids ?? 0) < EVENT_REPEAT_SHARE * Number(stats.n ?? 0);
  }

  /**
   * An event table: which column is the time, the amount and the category (flags first, then
   * the data stage's name hints), then the per-customer features computed in the engine into
   * segmenta_features, which the rest of the plan reads as the customer table.
   */
  private async aggregateEvents(stats: Row): Promise<void> {
    const d = this.engine.dialect;
    const { id, columns, relation } = this.plan;
    const o = this.options;
    const free = columns.filter((c) => c.name !== id && !o.ignore?.includes(c.name) && !piiKindFromName(c.name));
    const flagged = (flag: string, name: string | undefined, kind: EngineColumn['kind'][]): EngineColumn | undefined => {
      if (!name) return undefined;
      const c = columns.find((x) => x.name === name);
      if (!c) throw new SegmentaError('usage', `${this.name}: ${flag} names no column "${name}"; the columns are ${columns.map((x) => x.name).join(', ')}`);
      if (!kind.includes(c.kind)) throw new SegmentaError('usage', `${this.name}: ${flag} "${name}" is of type ${c.type}, not ${kind.join(' or ')}`);
      return c;
    };
    const orderId = o.orderId ? flagged('--order-id', o.orderId, ['string', 'number']) : free.find((c) => ORDER_NAME.test(c.name.trim()));
    const dates = free.filter((c) => c.kind === 'date');
    if (orderId) return this.aggregateOrderLines(stats, orderId, free, flagged);
    const numbers = free.filter((c) => c.kind === 'number');
    const strings = free.filter((c) => c.kind === 'string' && !this.looksPii(stats, columns.indexOf(c)) && !this.looksText(stats, columns.indexOf(c)));
    const time = flagged('--time', o.time, ['date']) ?? dates.find((c) => TIME_HINT.test(c.name)) ?? dates[0];
    const amount =
      flagged('--amount', o.amount, ['number']) ??
      numbers.find((c) => AMOUNT_HINT.test(c.name) && !PRICE_HINT.test(c.name)) ??
      (numbers.length === 1 ? numbers[0] : undefined) ??
      numbers.find((c) => PRICE_HINT.test(c.name));
    const category =
      flagged('--category', o.category, ['string']) ??
      strings.find((c) => CATEGORY_HINT.test(c.name) && !COUNTRY_HINT.test(c.name)) ??
      strings.find((c) => !COUNTRY_HINT.test(c.name) && !STATUS_HINT.test(c.name));
    const roles: EventColumns = { id, time: time.name, ...(amount ? { amount: amount.name } : {}), ...(category ? { category: category.name } : {}) };
    const summary = (await this.engine.query(eventSummarySql(d, relation, roles), 'event summary'))[0] ?? {};
    const asOf = Number(summary.as_of);
    const categories = roles.category ? (await this.engine.query(eventCategoriesSql(d, relation, roles), 'event categories')).map((r) => String(r.category)) : [];
    // A temporary table is this connection's own; BigQuery's is a dataset table, so one name per session.
    const table = this.qualify(d.name === 'bigquery' ? `${FEATURES_TABLE}_${randomBytes(4).toString('hex')}` : FEATURES_TABLE);
    await this.engine.query(materializeSql(d, table, eventFeaturesSql(d, relation, roles, categories, asOf)), 'aggregate events');
    const used = new Set([id, roles.time, roles.amount, roles.category]);
    for (const c of columns) {
      if (used.has(c.name)) continue;
      const pii = piiKindFromName(c.name);
      this.keptInEngine.push({ column: c.name, type: c.type, reason: pii ? `PII (${pii}) by its name: stays in the engine` : o.ignore?.includes(c.name) ? '--ignore' : 'event-level column; not aggregated', ...(pii ? { pii } : {}) });
    }
    this.events = { columns, roles, events: Number(summary.events ?? 0), skipped: Number(summary.events ?? 0) - Number(summary.timed ?? 0), categories, asOf: Number.isFinite(asOf) ? new Date(asOf * 1000).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '') : '', table };
    const featureRelation = d.table(table);
    this.plan = { dialect: d, relation: featureRelation, id, columns: await this.engine.describe(featureRelation) };
  }

  /**
   * An order-line table (an order id beside the customer and the time): the roles by the data
   * stage's rules (src/data/log-roles.ts pickLogPlans, read from the engine's column types: a
   * number is numeric, a long varied string is text, another string a category), how this table
   * marks cancellations, then the per-customer features computed in the engine (order-plan.ts).
   */
  private async aggregateOrderLines(stats: Row, orderId: EngineColumn, free: EngineColumn[], flagged: (flag: string, name: string | undefined, kind: EngineColumn['kind'][]) => EngineColumn | undefined): Promise<void> {
    const d = this.engine.dialect;
    const { id, columns, relation } = this.plan;
    const o = this.options;
    const { oc, status } = pickOrderColumns({
      id, order: orderId, free, options: o, flagged,
      isPii: (c) => this.looksPii(stats, columns.indexOf(c)),
      isText: (c) => c.kind === 'string' && (this.looksText(stats, columns.indexOf(c)) || !!o.text?.includes(c.name)),
      levels: (c) => {
        const i = columns.indexOf(c);
        return { distinct: Number(stats[`nd${i}`] ?? 0), nonNull: Number(stats[`nn${i}`] ?? 0), length: Number(stats[`len${i}`] ?? 0) };
      },
    });
    const counts = (await this.engine.query(cancelRuleSql(d, relation, oc.order, status), 'order cancellations'))[0] ?? {};
    const cPrefix = Number(counts.c_prefix ?? 0);
    const rule: CancelRule = { cPrefix: cPrefix > 0 && Number(counts.digits ?? 0) > cPrefix, status: status.filter((_, i) => Number(counts[`s${i}`] ?? 0) > 0) };
    const summary = (await this.engine.query(orderSummarySql(d, relation, oc, rule), 'order summary'))[0] ?? {};
    const asOf = Number(summary.as_of);
    const categories = oc.category ? (await this.engine.query(orderCategoriesSql(d, relation, oc, rule), 'order categories')).map((r) => String(r.category)) : [];
    const table = this.qualify(d.name === 'bigquery' ? `${FEATURES_TABLE}_${randomBytes(4).toString('hex')}` : FEATURES_TABLE);
    await this.engine.query(materializeSql(d, table, orderFeaturesSql(d, relation, oc, rule, categories, asOf)), 'aggregate order lines');
    const roleNames = new Set([id, oc.order, oc.time, oc.quantity, oc.price, oc.amount, oc.category, oc.text, ...oc.attributes, ...rule.status]);
    for (const c of columns) {
      if (roleNames.has(c.name)) continue;
      const pii = piiKindFromName(c.name);
      this.keptInEngine.push({ column: c.name, type: c.type, reason: pii ? `PII (${pii}) by its name: stays in the engine` : o.ignore?.includes(c.name) ? '--ignore' : 'line-level column; not aggregated', ...(pii ? { pii } : {}) });
    }
    const lines = Number(summary.lines ?? 0);
    this.events = {
      columns,
      roles: { id, time: oc.time, ...(oc.amount ? { amount: oc.amount } : {}), ...(oc.category ? { category: oc.category } : {}) },
      events: lines,
      skipped: lines - Number(summary.timed ?? 0),
      categories,
      asOf: Number.isFinite(asOf) ? new Date(asOf * 1000).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '') : '',
      table,
      orders: { roles: oc, rule, orders: Number(summary.orders ?? 0), cancelled: Number(summary.cancelled_orders ?? 0) },
    };
    const featureRelation = d.table(table);
    this.plan = { dialect: d, relation: featureRelation, id, columns: await this.engine.describe(featureRelation) };
  }

  private looksPii(stats: Row, i: number): boolean {
    const nn = Number(stats[`nn${i}`] ?? 0);
    return nn > 0 && (Number(stats[`em${i}`]) / nn >= PII_SHARE || Number(stats[`ph${i}`]) / nn >= PII_SHARE);
  }

  private looksText(stats: Row, i: number): boolean {
    const nn = Number(stats[`nn${i}`] ?? 0);
    return Number(stats[`len${i}`]) >= TEXT_MIN_LENGTH && Number(stats[`nd${i}`]) / Math.max(1, nn) >= TEXT_MIN_DISTINCT;
  }

  /**
   * The sample of per-customer feature rows as the file path assembles an event log's: each
   * feature a derived numeric column (or the favourite category), cleaned by the data stage's
   * own assembly — not re-inferred from text, which would read a share that is mostly 0 as a
   * category — and the event columns described by role.
   */
  private async eventSampleTable(rows: Row[]): Promise<CustomerTable> {
    const ev = this.events!;
    const { roles } = ev;
    const orders = ev.orders;
    const out: Assembly = { numeric: [], categorical: [], text: [], quality: emptyQuality(ev.events, []) };
    for (const name of orders ? orderFeatureColumns(orders.roles, ev.categories) : eventFeatureColumns(roles, ev.categories)) {
      if (orders && name === TEXT_FEATURE) {
        const r = cleanText(name, rows.map((row) => (row[name] === null || row[name] === undefined ? null : String(row[name]))), TEXT_CAP);
        out.text.push(r.column);
        if (r.missing) out.quality.missing.push({ column: name, ...r.missing });
        continue;
      }
      const attribute = orders?.roles.attributes.includes(name);
      if (name === FAVOURITE_COLUMN || attribute) {
        const levels: string[] = [];
        const index = new Map<string, number>();
        const codes = Int32Array.from(rows, (r) => {
          const v = r[name];
          if (v === null || v === undefined || v === '') return -1;
          const key = String(v);
          let c = index.get(key);
          if (c === undefined) index.set(key, (c = levels.push(key) - 1));
          return c;
        });
        addCategorical(out, derivedPlan(name, 'categorical'), name, codes, levels, this.name);
        // A customer attribute (country) is profiled, never segmented on, as on the file path.
        const added = attribute ? out.categorical.find((x) => x.name === name) : undefined;
        if (added) added.describeOnly = true;
        continue;
      }
      const values = Float64Array.from(rows, (r) => (r[name] === null || r[name] === undefined || r[name] === '' ? Number.NaN : Number(r[name])));
      addNumeric(out, derivedPlan(name), name, values, this.name, derivedUnit(name));
    }
    out.quality.customers = rows.length;
    const derived = [...out.numeric.map((c) => c.name), ...out.categorical.map((c) => c.name), ...out.text.map((c) => c.name)];
    const table: CustomerTable = {
      schema: { source: this.name, format: 'csv', kind: 'events', idColumn: roles.id, columns: [], rowsRead: ev.events },
      quality: out.quality,
      ids: rows.map((r) => String(r[roles.id])),
      numeric: out.numeric,
      categorical: out.categorical,
      text: out.text,
      piiValues: new Set(),
    };
    for (const k of this.keptInEngine) if (!k.pii) table.quality.droppedColumns.push({ column: k.column, reason: k.reason });
    const reason = (name: string): [ColumnSchema['role'], string] => {
      if (orders) {
        const oc = orders.roles;
        if (name === roles.id) return ['id', 'the customer; order lines aggregated per order, then per customer (in the engine)'];
        if (name === oc.order) return ['code', 'order id → frequency (distinct orders), avg_order_value (order totals), cancelled_orders'];
        if (name === oc.time) return ['datetime', `order time → recency_days, tenure_days, active_days (as of ${ev.asOf})`];
        if (name === oc.quantity) return ['numeric', `quantity${oc.amount ? '' : ' × price = line amount'}; → units_per_order`];
        if (name === oc.price) return ['numeric', oc.amount ? 'unit price (the line amount column is used instead)' : 'unit price × quantity = line amount'];
        if (name === oc.amount) return ['numeric', 'line amount → monetary (net of cancellations), avg_order_value'];
        if (name === oc.category) return ['categorical', `→ share of lines in the top ${ev.categories.length} categories, ${FAVOURITE_COLUMN}`];
        if (name === oc.text) return ['text', `what each customer bought → text "${TEXT_FEATURE}"`];
        if (oc.attributes.includes(name)) return ['categorical', "customer attribute: each customer's most frequent value; shown per segment, not segmented on"];
        if (orders.rule.status.includes(name)) return ['ignored', 'marks cancellations and returns'];
      }
      if (name === roles.id) return ['id', 'named like an id; repeats: events aggregated per customer (in the engine)'];
      if (name === roles.time) return ['datetime', `event time → recency_days, tenure_days, active_days (as of ${ev.asOf})`];
      if (name === roles.amount) return ['numeric', 'order amount → monetary, avg_order_value'];
      if (name === roles.category) return ['categorical', `→ share of events in the top ${ev.categories.length} categories, ${FAVOURITE_COLUMN}`];
      const k = this.keptInEngine.find((x) => x.column === name);
      return [k?.pii ? 'pii' : 'ignored', k?.reason ?? 'event-level column; not aggregated'];
    };
    table.schema.columns = ev.columns.map((c) => {
      const [role, why] = reason(c.name);
      const k = this.keptInEngine.find((x) => x.column === c.name);
      return { name: c.name, sourceType: c.type, role, reason: why, ...(k?.pii ? { piiKind: k.pii } : {}) };
    });
    table.schema.kind = orders ? 'orders' : 'events';
    table.schema.derived = derived;
    table.schema.mapping = { customer: roles.id, time: roles.time, ...(roles.amount ? { amount: roles.amount } : {}), ...(roles.category ? { category: roles.category } : {}) };
    if (orders) {
      const oc = orders.roles;
      const amountText = oc.amount ?? (oc.quantity && oc.price ? `${oc.quantity} × ${oc.price}` : oc.price);
      table.schema.mapping = {
        customer: roles.id, order: oc.order, time: oc.time, ...(amountText ? { amount: amountText } : {}), ...(oc.quantity ? { quantity: oc.quantity } : {}), ...(oc.price ? { price: oc.price } : {}),
        ...(oc.category ? { category: oc.category } : {}), ...(oc.text ? { text: oc.text } : {}), ...(oc.attributes.length ? { attributes: oc.attributes } : {}),
        cancellations: [orders.rule.cPrefix ? `${oc.order} starting with C` : undefined, ...orders.rule.status.map((s) => `${s} saying cancelled/returned`), `negative ${oc.quantity ?? amountText ?? 'amounts'}`].filter(Boolean).join('; '),
      };
      table.quality.warnings.push(`${this.name}: ${orders.orders.toLocaleString('en-US')} orders and ${orders.cancelled.toLocaleString('en-US')} cancelled or returned orders from ${ev.events.toLocaleString('en-US')} lines; cancellations are netted out of spend`);
      if (out.text.length > 0) {
        const why = await this.textUnsupported(table);
        if (why) {
          for (const t of out.text) table.quality.droppedColumns.push({ column: t.name, reason: why });
          table.text = [];
        }
      }
    }
    table.schema.rowsRead = ev.events;
    table.quality.rowsRead = ev.events;
    if (!roles.amount && !orders) table.quality.warnings.push(`${this.name}: no amount column found (looked for names like amount, revenue, price); monetary features left out`);
    if (ev.skipped > 0) table.quality.warnings.push(`${this.name}, column "${roles.time}": ${ev.skipped} event${ev.skipped === 1 ? ' has' : 's have'} no readable time; skipped`);
    return table;
  }

  /**
   * The sample as a CSV in a private temp folder, read by loadCustomers and removed: the one
   * reader and cleaner for files and engines (its inference, locale parsing and cleaning are
   * the data stage's, not a second copy). Only non-PII columns are in it (free text included: the text model is fitted on it).
   */
  private async readSample(rows: Row[], fetch: string[], signal?: AbortSignal): Promise<CustomerTable> {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-sample-'));
    const file = join(dir, 'sample.csv');
    try {
      const cell = (v: unknown) => {
        if (v === null || v === undefined) return '';
        const s = String(v);
        return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
      };
      const lines = [fetch.map(cell).join(','), ...rows.map((r) => fetch.map((c) => cell(r[c])).join(','))];
      writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
      let table: CustomerTable;
      try {
        // The user's --id and --text only: otherwise the data stage chooses the id and the roles by the same rules the engine's columns were read with.
        table = await loadCustomers(file, { idColumn: this.options.idColumn, ...(this.options.text ? { text: this.options.text } : {}), signal });
      } catch (err) {
        if (err instanceof SegmentaError) err.message = err.message.split(file).join(this.name);
        throw err;
      }
      table.schema.source = this.name;
      table.schema.rowsRead = this.customers;
      const kept: ColumnSchema[] = this.keptInEngine.map((k) => ({ name: k.column, sourceType: k.type, role: k.pii ? 'pii' : 'ignored', ...(k.pii ? { piiKind: k.pii } : {}), reason: k.reason }));
      table.schema.columns.push(...kept);
      for (const k of this.keptInEngine) if (!k.pii) table.quality.droppedColumns.push({ column: k.column, reason: k.reason });
      if (table.text.length > 0) {
        const reason = await this.textUnsupported(table);
        if (reason) {
          for (const t of table.text) table.quality.droppedColumns.push({ column: t.name, reason });
          for (const c of table.schema.columns) if (c.role === 'text') Object.assign(c, { role: 'ignored', reason });
          table.text = [];
        }
      }
      table.quality.warnings = table.quality.warnings.map((w) => w.split(file).join(this.name));
      return table;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * Why the text cannot be tokenised in the engine as segmenta tokenises it (text-plan.ts), or
   * undefined when it can: a script that needs a word segmenter, in the sample or anywhere in
   * the table; on PostgreSQL without ICU, any non-ASCII letter (lower() and [:alnum:] then
   * follow the database's locale). The Run leaves such text out and says why.
   */
  private async textUnsupported(table: CustomerTable): Promise<string | undefined> {
    const names = table.text.map((t) => t.name);
    const d = this.engine.dialect;
    const sampled = table.text.some((t) => t.values.some((v) => UNSEGMENTED.test(v)));
    const counts = sampled ? {} : ((await this.engine.query(unsegmentedSql(d, this.plan.relation, names), 'text check'))[0] ?? {});
    if (sampled || names.some((_, i) => Number(counts[`u${i}`] ?? 0) > 0)) {
      return 'free text in Chinese, Japanese, Korean, Thai, Lao, Khmer or Myanmar script: left out in warehouse mode (cutting it into words needs Intl.Segmenter, which SQL lacks); segment the file to use it';
    }
    if (d.name === 'postgres') {
      const icu = (await this.engine.query("SELECT CAST(COUNT(*) AS DOUBLE PRECISION) AS n FROM pg_collation WHERE collname = 'und-x-icu'", 'text check'))[0];
      if (Number(icu?.n ?? 0) > 0) this.textOptions = { collation: 'und-x-icu' };
      else if (table.text.some((t) => t.values.some((v) => /[^\x00-\x7f]/.test(v)))) {
        return 'free text with non-ASCII letters, on a PostgreSQL server without ICU collations: left out (lower() and [:alnum:] would not match segmenta\'s tokeniser)';
      }
    }
    return undefined;
  }

  /** Which engine column each numeric and categorical feature of the table comes from, and how it was cleaned. */
  private describeFeatures(table: CustomerTable, columns: EngineColumn[]): void {
    const kindOf = new Map(columns.map((c) => [c.name, c.kind]));
    const roles = new Map(table.schema.columns.map((c) => [c.name, c.role]));
    this.features = table.numeric.map((n) => {
      const dateColumn = n.name.endsWith('_days_ago') ? n.name.slice(0, -'_days_ago'.length) : undefined;
      const column = dateColumn && roles.get(dateColumn) === 'datetime' ? dateColumn : n.name;
      const kind: FeatureSource['kind'] = column !== n.name ? 'date' : n.kind === 'boolean' ? 'boolean' : 'number';
      // The value cleaning put in for a missing one: any filled row shows it; else the median (in natural units).
      let fill = Number.NaN;
      if (n.original) for (let j = 0; j < n.original.rows.length && !Number.isFinite(fill); j++) if (!Number.isFinite(n.original.values[j])) fill = n.values[n.original.rows[j]];
      if (!Number.isFinite(fill)) fill = medianOf(n.values);
      const clip = table.quality.clipped.find((c) => c.column === n.name);
      return { name: n.name, column, kind, engineKind: kindOf.get(column) ?? 'other', fill, ...(clip ? { clip: { low: clip.low, high: clip.high } } : {}) };
    });
    this.categories = table.categorical.map((c) => ({ name: c.name, column: c.name }));
  }

  /** --engine-kmeans: the centroids refined by BigQuery ML over everyone (bqml.ts), in our centroids' order. */
  async refineCentroids(centroids: Float32Array, k: number, runId: string): Promise<Float32Array> {
    if (!this.model) throw new Error('warehouse: the embedder stage did not record its model (internal)');
    const model = this.qualify(kmeansModelName(runId));
    const vector = vectorSql(this.engine.dialect, this.model, this.features, this.categories, this.asOf);
    const refined = await refineWithBigQueryMl(this.engine, await this.vectorPlan(), vector, centroids, k, model);
    this.tables = { ...this.tables, model: kmeansModelName(runId) };
    return refined;
  }

  /** Everyone assigned in the engine by SQL to the nearest centroid, into segmenta_assignments. */
  async assign(centroids: Float32Array, k: number, runId: string): Promise<void> {
    if (!this.model) throw new Error('warehouse: the embedder stage did not record its model (internal)');
    const d = this.engine.dialect;
    for (const sql of createTablesSql(d, this.qualify)) await this.engine.query(sql, 'create tables');
    await this.engine.query(deleteRunSql(d, ASSIGNMENTS_TABLE, runId, this.qualify), 'assign');
    const vector = vectorSql(d, this.model, this.features, this.categories, this.asOf);
    await this.engine.query(assignSql(await this.vectorPlan(), vector, centroids, k, runId, this.qualify), 'assign');
  }

  /**
   * The plan the vectors are computed over: the customers, and with a text block their text
   * coordinates computed in the engine beside them (the term table uploaded once per session).
   */
  private async vectorPlan(): Promise<PlanInput> {
    const text = this.model?.text;
    if (!text) return this.plan;
    if (text.kind !== 'tfidf-svd') throw new WarehouseError(`${this.name}: text embedded by ${text.model ?? 'a server model'} cannot be computed in the engine; warehouse mode uses the offline TF-IDF text model`);
    const d = this.engine.dialect;
    if (!this.termsTable) {
      const table = this.qualify(d.name === 'bigquery' ? `${TERMS_TABLE}_${randomBytes(4).toString('hex')}` : TERMS_TABLE);
      for (const sql of termsTableSql(d, table, text)) await this.engine.query(sql, 'upload text terms');
      this.termsTable = table;
    }
    const coordinates = textCoordinatesSql(d, this.plan.relation, this.plan.id, text, this.termsTable, this.textOptions);
    return { ...this.plan, relation: withTextSql(d, this.plan.relation, this.plan.id, coordinates) };
  }

  /** Sizes, means and category shares of every segment over all customers, by GROUP BY in the engine. */
  async profile(profiles: SegmentProfile[], runId: string): Promise<SegmentProfile[]> {
    const numeric = await this.engine.query(profileNumericSql(this.plan, this.features, this.asOf, runId, this.qualify), 'profile');
    const bySegment = new Map(numeric.map((r) => [Number(r.segment), r]));
    const N = numeric.reduce((s, r) => s + Number(r.n), 0);
    const totals = this.features.map((_, i) => ({
      sum: numeric.reduce((s, r) => s + Number(r[`s${i}`] ?? 0), 0),
      count: numeric.reduce((s, r) => s + Number(r[`c${i}`] ?? 0), 0),
    }));
    const levelCounts = new Map<string, Map<number, number>>();
    const levelTotals = new Map<string, number>();
    for (const c of this.categories) {
      for (const r of await this.engine.query(profileCategorySql(this.plan, c, runId, this.qualify), 'profile')) {
        const key = `${c.name}\u0000${String(r.level)}`;
        const per = levelCounts.get(key) ?? new Map<number, number>();
        per.set(Number(r.segment), Number(r.n));
        levelCounts.set(key, per);
        levelTotals.set(key, (levelTotals.get(key) ?? 0) + Number(r.n));
      }
    }
    return profiles.map((p) => {
      const row = bySegment.get(p.id);
      const size = Number(row?.n ?? 0);
      return {
        ...p,
        size,
        share: N > 0 ? size / N : 0,
        numeric: p.numeric.map((f) => {
          const i = this.features.findIndex((x) => x.name === f.feature);
          if (i < 0 || !row) return f;
          const overallMean = totals[i].count > 0 ? totals[i].sum / totals[i].count : 0;
          const c = Number(row[`c${i}`]);
          const mean = c > 0 ? Number(row[`s${i}`]) / c : overallMean;
          return { ...f, mean, overallMean, lift: liftOf(mean, overallMean) };
        }),
        categories: p.categories.map((f) => {
          const key = `${f.column}\u0000${f.level}`;
          const share = size > 0 ? (levelCounts.get(key)?.get(p.id) ?? 0) / size : 0;
          const overallShare = N > 0 ? (levelTotals.get(key) ?? 0) / N : 0;
          return { ...f, share, overallShare, lift: liftOf(share, overallShare) };
        }),
      };
    });
  }

  /**
   * Audiences for activation, in the shape reverse-ETL tools sync: one row per segment that may
   * be exported, and its members with SHA-256 hashes of the id and of the email (normalised:
   * trimmed, lower-case), computed in the engine. Segments under the minimum size are not written.
   */
  async writeBack(runId: string, audiences: AudienceRow[]): Promise<void> {
    const d = this.engine.dialect;
    for (const t of [AUDIENCES_TABLE, MEMBERSHIPS_TABLE]) await this.engine.query(deleteRunSql(d, t, runId, this.qualify), 'write back');
    for (const sql of writeBackSql(this.plan, runId, audiences, this.email, this.qualify)) await this.engine.query(sql, 'write back');
    this.tables = { ...this.tables, audiences: AUDIENCES_TABLE, memberships: MEMBERSHIPS_TABLE };
  }

  get totalCustomers(): number {
    return this.customers;
  }

  record(): WarehouseRecord {
    return {
      engine: this.engine.dialect.name,
      source: this.engine.display,
      relation: this.plan?.relation ?? '',
      customers: this.customers,
      sample: this.sample,
      tables: { ...this.tables },
      keptInEngine: this.keptInEngine.map(({ column, reason }) => ({ column, reason })),
      rowsFetched: { ...this.engine.fetched },
      engineSeconds: Object.fromEntries(Object.entries(this.engine.seconds).map(([k, v]) => [k, Math.round(v * 100) / 100])),
      // The term table's INSERTs are the vocabulary itself (no PII: piiTermFilter), a megabyte at 4,000 terms: the Run keeps their start.
      statements: this.engine.statements.map((s) => (s.purpose === 'upload text terms' && s.sql.length > 2000 ? { purpose: s.purpose, sql: `${s.sql.slice(0, 2000)}… (${s.sql.length.toLocaleString('en-US')} characters)` } : { ...s })),
    };
  }

  async close(): Promise<void> {
    // The feature table is the Run's scratch: a temporary table goes with the connection, BigQuery's is dropped.
    if (this.events && this.engine.dialect.name === 'bigquery') await this.engine.query(dropSql(this.engine.dialect, this.events.table), 'clean up').catch(() => {});
    if (this.termsTable && this.engine.dialect.name === 'bigquery') await this.engine.query(dropSql(this.engine.dialect, this.termsTable), 'clean up').catch(() => {});
    return this.engine.close();
  }
}

function medianOf(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  if (s.length === 0) return 0;
  const h = (s.length - 1) / 2;
  return s[Math.floor(h)] + (h - Math.floor(h)) * (s[Math.ceil(h)] - s[Math.floor(h)]);
}

/** mean / overall, as src/profile/numeric-facts.ts liftOf (profile sits above this floor). */
function liftOf(value: number, overall: number): number {
  if (Math.abs(overall) < 1e-12) return Math.abs(value) < 1e-12 ? 1 : 0;
  return value / overall;
}
