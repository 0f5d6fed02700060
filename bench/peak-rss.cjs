// Preloaded (`node -r bench/peak-rss.cjs …`) into a start-up run of the CLI by bench/run.ts: prints
// the process's peak resident set on exit, which child_process cannot report. Only in the runs
// that measure memory, never in the timed ones.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
