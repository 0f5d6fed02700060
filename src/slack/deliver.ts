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

/** A thread holds this many posts of one answer at most (the head message included). */
const MAX_THREAD_POSTS = 20;

/**
 * Answer a slash command through its response_url: results in the channel, errors only to
 * the user. A brief or a report is uploaded as a file (files.uploadV2); if the upload is
 * refused (the bot is not in the channel, a missing scope) it is posted as blocks instead. An
 * answer longer than one message goes in a thread: its first message in the channel
 * (chat.postMessage), the rest under it, so the channel shows one message per answer.
 */
export async function deliverToCommand(reply: Reply, respond: RespondFn, client: WebClient, where: Where, log: (l: string) => void): Promise<void> {
  if (reply.ok && reply.file && (await uploadFile(reply.file, client, where, log))) return;
  if (reply.ok && reply.messages.length > 1 && (await postThread(reply.messages, client, where, log))) return;
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

/** Head message in the channel, the rest in its thread; false (nothing posted) when the channel refuses the bot. */
async function postThread(messages: SlackMessage[], client: WebClient, where: Where, log: (l: string) => void): Promise<boolean> {
  let head: string | undefined;
  try {
    head = (await client.chat.postMessage({ channel: where.channel, ...messages[0] })).ts;
  } catch (err) {
    log(`posting in the channel refused (${(err as { data?: { error?: string } }).data?.error ?? (err as Error).message}); answering through the response_url`);
    return false;
  }
  if (!head) return false;
  const rest = messages.slice(1);
  const room = MAX_THREAD_POSTS - 1;
  const posts = rest.length > room ? [...rest.slice(0, room - 1), plainMessage('… cut short here: that answer is too long for Slack. The CLI shows it in full.')] : rest;
  for (const m of posts) await client.chat.postMessage({ channel: where.channel, thread_ts: head, ...m });
  return true;
}

async function uploadFile(file: SlackFile, client: WebClient, where: Where, log: (l: string) => void): Promise<boolean> {
  try {
    const common = { filename: file.filename, title: file.title, content: file.content, initial_comment: file.title };
    await client.files.uploadV2(where.threadTs ? { ...common, channel_id: where.channel, thread_ts: where.threadTs } : { ...common, channel_id: where.channel });
    return true;
  } catch (err) {
    log(`file upload refused (${(err as { data?: { error?: string } }).data?.error ?? (err as Error).message}); posting ${file.filename} as blocks`);
    return false;
  }
}

function capped(messages: SlackMessage[]): SlackMessage[] {
  if (messages.length <= MAX_RESPONSES) return messages;
  return [...messages.slice(0, MAX_RESPONSES - 1), plainMessage('… cut short here: that answer is too long for Slack. The CLI shows it in full.')];
}
