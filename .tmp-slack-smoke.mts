import { spawn } from 'node:child_process';
import { startFakeSlack } from './test/servers/fake-slack.ts';
import { send, slashBody } from './test/slack/signed-request.ts';
const fake = await startFakeSlack();
const port = 30000 + Math.floor(Math.random() * 20000);
const child = spawn('npx', ['tsx', 'src/cli/main.ts', 'slack', '--port', String(port), '--host', '127.0.0.1', '--workspace', '/tmp/slack-real'], {
  env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-smoke', SLACK_SIGNING_SECRET: 'smoke', SLACK_API_URL: fake.url }, stdio: ['ignore', 'pipe', 'pipe'] });
let err = '';
child.stderr.on('data', (d) => (err += d));
while (!err.includes('listening')) await new Promise((r) => setTimeout(r, 100));
const r = await send(`http://127.0.0.1:${port}/slack/events`, slashBody({ text: 'copy 2 sms', responseUrl: fake.responseUrl('x') }), { secret: 'smoke' });
console.log('ack', r.status, Math.round(r.ms), 'ms');
await fake.waitFor(() => fake.responses.length > 0);
console.log(JSON.stringify(fake.responses[0].body).slice(0, 400));
child.kill('SIGINT');
const code = await new Promise((r) => child.on('exit', r));
console.log('exit', code, '\n' + err.replace(/npm warn.*\n/g, ''));
await fake.close();
