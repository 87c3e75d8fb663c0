import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { mintToken } from './keys.ts';
import { defaultStateDir } from './paths.ts';

/**
 * `npm run --silent token -- --firm F --user U --scope "practice billing"`
 * prints a bearer token that the local stack accepts.
 */
const { values } = parseArgs({
  options: {
    firm: { type: 'string' },
    user: { type: 'string', default: 'user-1' },
    scope: { type: 'string', default: 'practice accounting billing admin' },
    'expires-in': { type: 'string', default: '12h' },
  },
});

if (!values.firm) {
  console.error('usage: npm run --silent token -- --firm FIRM [--user USER] [--scope "practice accounting billing admin"] [--expires-in 12h]');
  process.exit(2);
}

const token = await mintToken(join(defaultStateDir(), 'keys'), {
  firm: values.firm,
  user: values.user!,
  scope: values.scope!,
  expiresIn: values['expires-in']!,
});
process.stdout.write(`${token}\n`);
