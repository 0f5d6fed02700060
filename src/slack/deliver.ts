import type { RespondFn, webApi } from '@slack/bolt';
import { plainMessage, type SlackMessage } from './blocks.js';
import type { Reply, SlackFile } from './dispatch.js';

type WebClient = webApi.WebClient;

/** A response_url accepts 5 messages; we keep one for the "cut short" note. */
const MAX_RESPONSES = 5;

export interface Where {
  channel: string;
  user: string;
  /** Thread to answer in (mentions answer in the mention's thread). */
  threadTs?: string;
}

/**
 * Answer a slash command through its response_url: results in the channel, errors only to
 * the user. A brief is uploaded as a file (files.uploadV2); if the upload is refused (the bot
 * is not in the channel, a missing scope) the same brief is posted as blocks instead.
 */
export async function deliverToCommand(reply: Reply, respond: RespondFn, client: WebClient, where: Where, log: (l: string) => void): Promise<void> {
  if (reply.ok && reply.file && (await uploadFile(reply.file, client, where, log))) return;
  const messages = capped(reply.messages);
  for (const m of messages) await respondOnceMore(respond, { response_type: reply.ok ? 'in_channel' : 'ephemeral', replace_original: false, ...m });
}

/**
 * A response_url post that failed below HTTP (fetch's TypeError: typically a pooled keep-alive
 * socket the other side had just closed, e.g. after a long operation) is tried once more. An
 * HTTP error (an expired response_url, Bolt's RespondError) is not: trying again will not help.
 */
async function respondOnceMore(respond: RespondFn, message: Parameters<RespondFn>[0]): Promise<void> {
  try {
    await respond(message);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    await new Promise((r) => setTimeout(r, 250));
    await respond(message);
  }
}

/** Answer a mention in its thread (chat.postMessage); errors go to the user alone (chat.postEphemeral). */
export async function deliverToMention(reply: Reply, client: WebClient, where: Where, log: (l: string) => void): Promise<void> {
  if (!reply.ok) {
    for (const m of reply.messages) await client.chat.postEphemeral({ channel: where.channel, user: where.user, thread_ts: where.threadTs, ...m });
    return;
  }
  if (reply.file && (await uploadFile(reply.file, client, where, log))) return;
  for (const m of reply.messages) await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, ...m });
}

async function uploadFile(file: SlackFile, client: WebClient, where: Where, log: (l: string) => void): Promise<boolean> {
  try {
    const common = { filename: file.filename, title: file.title, content: file.content, initial_comment: file.title };
    await client.files.uploadV2(where.threadTs ? { ...common, channel_id: where.channel, thread_ts: where.threadTs } : { ...common, channel_id: where.channel });
    return true;
  } catch (err) {
    log(`file upload refused (${(err as { data?: { error?: string } }).data?.error ?? (err as Error).message}); posting the brief as blocks`);
    return false;
  }
}

function capped(messages: SlackMessage[]): SlackMessage[] {
  if (messages.length <= MAX_RESPONSES) return messages;
  return [...messages.slice(0, MAX_RESPONSES - 1), plainMessage('… cut short here: that answer is too long for Slack. The CLI shows it in full.')];
}
