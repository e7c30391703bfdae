/** Canned replies (话术) for reps, read from data/canned-replies.json and checked once at start. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const CannedSchema = z.object({ group: z.string().min(1).max(20), text: z.string().min(1).max(500) });
/** One canned reply. */
export type CannedReply = z.infer<typeof CannedSchema>;

/** Reads the canned replies; a bad file stops the start with the place of the first problem. */
export function loadCannedReplies(file: string): CannedReply[] {
  const parsed = z.object({ replies: z.array(CannedSchema) }).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.replies;
}

/** The canned replies of a data dir (canned-replies.json); none when the dir has no such file. */
export function cannedRepliesIn(dataDir: string): CannedReply[] {
  const file = join(dataDir, 'canned-replies.json');
  return existsSync(file) ? loadCannedReplies(file) : [];
}
