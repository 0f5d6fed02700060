import { tool } from '@langchain/core/tools';
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import type { AnyOperation } from '../src/ops/index.js';
import { runOperation, type OpContext } from '../src/ops/operation.js';
import { errorText, isAbort } from '../src/ops/error-text.js';
import { patternGuard, textForModel } from '../src/llm/privacy.js';
import { withholdInstructions } from '../src/llm/injection.js';

/** What a tool keeps for the app (the REPL renders `text`); the model only sees the summary. */
export interface ToolArtifact {
  op: string;
  ok: boolean;
  /** The operation's human rendering of the result, or the error in plain words. */
  text: string;
  result?: unknown;
}

/**
 * The one adapter from an operation to a LangChain tool: the op's name, description and zod
 * schema; the model gets `summarize(result)` (compact aggregates — never raw customer text),
 * the app gets the full result as the artifact. A failing operation becomes a plain-words
 * message the model can act on ("no segment 9 …"), never a thrown exception; only the user's
 * cancellation propagates, so Ctrl-C stops the whole agent step.
 */
export function toolFromOperation(op: AnyOperation, ctx: OpContext) {
  return tool(
    async (input: unknown, config?: { signal?: AbortSignal }) => {
      const signal = config?.signal ?? ctx.signal;
      try {
        // Same session object: an op that changes the current Run (segment, use) changes it for the REPL too.
        const result = await detached(() => runOperation(op, input, { ...ctx, signal }));
        // What the model reads passes the privacy guard first (results are aggregates; this is the net).
        // Results quote names and levels from the data: instruction-like lines are withheld.
        const summary = withholdInstructions(patternGuard.scrub(op.summarize ? op.summarize(result) : op.render(result)));
        const artifact: ToolArtifact = { op: op.name, ok: true, text: op.render(result), result };
        return [summary, artifact];
      } catch (err) {
        if (isAbort(err, signal)) throw err;
        const message = errorText(err);
        const artifact: ToolArtifact = { op: op.name, ok: false, text: message };
        // An error may quote a cell of the user's file: the model gets it elided and scrubbed.
        return [`Error: ${textForModel(message)}`, artifact];
      }
    },
    { name: op.name, description: op.description, schema: op.input as never, responseFormat: 'content_and_artifact' },
  );
}

/**
 * Run an operation outside the agent's LangChain context. Otherwise an LLM the operation calls
 * itself (the writer inside `segment` or `copy`) would silently inherit the agent's callbacks
 * and signal: its output would be streamed as if it were the agent's answer, and each of its
 * concurrent requests would hang a listener on the agent's signal. Operations get the user's
 * cancellation through OpContext.signal, the same way on every surface.
 */
function detached<T>(fn: () => Promise<T>): Promise<T> {
  return AsyncLocalStorageProviderSingleton.getInstance().run(undefined, fn);
}
