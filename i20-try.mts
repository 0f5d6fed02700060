import { startPostgres } from './test/servers/postgres.ts';
import { loadCustomersCsv } from './test/servers/pg-load.ts';
const s = await startPostgres();
loadCustomersCsv(s.url, process.cwd() + '/examples/customers.csv');
console.log(s.url);
process.on('SIGTERM', () => { s.stop(); process.exit(0); });
setInterval(() => {}, 1000);
