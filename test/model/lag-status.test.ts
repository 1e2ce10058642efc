import {describe, expect, it} from 'vitest';
import {defaultLagRules, evaluateLag, worstLagStatus} from '../../source/model/lag-status.js';
import {createLagWindows} from '../../source/model/lag-window.js';
import type {LagStatus} from '../../source/model/types.js';
import {groupAt, type PartitionAt} from './lag-fixtures.js';

const S = 1000;

/** Feeds refreshes of one partition (each [at, committed, highWatermark]) and returns the status after each. */
function statuses(steps: Array<[number, number, number]>, owned = true): LagStatus[] {
	const windows = createLagWindows();
	return steps.map(([at, committed, highWatermark]) => {
		const group = groupAt('g', [{committed, highWatermark, owner: owned ? 'member-1' : undefined}]);
		windows.record([group], at);
		return evaluateLag([group], windows, at)[0]!.partitions[0]!.status;
	});
}

describe('partition lag status', () => {
	it('is OK at zero lag, even from a single sample', () => {
		expect(statuses([[0, 100, 100]])).toEqual(['OK']);
	});

	it('is UNKNOWN from a single sample with lag: lagging cannot be told from catching up', () => {
		expect(statuses([[0, 10, 100], [2 * S, 10, 110]])).toEqual(['UNKNOWN', 'UNKNOWN']);
	});

	it('is LAGGING when the offset moves but lag never falls between commits', () => {
		expect(statuses([[0, 10, 100], [5 * S, 20, 120], [10 * S, 30, 140], [15 * S, 40, 150]])).toEqual(['UNKNOWN', 'LAGGING', 'LAGGING', 'LAGGING']);
	});

	it('is OK when lag falls between commits: the consumer is catching up', () => {
		expect(statuses([[0, 10, 100], [5 * S, 50, 120], [10 * S, 90, 130]])).toEqual(['UNKNOWN', 'OK', 'OK']);
	});

	it('is OK while any commit in the window was at zero lag', () => {
		expect(statuses([[0, 100, 100], [5 * S, 110, 130], [10 * S, 120, 150]])).toEqual(['OK', 'OK', 'OK']);
	});

	it('turns LAGGING once the zero-lag commit slides out of the window', () => {
		const steps: Array<[number, number, number]> = [[0, 100, 100]];
		for (let commit = 1; commit <= 10; commit++) steps.push([commit * 5 * S, 100 + (commit * 10), 100 + (commit * 20)]);
		const result = statuses(steps);
		expect(result.slice(0, 10).every(status => status === 'OK')).toBe(true);
		expect(result.at(-1)).toBe('LAGGING');
	});

	it('is STALLED when an owned partition makes no progress for stalledAfterMs while messages wait', () => {
		const {stalledAfterMs} = defaultLagRules;
		expect(statuses([[0, 10, 100], [5 * S, 20, 100], [stalledAfterMs, 20, 120], [5 * S + stalledAfterMs - 1, 20, 130], [5 * S + stalledAfterMs, 20, 130]]))
			.toEqual(['UNKNOWN', 'OK', 'OK', 'OK', 'STALLED']);
	});

	it('is STOPPED after stoppedAfterMs without progress', () => {
		const {stoppedAfterMs} = defaultLagRules;
		expect(statuses([[0, 10, 100], [stoppedAfterMs - 1, 10, 100], [stoppedAfterMs, 10, 100]])).toEqual(['UNKNOWN', 'STALLED', 'STOPPED']);
	});

	it('is STOPPED already after stalledAfterMs when no member owns the partition', () => {
		const {stalledAfterMs} = defaultLagRules;
		expect(statuses([[0, 10, 100], [stalledAfterMs - 1, 10, 100], [stalledAfterMs, 10, 100]], false)).toEqual(['UNKNOWN', 'UNKNOWN', 'STOPPED']);
	});

	it('is not STOPPED when a quiet partition, long at zero lag, gets a message before the next commit', () => {
		expect(statuses([[0, 100, 100], [10 * 60 * S, 100, 100], [10 * 60 * S + 2 * S, 100, 101]])).toEqual(['OK', 'OK', 'OK']);
	});

	it('recovers to OK once a stalled consumer moves again and catches up', () => {
		const {stalledAfterMs} = defaultLagRules;
		expect(statuses([[0, 10, 100], [stalledAfterMs, 10, 100], [stalledAfterMs + S, 100, 100]])).toEqual(['UNKNOWN', 'STALLED', 'OK']);
	});

	it('starts over after an offset reset', () => {
		expect(statuses([[0, 10, 100], [5 * S, 20, 120], [10 * S, 5, 120]])).toEqual(['UNKNOWN', 'LAGGING', 'UNKNOWN']);
	});

	it('is UNKNOWN without a committed offset or watermark', () => {
		const windows = createLagWindows();
		const group = groupAt('g', [{committed: undefined, highWatermark: 10}, {partition: 1, committed: 5, highWatermark: undefined}]);
		windows.record([group], 0);
		expect(evaluateLag([group], windows, 0)[0]!.partitions.map(partition => partition.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
	});

	it('follows custom rules', () => {
		const windows = createLagWindows();
		const group = groupAt('g', [{committed: 1, highWatermark: 2}]);
		windows.record([group], 0);
		expect(evaluateLag([group], windows, 10 * S, {stalledAfterMs: 5 * S, stoppedAfterMs: 10 * S})[0]!.status).toBe('STOPPED');
	});
});

describe('group lag status', () => {
	const evaluate = (partitions: PartitionAt[], history: Array<[number, PartitionAt[]]> = []) => {
		const windows = createLagWindows();
		for (const [at, earlier] of history) windows.record([groupAt('g', earlier)], at);
		const group = groupAt('g', partitions);
		windows.record([group], 10 * S);
		return evaluateLag([group], windows, 10 * S)[0]!;
	};

	it('is the worst of its partitions\' statuses', () => {
		const group = evaluate(
			[{partition: 0, committed: 100, highWatermark: 100}, {partition: 1, committed: 30, highWatermark: 150}],
			[[0, [{partition: 0, committed: 90, highWatermark: 100}, {partition: 1, committed: 10, highWatermark: 100}]]],
		);
		expect(group.partitions.map(partition => partition.status)).toEqual(['OK', 'LAGGING']);
		expect(group.status).toBe('LAGGING');
	});

	it('ignores partitions without a commit, and is UNKNOWN when none can be judged', () => {
		expect(evaluate([{committed: 100, highWatermark: 100}, {partition: 1, committed: undefined, highWatermark: 5}]).status).toBe('OK');
		expect(evaluate([{committed: undefined, highWatermark: 5}]).status).toBe('UNKNOWN');
		expect(evaluate([]).status).toBe('UNKNOWN');
	});

	it('ranks STOPPED > STALLED > LAGGING > UNKNOWN > OK', () => {
		expect(worstLagStatus(['OK', 'UNKNOWN'])).toBe('UNKNOWN');
		expect(worstLagStatus(['LAGGING', 'UNKNOWN', 'OK'])).toBe('LAGGING');
		expect(worstLagStatus(['LAGGING', 'STALLED'])).toBe('STALLED');
		expect(worstLagStatus(['STOPPED', 'STALLED', 'OK'])).toBe('STOPPED');
		expect(worstLagStatus([])).toBe('UNKNOWN');
	});
});

describe('lag status without history (one refresh, as ktop check takes)', () => {
	const once = (extra: Parameters<typeof groupAt>[2], timeLagMs?: number, committed = 0) => {
		const group = groupAt('g', [{committed, highWatermark: 600, owner: undefined}], extra);
		if (timeLagMs !== undefined) group.partitions[0] = {...group.partitions[0]!, timeLagMs};
		const windows = createLagWindows();
		windows.record([group], 0);
		return evaluateLag([group], windows, 0)[0]!;
	};

	it('is STOPPED for a group with lag and no members, at once', () => {
		expect(once({members: 0}, 1000).status).toBe('STOPPED');
		expect(once({members: 0}).status).toBe('STOPPED');
	});

	it('flags no group without lag, members or not', () => {
		expect(once({members: 0}, 0, 600).status).toBe('OK');
		expect(once({members: 2}, 0, 600).status).toBe('OK');
	});

	it('is AT_RISK for a group with members whose next record has waited atRiskAfterMs, UNKNOWN before', () => {
		expect(once({members: 1}, defaultLagRules.atRiskAfterMs!).status).toBe('AT_RISK');
		expect(once({members: 1}, defaultLagRules.atRiskAfterMs! - 1).status).toBe('UNKNOWN');
		expect(once({members: 1}).status).toBe('UNKNOWN');
	});

	it('does not call a group without a member list (its description failed) stopped', () => {
		expect(once({members: 0, error: 'describe: COORDINATOR_NOT_AVAILABLE'}, 1000).status).toBe('UNKNOWN');
	});

	it('leaves the judgement to history once the offset moves: a standalone consumer catching up is OK', () => {
		const windows = createLagWindows();
		const at = (committed: number) => groupAt('g', [{committed, highWatermark: 600, owner: undefined}], {members: 0});
		windows.record([at(0)], 0);
		windows.record([at(300)], 2 * S);
		windows.record([at(500)], 4 * S);
		expect(evaluateLag([at(500)], windows, 4 * S)[0]!.status).toBe('OK');
	});
});
