/** Where the marketing log lives under the runtime data directory. */
import { join } from 'node:path';

/** data/runtime/marketing/events.jsonl, or the same under another runtime directory. */
export function marketingLogFile(runtimeDir: string): string {
  return join(runtimeDir, 'marketing', 'events.jsonl');
}
