import { describe, expect, it } from 'vitest';
import { ToolMessage } from '@langchain/core/messages';
import { loadConfig } from '../../src/config.js';
import type { OpContext } from '../../src/ops/operation.js';
import { operations } from '../../src/ops/index.js';
import { segmentaTools, type ToolArtifact } from '../../tools/index.js';
import { fixtureWorkspace } from './fixture.js';

function tools() {
  const { workspace } = fixtureWorkspace();
  const ctx: OpContext = { config: loadConfig({ workspace, offline: true }, {}), log: () => {}, session: {} };
  return segmentaTools(ctx);
}

const call = (name: string, args: Record<string, unknown>) => ({ type: 'tool_call' as const, id: 'call_1', name, args });

describe('tools/', () => {
  it('one tool per operation, named and described as the operation', () => {
    const t = tools();
    expect(t.map((x) => x.name)).toEqual(operations.map((o) => o.name));
    expect(t.every((x) => x.description.length > 10)).toBe(true);
  });

  it('gives the model the summary and the app the rendered artifact', async () => {
    const show = tools().find((t) => t.name === 'show')!;
    const msg = (await show.invoke(call('show', { segment: 2 }))) as ToolMessage;
    expect(msg.content).toMatch(/Segment 2 "Premium Regulars": 300 customers/);
    const artifact = msg.artifact as ToolArtifact;
    expect(artifact).toMatchObject({ op: 'show', ok: true });
    expect(artifact.text).toMatch(/What sets them apart/);
  });

  it('turns an operation error into a plain message, never a throw', async () => {
    const show = tools().find((t) => t.name === 'show')!;
    const msg = (await show.invoke(call('show', { segment: 9 }))) as ToolMessage;
    expect(msg.content).toMatch(/^Error: no segment 9 in Run .*segments 1–4/);
    expect((msg.artifact as ToolArtifact).ok).toBe(false);
  });
});
