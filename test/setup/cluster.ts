import {stopNodes, up} from '../../cluster/harness.js';
import {ensureTools} from './tools.js';

const log = (line: string) => console.log(`[cluster] ${line}`);

/**
Brings the local cluster up for the integration tests, reusing one that already runs,
and at the end stops only the nodes this run started. Installs the cross-check tools first.
*/
export default async function setup(): Promise<() => Promise<void>> {
	ensureTools(log);
	const {started} = await up(log);
	return async () => {
		if (started.length > 0) await stopNodes(started, log);
	};
}
