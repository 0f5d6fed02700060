#!/usr/bin/env node
// Runs the compiled JavaScript (`npm run build`, which `npm install` runs through "prepare"):
// no TypeScript loader at start-up. A checkout that was never built gets one line saying how.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('segmenta: the compiled CLI (dist/src/cli/main.js) is missing. Fix: run `npm run build` in the segmenta folder, or `npm run segmenta -- ARGS` to run the TypeScript sources.\n');
  process.exit(1);
}
await import(main.href);
