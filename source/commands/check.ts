import type {Connection} from '../model/reach.js';
import type {ClusterSnapshot} from '../model/types.js';
import {sanitize} from '../text/sanitize.js';
import {type CollectOptions, collectSnapshot} from './collect.js';
import {checkStatus} from './exit-status.js';
import {findingLine, notJudgedLine} from './snapshot-text.js';

const statusWord = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;

/**
`ktop check`: one finding per line, then a summary line, and the monitoring-plugin exit status
(0 healthy, 1 warnings, 2 critical, 3 cannot determine), for cron, Nagios or a shell loop.
*/
export async function runCheck(connection: Connection, options: CollectOptions, write: (text: string) => void): Promise<number> {
	return runCheckOn(await collectSnapshot(connection, options), write);
}

/** check's output and exit status for a snapshot already taken. */
export function runCheckOn(snapshot: ClusterSnapshot, write: (text: string) => void): number {
	const status = checkStatus(snapshot);
	for (const finding of snapshot.findings) write(`${findingLine(finding)}\n`);
	const unjudged = notJudgedLine(snapshot);
	if (unjudged) write(`${unjudged}\n`);

	const counts = ['critical', 'warning', 'info'].map(severity => `${snapshot.findings.filter(f => f.severity === severity).length} ${severity}`).join(', ');
	// The same STALE the TUI's header shows: which sources this check's data is missing or last known for.
	const stale = (snapshot.stale ?? []).map(entry => entry.source);
	const scope = snapshot.brokersOnly ? `; brokers only, ${snapshot.notJudged?.length ?? 0} checks not judged` : '';
	write(`KTOP ${statusWord[status]} - ${counts}; cluster ${sanitize(snapshot.clusterId ?? 'unknown')}${scope}${stale.length > 0 ? `; STALE ${stale.join(', ')}` : ''}\n`);
	return status;
}
