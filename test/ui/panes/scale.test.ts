import {performance} from 'node:perf_hooks';
import {describe, expect, it} from 'vitest';
import type {ClusterSnapshot} from '../../../source/model/types.js';
import {panes} from '../../../source/ui/panes/index.js';
import type {Pane, PaneContext, Row} from '../../../source/ui/panes/pane.js';
import {broker, context, group, healthy, partition, topic} from './fixtures.js';

/**
10,000 partitions, as one topic and as 1,000 topics of ten, with broker 3 out of every ISR
and one group consuming them all. Times are printed, not asserted: the frame budget is measured
in the benchmark issue; here they only show that rows() is not the bottleneck.
*/
function big(): ClusterSnapshot {
	const snapshot = healthy();
	const replicas = (p: number) => [1 + (p % 3), 1 + ((p + 1) % 3), 1 + ((p + 2) % 3)];
	const parts = (count: number) => Array.from({length: count}, (_, p) => partition(p, replicas(p)[0]!, replicas(p), replicas(p).filter(r => r !== 3).sort(), {highWatermark: p}));
	snapshot.topics = [topic('huge', parts(10_000)), ...Array.from({length: 1000}, (_, t) => topic(`t-${t}`, parts(10)))];
	snapshot.brokers = [broker(1), broker(2), broker(3)];
	snapshot.groups = [group('all', {
		partitions: Array.from({length: 10_000}, (_, p) => ({topic: 'huge', partition: p, committed: 0, highWatermark: p, lag: p, owner: undefined, status: 'LAGGING' as const})),
	})];
	return snapshot;
}

/** The median of seven runs after two to warm the JIT up, as it is in a TUI that has been running. */
function timed(pane: Pane, paneContext: PaneContext): {rows: Row[]; ms: number} {
	let rows = pane.rows(paneContext);
	pane.rows(paneContext);
	const times: number[] = [];
	for (let run = 0; run < 7; run++) {
		const start = performance.now();
		rows = pane.rows(paneContext);
		times.push(performance.now() - start);
	}

	return {rows, ms: times.sort((a, b) => a - b)[3]!};
}

describe('panes at scale', () => {
	const snapshot = big();

	it('build 10,000 partition rows of one topic', () => {
		const {rows, ms} = timed(panes.partitions, context(snapshot, {subject: 'huge'}));
		console.log(`partitions pane, 10,000 rows: ${ms.toFixed(1)} ms (median)`);
		expect(rows).toHaveLength(10_000);
		expect(rows[9999]!.cells.map(cell => cell.text).slice(0, 4)).toEqual(['9999', '1', '1,2,3!', '1,2']);
	});

	it('build 1,001 topic rows over 20,000 partitions, and the brokers and group panes over them', () => {
		const topics = timed(panes.topics, context(snapshot));
		const brokers = timed(panes.brokers, context(snapshot));
		const groupRows = timed(panes.group, context(snapshot, {subject: 'all'}));
		console.log(`topics pane, 1,001 rows over 20,000 partitions: ${topics.ms.toFixed(1)} ms; brokers pane: ${brokers.ms.toFixed(1)} ms; group pane, 10,000 rows: ${groupRows.ms.toFixed(1)} ms (medians)`);
		expect(topics.rows).toHaveLength(1001);
		expect(topics.rows[0]!.cells[6]!.text).toBe('10,000');
		// Every partition is under-replicated, so each broker's URP is every partition it leads:
		// its share of the huge topic (3,334 / 3,333 / 3,333) and of partitions 0-9 of each small one (4,000 / 3,000 / 3,000).
		expect(brokers.rows.map(row => row.cells[7]!.text)).toEqual(['7,334', '6,333', '6,333']);
		expect(groupRows.rows).toHaveLength(10_000);
	});
});
