import { describe, expect, it } from 'vitest';
import { helpText, parseCommand, SLACK_OPS } from '../../src/slack/commands.js';
import { mentionText } from '../../src/slack/mentions.js';

describe('parseCommand', () => {
  it('maps each subcommand to an operation and its input', () => {
    expect(parseCommand('segments')).toMatchObject({ kind: 'op', op: 'segments', input: {} });
    expect(parseCommand('  show   2 ')).toMatchObject({ kind: 'op', op: 'show', input: { segment: '2' } });
    expect(parseCommand('persona bargain hunters')).toMatchObject({ kind: 'op', op: 'persona', input: { segment: 'bargain hunters' } });
    expect(parseCommand('copy 2 SMS')).toMatchObject({ kind: 'op', op: 'copy', input: { segment: '2', channel: 'sms' } });
    expect(parseCommand('copy 2')).toMatchObject({ kind: 'op', op: 'copy', input: { segment: '2' } });
    expect(parseCommand('brief 1')).toMatchObject({ kind: 'op', op: 'brief', input: { segment: '1' } });
    expect(parseCommand('compare 1 2')).toMatchObject({ kind: 'op', op: 'compare', input: { a: '1', b: '2' } });
    expect(parseCommand('eval')).toMatchObject({ kind: 'op', op: 'eval' });
    expect(parseCommand('runs')).toMatchObject({ kind: 'op', op: 'runs' });
    expect(parseCommand('use 2026')).toMatchObject({ kind: 'op', op: 'use', input: { run: '2026' } });
  });

  it('answers help, missing arguments and unknown words in plain words', () => {
    expect(parseCommand('')).toEqual({ kind: 'help' });
    expect(parseCommand('HELP')).toEqual({ kind: 'help' });
    expect(parseCommand('show')).toMatchObject({ kind: 'usage', text: expect.stringContaining('/segmenta show 2') });
    expect(parseCommand('copy sms')).toMatchObject({ kind: 'usage' });
    expect(parseCommand('launch rockets')).toMatchObject({ kind: 'usage', text: expect.stringContaining("I don't know `launch`") });
    expect(parseCommand(`show ${'x'.repeat(300)}`)).toMatchObject({ kind: 'usage', text: expect.stringContaining('too long') });
  });

  it('never offers operations that read files on the server', () => {
    expect(SLACK_OPS.has('segment')).toBe(false);
    expect(SLACK_OPS.has('inspect')).toBe(false);
    expect(parseCommand('segment /etc/passwd')).toMatchObject({ kind: 'usage' });
    expect(helpText()).toContain('/segmenta copy N email|sms|push|ad');
  });
});

describe('mentionText', () => {
  it("strips Slack's mention and link markup", () => {
    expect(mentionText('<@U0BOT> write an sms for <#C1|marketing> &amp; more')).toBe('write an sms for #marketing & more');
    expect(mentionText('<@U0BOT|segmenta>   show 2')).toBe('show 2');
  });
});
