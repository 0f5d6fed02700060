import { z } from 'zod';

/**
 * The input fields operations name things with, described once: the words they accept are the
 * resolver's (resolve.ts), and a model reading a tool's schema sees the same sentence everywhere.
 */
export const runField = z.string().optional().describe('Run id, id prefix, "latest" or a Run folder path; the latest Run when omitted');
export const segmentField = z.union([z.string(), z.number()]).describe('Segment number, a word of its name, or biggest / smallest / most valuable / newest / most lapsed');
