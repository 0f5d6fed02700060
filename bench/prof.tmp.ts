import { loadCustomers } from '../src/data/load.js';
const t0 = performance.now();
const ru0 = process.resourceUsage();
const t = await loadCustomers(process.argv[2]);
const ru = process.resourceUsage();
console.log('load', (performance.now() - t0) / 1000, 'cpu user', (ru.userCPUTime - ru0.userCPUTime) / 1e6, 'sys', (ru.systemCPUTime-ru0.systemCPUTime)/1e6, t.ids.length, 'pii', t.piiValues.size);
