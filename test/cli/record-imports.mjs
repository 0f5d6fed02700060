// `node --import ./record-imports.mjs …`: prints "IMPORT <url or id>" on stderr for every ES module
// resolved and every CommonJS module required, so a test can see what a command loads without timing it.
import Module, { register } from 'node:module';
import { writeSync } from 'node:fs';

register('data:text/javascript,' + encodeURIComponent(`
  import { writeSync } from 'node:fs';
  export async function resolve(specifier, context, next) {
    const r = await next(specifier, context);
    writeSync(2, 'IMPORT ' + r.url + '\\n');
    return r;
  }
`));
const load = Module._load;
Module._load = function (request, ...rest) {
  writeSync(2, `IMPORT ${request}\n`);
  return load.call(this, request, ...rest);
};
