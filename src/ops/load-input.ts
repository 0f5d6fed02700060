import { z } from 'zod';
import type { LoadOptions } from '../model/data.js';

/**
 * How to read a file, shared by every operation that loads one (segment, inspect): the id,
 * columns to leave out or read as text, the roles of an event or order-line log, and files
 * to join. Each is a column name (or file) the user gives to override inference.
 */
export const LoadInput = {
  idColumn: z.string().optional().describe('Name of the customer id column, when it cannot be inferred'),
  ignore: z.array(z.string()).optional().describe('Columns to leave out'),
  text: z.array(z.string()).optional().describe('Columns to treat as free text'),
  orderId: z.string().optional().describe('Order or invoice id column of an order-line log'),
  time: z.string().optional().describe('Event or order time column'),
  amount: z.string().optional().describe('Amount column (money per event or order line)'),
  quantity: z.string().optional().describe('Quantity column of an order-line log'),
  price: z.string().optional().describe('Unit price column of an order-line log (amount = quantity × price)'),
  category: z.string().optional().describe('Category column whose mix becomes features'),
  join: z.array(z.string()).optional().describe('Further files to join (orders, order items, payments, products)'),
};

export function loadOptions(input: { [K in keyof typeof LoadInput]?: z.infer<(typeof LoadInput)[K]> }): LoadOptions {
  const { idColumn, ignore, text, orderId, time, amount, quantity, price, category, join } = input;
  return { idColumn, ignore, text, orderId, time, amount, quantity, price, category, join };
}
