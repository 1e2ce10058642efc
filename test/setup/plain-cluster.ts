import {startClusters} from './cluster.js';

/** The benchmarks load the plain cluster alone: the secure cluster's idle JVMs would only add noise. */
export default async function setup(): Promise<() => Promise<void>> {
	return startClusters({plainOnly: true});
}
