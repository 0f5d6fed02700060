import { RateLimiter } from './rate-limit.js';

export interface Requester {
  team?: string;
  channel?: string;
  user?: string;
}

export interface GuardSettings {
  allowedTeams: string[];
  allowedChannels: string[];
  commandsPerMinute: number;
}

/**
 * Who may ask: the workspace and channel allow-lists (empty = all), then the per-user rate
 * limit. Returns the refusal in plain words, or undefined to go ahead. The allow-lists are
 * checked first so a refused workspace never uses up anyone's rate budget.
 */
export class Guards {
  private readonly limiter: RateLimiter;
  constructor(
    private readonly settings: GuardSettings,
    now: () => number = Date.now,
  ) {
    this.limiter = new RateLimiter(settings.commandsPerMinute, now);
  }

  refusal(who: Requester): string | undefined {
    const { allowedTeams, allowedChannels } = this.settings;
    if (allowedTeams.length && !allowedTeams.includes(who.team ?? '')) {
      return 'segmenta is not enabled for this workspace. Ask whoever runs it to add this workspace to SLACK_ALLOWED_TEAMS.';
    }
    if (allowedChannels.length && !allowedChannels.includes(who.channel ?? '')) {
      return 'segmenta is not enabled in this channel. Use it in one of the channels it is set up for, or ask to have this one added to SLACK_ALLOWED_CHANNELS.';
    }
    // Per user per workspace: user ids are only unique within a team.
    const key = `${who.team ?? ''}:${who.user ?? ''}`;
    if (!this.limiter.take(key)) {
      const wait = this.limiter.retryAfterSeconds(key);
      return `you're sending commands faster than I can take them (${this.settings.commandsPerMinute} a minute). Try again in ${wait} second${wait === 1 ? '' : 's'}.`;
    }
    return undefined;
  }
}
