import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, and the git-ignored folder where the local stack keeps its state. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultStateDir = () => resolve(process.env.LOCAL_STATE_DIR ?? resolve(projectRoot, '.local'));
