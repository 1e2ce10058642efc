import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseVersionFlags} from '../../cluster/versions.js';
import {compatEnv} from './compat-env.js';

/**
`npm run test:compat -- --kafka <version> [--zookeeper <version>] [--zk-config classic|dynamic]`:
the compat suite against one release, on a cluster folder and ports of its own (see compat-env.ts).
Other arguments go to vitest (a file filter, -t …).
*/
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let parsed;
try {
	parsed = parseVersionFlags(process.argv.slice(2));
} catch (error) {
	console.error(`test:compat: ${(error as Error).message}`);
	process.exit(2);
}

if (!parsed.given) {
	console.error('test:compat: name the release, e.g. `npm run test:compat -- --kafka 2.8.2` (optionally --zookeeper 3.5.9, --zk-config classic)');
	process.exit(2);
}

const vitest = path.join(repoRoot, 'node_modules', '.bin', 'vitest');
const result = spawnSync(vitest, ['run', '--config', path.join(repoRoot, 'vitest.compat.config.ts'), ...parsed.rest], {
	stdio: 'inherit',
	env: {...process.env, ...compatEnv(parsed.version)},
});
process.exit(result.status ?? 1);
