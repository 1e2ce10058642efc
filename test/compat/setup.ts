import {down, up} from '../../cluster/harness.js';
import {plainLayout} from '../../cluster/layout.js';
import {describeVersion} from '../../cluster/versions.js';
import {ensureTools} from '../setup/tools.js';
import {compatVersion} from './compat-env.js';

/** Brings up the release's cluster (fetching its jars once) and stops it when the suite ends; a cluster that cannot start fails the run. */
export default async function setup(): Promise<() => Promise<void>> {
	const log = (line: string) => console.log(`[compat] ${line}`);
	ensureTools(log);
	const version = compatVersion();
	const started = Date.now();
	log(`${describeVersion(version)} in ${plainLayout.home}`);
	await up(log, plainLayout, version);
	log(`cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return async () => {
		await down(log, plainLayout);
	};
}
