import {stopNodes, up} from '../../cluster/harness.js';
import {type ClusterLayout, plainLayout, secureLayout} from '../../cluster/layout.js';
import {ensureTools} from './tools.js';

const log = (line: string) => console.log(`[cluster] ${line}`);
const secureLog = (line: string) => console.log(`[secure cluster] ${line}`);

type Started = {layout: ClusterLayout; started: string[]; log: typeof log};

async function stopStarted(clusters: Started[]): Promise<void> {
	for (const {layout, started, log: say} of clusters) {
		if (started.length > 0) await stopNodes(started, say, layout);
	}
}

/**
Brings the local clusters up for the integration tests, reusing what already runs, and at the
end stops only the nodes this run started. The plain cluster first, then (unless `plainOnly`)
the secured one; if that fails, the plain nodes this run started are stopped before the error
fails the run. Installs the cross-check tools first.
*/
export async function startClusters({plainOnly}: {plainOnly: boolean}): Promise<() => Promise<void>> {
	ensureTools(log);
	const clusters: Started[] = [{layout: plainLayout, log, ...await up(log)}];
	if (!plainOnly) {
		try {
			clusters.push({layout: secureLayout, log: secureLog, ...await up(secureLog, secureLayout)});
		} catch (error) {
			await stopStarted(clusters);
			throw error;
		}
	}

	return async () => stopStarted(clusters.reverse());
}

export default async function setup(): Promise<() => Promise<void>> {
	return startClusters({plainOnly: false});
}
