import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Guards } from './guards.js';
import type { Dispatcher } from './dispatch.js';
import { SLACK_OPS } from './commands.js';
import { plainMessage } from './blocks.js';
import { deliverToMention } from './deliver.js';
import { ACTION_PREFIX } from './views.js';
import { queuedText, type Admission } from './work-queue.js';

type Enqueue = <T>(who: { team?: string; user?: string }, job: () => Promise<T>) => Admission<T>;

// What a button carries (views.ts writes it); anything else is refused, never run.
const ActionValue = z.object({ op: z.string().max(40), input: z.record(z.string(), z.union([z.string().max(200), z.number()])) });

/**
 * The buttons of the Block Kit views (a segment card's Persona, Copy and Brief): a press runs
 * its operation through the same dispatcher, guards and SLACK_OPS as `/segmenta`, and the
 * answer goes into the thread of the message the button is on, so the channel stays readable.
 */
export function registerActions(app: App, dispatcher: Dispatcher, guards: Guards, enqueue: Enqueue, log: (line: string) => void): void {
  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const user = body.user.id;
    if (!channel) return;
    const threadTs = body.message?.thread_ts ?? body.message?.ts ?? body.container?.message_ts;
    const where = { channel, user, threadTs };
    try {
      const refusal = guards.refusal({ team: body.team?.id ?? undefined, channel, user });
      if (refusal) return void (await client.chat.postEphemeral({ channel, user, ...plainMessage(`:no_entry: ${refusal}`) }));
      let parsed: z.infer<typeof ActionValue>;
      try {
        parsed = ActionValue.parse(JSON.parse(action.value ?? ''));
      } catch {
        log(`button: refused a value that is not one of ours`);
        return;
      }
      if (!SLACK_OPS.has(parsed.op)) return void (await client.chat.postEphemeral({ channel, user, ...plainMessage(`:warning: \`${parsed.op}\` is not available from Slack.`) }));
      const t0 = performance.now();
      const admitted = enqueue({ team: body.team?.id ?? undefined, user }, () => dispatcher.run(parsed.op, parsed.input, channel));
      if (admitted.kind === 'refused') return void (await client.chat.postEphemeral({ channel, user, ...plainMessage(`:no_entry: ${admitted.text}`) }));
      if (admitted.position) await client.chat.postEphemeral({ channel, user, ...plainMessage(queuedText(admitted.position)) });
      const reply = await admitted.done;
      await deliverToMention(reply, client, where, log);
      log(`button ${parsed.op} (${user} in ${channel}): ${reply.ok ? 'answered' : 'error answered'} in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      log(`button: could not answer (${(err as Error)?.message ?? String(err)})`);
    }
  });
}
