/**
 * Token and call accounting for one write, stored in run.json (`LlmRecord.usage`).
 * calls: model requests the writer made (a re-ask after failed checks is a call);
 * retries: transport re-sends after 408/409/429/5xx, timeouts or connection errors.
 */
export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  calls: number;
  retries: number;
}

export class UsageMeter {
  private u: LlmUsage = { promptTokens: 0, completionTokens: 0, calls: 0, retries: 0 };

  addTokens(promptTokens = 0, completionTokens = 0): void {
    this.u.promptTokens += promptTokens;
    this.u.completionTokens += completionTokens;
  }

  call(): void {
    this.u.calls++;
  }

  retry(): void {
    this.u.retries++;
  }

  snapshot(): LlmUsage {
    return { ...this.u };
  }
}
