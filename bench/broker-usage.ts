import fs from 'node:fs';
import {kafkaNodes, paths} from '../cluster/layout.js';

export type BrokerUsage = {broker: string; openFiles: number; rssMb: number};

/**
Open files and RSS of each local broker (from its pid file and /proc): what a size costs the
cluster, and the evidence for the replication factor chosen.
*/
export function brokerUsage(): BrokerUsage[] {
	return kafkaNodes.flatMap(node => {
		try {
			const pid = fs.readFileSync(paths.pid(node), 'utf8').trim();
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
			return [{broker: node.name, openFiles: fs.readdirSync(`/proc/${pid}/fd`).length, rssMb: rssKb / 1024}];
		} catch {
			// Not running, or not this machine's: nothing to report.
			return [];
		}
	});
}
