/**
 * `npm run account -- add <user> --roles rep,trainer [--name 小王] [--password P]` creates or replaces a staff
 * account (password from --password or the STAFF_PASSWORD env; hashed with bcrypt, never stored as given);
 * `npm run account -- list` lists accounts without their hashes.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addAccount, createAccountFile, type Role } from '../server/auth/accounts.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { roles: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
const store = createAccountFile(join(process.env.DATA_DIR ?? 'data', 'runtime', 'accounts.json'));
const [command, user] = positionals;

function usage(): never {
  console.error('usage: npm run account -- add <user> --roles rep,trainer,ops [--name NAME] [--password P]\n       npm run account -- list');
  process.exit(2);
}

if (command === 'list') {
  for (const a of await store.list()) console.log(`${a.user}\t${a.name}\t${a.roles.join(',')}`);
} else if (command === 'add' && user) {
  const roles = (values.roles ?? '').split(',').filter(Boolean) as Role[];
  const password = values.password ?? process.env.STAFF_PASSWORD;
  if (!password || roles.length === 0) usage();
  try {
    const a = await addAccount(store, { user, roles, password, ...(values.name ? { name: values.name } : {}) });
    console.log(`saved ${a.user} (${a.roles.join(', ')})`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
} else {
  usage();
}
