import {describe, expect, it} from 'vitest';
import {createFindingTracker} from '../../source/model/finding-tracker.js';
import type {Finding, FindingCode} from '../../source/model/types.js';

const S = 1000;

function finding(code: FindingCode, subject: string, at: number, message = 'm', severity: Finding['severity'] = 'warning'): Finding {
	return {severity, code, subject, message, since: at};
}

describe('createFindingTracker', () => {
	it('keeps since from the first snapshot a finding appeared in, with the latest message', () => {
		const tracker = createFindingTracker();
		expect(tracker.track([finding('UNDER_REPLICATED', 'orders-0', 0, 'ISR [1]')], 0)).toEqual([finding('UNDER_REPLICATED', 'orders-0', 0, 'ISR [1]')]);
		expect(tracker.track([finding('UNDER_REPLICATED', 'orders-0', 2 * S, 'ISR [1,3]', 'critical')], 2 * S))
			.toEqual([{...finding('UNDER_REPLICATED', 'orders-0', 0, 'ISR [1,3]', 'critical')}]);
	});

	it('forgets a cleared finding, so one that returns starts over', () => {
		const tracker = createFindingTracker();
		tracker.track([finding('BROKER_UNREACHABLE', 'broker 2', 0)], 0);
		expect(tracker.track([], S)).toEqual([]);
		expect(tracker.track([finding('BROKER_UNREACHABLE', 'broker 2', 2 * S)], 2 * S)[0]!.since).toBe(2 * S);
	});

	it('keys by code and subject: the same subject under another code is another finding', () => {
		const tracker = createFindingTracker();
		tracker.track([finding('UNDER_REPLICATED', 'orders-0', 0)], 0);
		const list = tracker.track([finding('UNDER_MIN_ISR', 'orders-0', S), finding('UNDER_REPLICATED', 'orders-1', S)], S);
		expect(list.map(item => item.since)).toEqual([S, S]);
	});

	it('raises METADATA_MISMATCH only on its second snapshot in a row, with since from the first', () => {
		const tracker = createFindingTracker();
		const mismatch = (at: number) => finding('METADATA_MISMATCH', 'orders-0', at);
		expect(tracker.track([mismatch(0)], 0)).toEqual([]);
		expect(tracker.track([mismatch(S)], S)).toEqual([mismatch(0)]);
		expect(tracker.track([], 2 * S)).toEqual([]);
		expect(tracker.track([mismatch(3 * S)], 3 * S)).toEqual([]);
		expect(tracker.track([mismatch(4 * S)], 4 * S)).toEqual([mismatch(3 * S)]);
	});

	it('raises TOPIC_DELETION_STUCK after five minutes pending, with since when it began', () => {
		const tracker = createFindingTracker();
		const stuck = (at: number) => finding('TOPIC_DELETION_STUCK', 'topic orders', at);
		expect(tracker.track([stuck(0)], 0)).toEqual([]);
		expect(tracker.track([stuck(5 * 60 * S - 1)], 5 * 60 * S - 1)).toEqual([]);
		expect(tracker.track([stuck(5 * 60 * S)], 5 * 60 * S)).toEqual([stuck(0)]);
	});

	it('follows custom holds', () => {
		const tracker = createFindingTracker({holds: {UNDER_REPLICATED: {snapshots: 3}}});
		const urp = (at: number) => finding('UNDER_REPLICATED', 'orders-0', at);
		const mismatch = (at: number) => finding('METADATA_MISMATCH', 'orders-0', at);
		expect(tracker.track([urp(0), mismatch(0)], 0)).toEqual([mismatch(0)]);
		expect(tracker.track([urp(S)], S)).toEqual([]);
		expect(tracker.track([urp(2 * S)], 2 * S)).toEqual([urp(0)]);
	});

	it('counts a duplicate in one snapshot once, and returns findings worst first', () => {
		const tracker = createFindingTracker();
		const list = tracker.track([
			finding('ZK_SERVER_LIMITED', 'b', 0, 'm', 'info'),
			finding('UNDER_REPLICATED', 'a', 0),
			finding('UNDER_REPLICATED', 'a', 0, 'again'),
			finding('NO_CONTROLLER', 'cluster', 0, 'm', 'critical'),
		], 0);
		expect(list.map(item => `${item.code} ${item.message}`)).toEqual(['NO_CONTROLLER m', 'UNDER_REPLICATED m', 'ZK_SERVER_LIMITED m']);
	});
});
