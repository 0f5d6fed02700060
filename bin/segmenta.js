#!/usr/bin/env node
// Runs the compiled JavaScript (`npm run build`, which `npm install` runs through "prepare").
await import('../dist/src/cli/main.js');
