import type { Command } from 'commander';
import { handleError } from '../handle-error.js';

export function registerSlack(program: Command): void {
  program
    .command('slack')
    .description('Run the Slack bot: /segmenta commands and @mentions (Socket Mode with SLACK_APP_TOKEN, else HTTP).')
    .option('--port <port>', 'HTTP port for Slack requests (HTTP mode)', '3000')
    .option('--host <host>', 'interface to listen on (default: all)')
    .action(async (o, cmd: Command) => {
      try {
        const g = cmd.optsWithGlobals();
        const [{ loadConfig }, { loadSlackSettings }] = await Promise.all([import('../../config.js'), import('../../slack/config.js')]);
        const config = loadConfig({ workspace: g.workspace, model: g.model, baseUrl: g.baseUrl });
        const settings = loadSlackSettings(config.slack, { port: o.port, host: o.host });
        const log = (line: string) => process.stderr.write(`${new Date().toISOString()}  ${line}\n`);
        for (const w of config.warnings) log(`warning: ${w}`);
        // Bolt is loaded only for this command: it costs the other commands ~0.8 s at start-up.
        const { createSlackBot } = await import('../../slack/app.js');
        const bot = createSlackBot({ settings, config, log });
        const { port } = await bot.start();
        log(
          settings.mode === 'socket'
            ? 'segmenta slack: connected to Slack over Socket Mode. Ctrl-C stops it.'
            : `segmenta slack: listening on http://${settings.host ?? '0.0.0.0'}:${port}/slack/events — set it as the Request URL of the slash command and of Event Subscriptions. Ctrl-C stops it.`,
        );
        // A clean stop lets in-flight answers finish their last write before the process ends.
        const stop = () => void bot.stop().finally(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        handleError(err);
      }
    });
}
