import {Box} from 'ink';
import React, {useMemo} from 'react';
import {partitionCounts} from '../../model/partition-counts.js';
import type {Stale} from '../../model/store.js';
import type {ClusterSnapshot} from '../../model/types.js';
import {clusterLine, findingLine, statusLine} from '../header-lines.js';
import {useClock} from '../hooks/use-clock.js';
import {SpansLine} from './spans-line.js';

export type HeaderProps = {
	snapshot: ClusterSnapshot | undefined;
	/** Read on every clock tick: the store keeps the newest refresh even when it did not notify. */
	latest: () => {snapshot: ClusterSnapshot | undefined; stale: Stale | undefined};
	target: string;
	/** The context's name, when the cluster is one. */
	context?: string | undefined;
	intervalMs: number;
	readOnly: boolean;
	/** 3 lines normally; 1 (cluster line only) on very short terminals. */
	lines: 1 | 3;
	now: () => number;
};

/** "Is my cluster OK?" in three lines: is it up, can I trust what I see, what is wrong. */
export function Header({snapshot, latest, target, context, intervalMs, readOnly, lines, now}: HeaderProps) {
	const first = useMemo(() => clusterLine(snapshot, target, readOnly, context), [snapshot, target, readOnly, context]);
	const third = useMemo(() => findingLine(snapshot), [snapshot]);
	return (
		<Box flexDirection="column">
			<SpansLine spans={first} />
			{lines === 3 && <Status latest={latest} intervalMs={intervalMs} now={now} />}
			{lines === 3 && <SpansLine spans={third} />}
		</Box>
	);
}

/**
The only part that ticks each second, so the clock re-renders one line, not the table. It reads
the store itself: a refresh that changed nothing does not notify, yet its data is new.
*/
function Status({latest, intervalMs, now}: Pick<HeaderProps, 'latest' | 'intervalMs' | 'now'>) {
	useClock(1000, now);
	const {snapshot, stale} = latest();
	const counts = useMemo(() => (snapshot ? partitionCounts(snapshot) : undefined), [snapshot]);
	// now(), not the tick's time: a render caused by a refresh must not show a negative age.
	return <SpansLine spans={statusLine(snapshot, counts, stale, now(), intervalMs)} />;
}
