import type { Command } from 'commander';
import { doctorOp } from '../../ops/doctor.js';
import { runOperation } from '../../ops/operation.js';
import { cliContext } from '../context.js';
import { handleError } from '../handle-error.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(`${doctorOp.description} Exits 1 when something is wrong.`)
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals();
      try {
        const ctx = cliContext(opts);
        const result = await runOperation(doctorOp, {}, ctx).finally(() => ctx.done());
        process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : doctorOp.render(result) + '\n');
        if (!result.ok) process.exitCode = 1;
      } catch (err) {
        handleError(err, opts.json);
      }
    });
}
