import { describe, expect, it } from 'vitest';
import { loadSlackSettings } from '../../src/slack/config.js';
import { ConfigError } from '../../src/errors.js';

const tokens = { botToken: 'xoxb-1', signingSecret: 'shh' };

describe('loadSlackSettings', () => {
  it('is HTTP mode with a signing secret, Socket Mode with an app token', () => {
    expect(loadSlackSettings(tokens, {}, {})).toMatchObject({ mode: 'http', port: 3000, commandsPerMinute: 10, maxBodyBytes: 65536, allowedTeams: [], allowedChannels: [] });
    expect(loadSlackSettings({ botToken: 'xoxb-1', appToken: 'xapp-1' }, {}, {})).toMatchObject({ mode: 'socket' });
  });

  it('reads the allow-lists, rate limit, API URL and port', () => {
    const s = loadSlackSettings(tokens, { port: '0', host: '127.0.0.1' }, { SLACK_ALLOWED_TEAMS: 'T1, T2', SLACK_ALLOWED_CHANNELS: 'C1', SLACK_RATE_LIMIT: '5', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(s).toMatchObject({ port: 0, host: '127.0.0.1', allowedTeams: ['T1', 'T2'], allowedChannels: ['C1'], commandsPerMinute: 5, apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('names the missing variable and the fix in one line', () => {
    const line = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as Error).message).not.toContain('\n');
        return (err as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(line(() => loadSlackSettings({ signingSecret: 'x' }, {}, {}))).toMatch(/^SLACK_BOT_TOKEN is not set: .*manifest\.yml/);
    expect(line(() => loadSlackSettings({ botToken: 'xoxb-1' }, {}, {}))).toMatch(/^SLACK_SIGNING_SECRET is not set: .*SLACK_APP_TOKEN/);
    expect(line(() => loadSlackSettings({ botToken: 'xoxb-1', appToken: 'xoxb-wrong' }, {}, {}))).toMatch(/^SLACK_APP_TOKEN must be an app-level token/);
    expect(line(() => loadSlackSettings(tokens, { port: 'abc' }, {}))).toMatch(/^--port must be a whole number/);
    expect(line(() => loadSlackSettings(tokens, {}, { SLACK_API_URL: 'slack.com' }))).toMatch(/^SLACK_API_URL must be an http\(s\) URL/);
  });
});
