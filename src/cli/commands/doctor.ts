import type { Command } from 'commander';
import { OP_DESCRIPTIONS } from '../../ops/descriptions.js';
import { handleError } from '../handle-error.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(`${OP_DESCRIPTIONS.doctor} Exits 1 when something is wrong.`)
    .action(async (_o, cmd: Command) => {
      const opts = cmd.optsWithGlobals();
      try {
        const [{ doctorOp }, { runOperation }, { cliContext }] = await Promise.all([import('../../ops/doctor.js'), import('../../ops/operation.js'), import('../context.js')]);
        const ctx = cliContext(opts);
        const result = await runOperation(doctorOp, {}, ctx).finally(() => ctx.done());
        process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : doctorOp.render(result) + '\n');
        if (!result.ok) process.exitCode = 1;
      } catch (err) {
        handleError(err, opts.json);
      }
    });
}
