import type { CategoricalColumn, CustomerTable, NumericColumn, TextColumn } from '../../src/model/data.js';

/** A CustomerTable from plain columns (schema and quality filled with neutral values). */
export function table(columns: { numeric?: NumericColumn[]; categorical?: CategoricalColumn[]; text?: TextColumn[] }, n: number): CustomerTable {
  return {
    schema: { source: 'test', format: 'csv', kind: 'customers', idColumn: 'id', columns: [], rowsRead: n },
    quality: { rowsRead: n, customers: n, duplicateIds: 0, missing: [], logTransformed: [], clipped: [], droppedColumns: [], warnings: [] },
    ids: Array.from({ length: n }, (_, i) => `c${i}`),
    numeric: columns.numeric ?? [],
    categorical: columns.categorical ?? [],
    text: columns.text ?? [],
    piiValues: new Set(),
  };
}
