/**
 * The engines' SQL dialects live in the data stage (src/data/dialect.ts): the order-line plan
 * (src/data/order-lines.ts) is one definition compiled for DuckDB files and for the engines,
 * and the data stage sits below the warehouse stage. Re-exported here for the warehouse code.
 */
export * from '../data/dialect.js';
