import {describe, expect, it, vi} from 'vitest';
import type {SnapshotInput} from '../../source/model/build-snapshot.js';
import {createStore} from '../../source/model/store.js';
import type {ClusterEvent} from '../../source/model/types.js';
import {T0, group, healthyInput, kafkaView, metaPartition, ordersTopic, zkKafkaView, zkTopicOf} from './fixtures.js';

const S = 1000;

/** A refresh at `seconds` after T0, with the high watermark of orders-0 and the group's commit on it. */
function refresh(seconds: number, extra: Partial<SnapshotInput> = {}): SnapshotInput {
	return healthyInput({takenAt: T0 + (seconds * S), ...extra});
}

/** orders-0 with broker 2 out of its ISR, as both sources report it. */
function urp(): Partial<SnapshotInput> {
	const topic = ordersTopic();
	topic.partitions[0] = metaPartition(0, 1, [1, 2, 3], [1, 3]);
	return {kafka: kafkaView({topics: [topic]}), zkKafka: zkKafkaView({topics: [zkTopicOf(topic)]})};
}

function withLag(seconds: number, committed: number, highWatermark: number): SnapshotInput {
	const topic = ordersTopic();
	topic.partitions[0] = metaPartition(0, 1, [1, 2, 3], [1, 2, 3], {highWatermark});
	const members = [{memberId: 'm1', clientId: 'app', host: '/10.0.0.1', assignments: [{topic: 'orders', partitions: [0]}]}];
	return refresh(seconds, {kafka: kafkaView({topics: [topic], groups: [group('app', {members, offsets: [{topic: 'orders', partition: 0, committed}]})]})});
}

describe('createStore', () => {
	it('starts empty and notifies on the first snapshot', () => {
		const store = createStore();
		const listener = vi.fn();
		store.subscribe(listener);
		expect(store.getSnapshot()).toBeUndefined();
		store.update(refresh(0));
		expect(listener).toHaveBeenCalledTimes(1);
		expect(store.getSnapshot()).toMatchObject({takenAt: T0, findings: []});
		expect(store.getEvents()).toEqual([]);
	});

	it('does not notify when only the time changed, but keeps the newer snapshot', () => {
		const store = createStore();
		const listener = vi.fn();
		store.update(refresh(0));
		store.subscribe(listener);
		store.update(refresh(2));
		expect(listener).not.toHaveBeenCalled();
		expect(store.getSnapshot()!.takenAt).toBe(T0 + (2 * S));
	});

	it('notifies when a displayed value changed without an event, such as a watermark', () => {
		const store = createStore();
		const listener = vi.fn();
		store.update(withLag(0, 100, 100));
		store.subscribe(listener);
		store.update(withLag(2, 150, 150));
		expect(listener).toHaveBeenCalledTimes(1);
		expect(store.getEvents()).toEqual([]);
	});

	it('records events newest first, and notifies', () => {
		const store = createStore();
		const listener = vi.fn();
		store.subscribe(listener);
		store.update(refresh(0));
		store.update(refresh(2, {zkKafka: zkKafkaView({controller: {brokerId: 2, since: undefined}, controllerEpoch: 8})}));
		store.update(refresh(4, {zkKafka: zkKafkaView({controller: {brokerId: 3, since: undefined}, controllerEpoch: 9})}));
		expect(listener).toHaveBeenCalledTimes(3);
		expect(store.getEvents().map(event => event.message)).toEqual([
			'controller moved from broker 2 to broker 3 (epoch 9)',
			'controller moved from broker 1 to broker 2 (epoch 8)',
		]);
	});

	it('keeps at most historyLimit events, the newest', () => {
		const store = createStore({historyLimit: 5});
		for (let index = 0; index < 20; index++) {
			store.update(refresh(index * 2, {zkKafka: zkKafkaView({controller: {brokerId: (index % 3) + 1, since: undefined}, controllerEpoch: index})}));
		}

		const events = store.getEvents();
		expect(events).toHaveLength(5);
		expect(events[0]!.message).toBe('controller moved from broker 1 to broker 2 (epoch 19)');
		expect(events.every(event => event.at >= T0 + (30 * S))).toBe(true);
	});

	it('tracks findings with their first-seen time and records them raised and cleared', () => {
		const store = createStore();
		store.update(refresh(0));
		store.update(refresh(2, urp()));
		store.update(refresh(4, urp()));
		expect(store.getSnapshot()!.findings).toMatchObject([{code: 'AT_MIN_ISR', subject: 'orders-0', since: T0 + (2 * S)}]);
		store.update(refresh(6));
		expect(store.getSnapshot()!.findings).toEqual([]);
		expect(store.getEvents().filter(event => event.kind.startsWith('finding')).map(event => `${event.kind} ${event.subject}`))
			.toEqual(['finding-cleared orders-0', 'finding-raised orders-0']);
	});

	it('holds a finding whose source failed: kept with its first-seen time, marked held, neither cleared nor raised again', () => {
		const store = createStore();
		store.update(refresh(0));
		store.update(refresh(2, urp()));
		store.update(refresh(4, {kafka: undefined, errors: [{source: 'kafka', message: 'Kafka metadata could not be read'}]}));
		const held = store.getSnapshot()!.findings.find(finding => finding.code === 'AT_MIN_ISR');
		expect(held).toMatchObject({subject: 'orders-0', since: T0 + (2 * S), held: {since: T0 + (4 * S), source: 'kafka'}});
		store.update(refresh(6, {kafka: undefined, errors: [{source: 'kafka', message: 'Kafka metadata could not be read'}]}));
		expect(store.getSnapshot()!.findings.find(finding => finding.code === 'AT_MIN_ISR')!.held).toEqual({since: T0 + (4 * S), source: 'kafka'});
		store.update(refresh(8, urp()));
		const back = store.getSnapshot()!.findings.find(finding => finding.code === 'AT_MIN_ISR')!;
		expect(back.since).toBe(T0 + (2 * S));
		expect(back.held).toBeUndefined();
		store.update(refresh(10));
		const atMinIsr = store.getEvents().filter(event => event.message.startsWith('AT_MIN_ISR')).map(event => `${event.kind} ${event.subject}`);
		// Raised once, cleared once: only when fresh evidence showed it gone.
		expect(atMinIsr).toEqual(['finding-cleared orders-0', 'finding-raised orders-0']);
	});

	it('holds a group finding while that group, or all groups, could not be read', () => {
		const store = createStore();
		store.update(withLag(0, 10, 100));
		store.update(withLag(30, 10, 120));
		store.update(withLag(60, 10, 140));
		expect(store.getSnapshot()!.findings).toMatchObject([{code: 'GROUP_STALLED', subject: 'group app'}]);
		store.update(refresh(90, {errors: [{source: 'kafka:groups', message: 'ListGroups timed out'}]}));
		expect(store.getSnapshot()!.findings.find(finding => finding.code === 'GROUP_STALLED')).toMatchObject({since: T0 + (60 * S), held: {source: 'kafka:groups'}});
		// Another source failing says nothing about the group: with its data read and healthy, it clears.
		store.update(refresh(120, {errors: [{source: 'kafka:topic:other', message: 'metadata: UNKNOWN'}]}));
		expect(store.getSnapshot()!.findings.find(finding => finding.code === 'GROUP_STALLED')).toBeUndefined();
	});

	it('holds METADATA_MISMATCH until the second snapshot', () => {
		const store = createStore();
		const zk = zkTopicOf(ordersTopic());
		zk.states[0] = {...zk.states[0]!, leader: 2};
		store.update(refresh(0, {zkKafka: zkKafkaView({topics: [zk]})}));
		expect(store.getSnapshot()!.findings).toEqual([]);
		store.update(refresh(2, {zkKafka: zkKafkaView({topics: [zk]})}));
		expect(store.getSnapshot()!.findings).toMatchObject([{code: 'METADATA_MISMATCH', since: T0}]);
	});

	it('judges lag over refreshes: a consumer that stops moving is STALLED, then STOPPED', () => {
		const store = createStore();
		store.update(withLag(0, 10, 100));
		store.update(withLag(30, 10, 120));
		expect(store.getSnapshot()!.groups[0]!.status).toBe('UNKNOWN');
		store.update(withLag(60, 10, 140));
		expect(store.getSnapshot()!.groups[0]).toMatchObject({status: 'STALLED', lag: 130});
		expect(store.getSnapshot()!.findings).toMatchObject([{code: 'GROUP_STALLED', subject: 'group app'}]);
		store.update(withLag(300, 10, 140));
		expect(store.getSnapshot()!.findings).toMatchObject([{code: 'GROUP_STOPPED', severity: 'critical'}]);
	});

	it('keeps lag history through a refresh where the brokers could not be read', () => {
		const store = createStore();
		store.update(withLag(0, 10, 100));
		store.update(refresh(30, {kafka: undefined, errors: [{source: 'kafka', message: 'brokers did not answer'}]}));
		store.update(withLag(60, 10, 100));
		expect(store.getSnapshot()!.groups[0]!.status).toBe('STALLED');
	});

	it('marks the snapshot stale on a failed refresh, once per distinct error, and fresh again on the next', () => {
		let now = T0 + (10 * S);
		const store = createStore({now: () => now});
		const listener = vi.fn();
		store.update(refresh(0));
		store.subscribe(listener);
		store.recordError(new Error('timed out'));
		expect(store.getStale()).toEqual({since: T0 + (10 * S), error: 'timed out'});
		expect(store.getSnapshot()!.takenAt).toBe(T0);
		now += 2 * S;
		store.recordError(new Error('timed out'));
		expect(listener).toHaveBeenCalledTimes(1);
		store.recordError('connection refused');
		expect(listener).toHaveBeenCalledTimes(2);
		expect(store.getStale()).toEqual({since: T0 + (10 * S), error: 'connection refused'});
		store.update(refresh(14));
		expect(store.getStale()).toBeUndefined();
		expect(listener).toHaveBeenCalledTimes(3);
	});

	it('marks a whole source that cannot refresh stale, naming it and since when, until it refreshes again', () => {
		const store = createStore();
		const listener = vi.fn();
		store.subscribe(listener);
		store.update(refresh(0));
		expect(store.getStale()).toBeUndefined();
		const brokersDown = {kafka: undefined, errors: [{source: 'kafka', message: 'no broker answered metadata'}]};
		store.update(refresh(2, brokersDown));
		expect(store.getStale()).toEqual({since: T0 + (2 * S), error: 'kafka: no broker answered metadata', sources: [{source: 'kafka', since: T0 + (2 * S), error: 'no broker answered metadata'}]});
		expect(store.getSnapshot()!.stale).toEqual([{source: 'kafka', since: T0 + (2 * S), error: 'no broker answered metadata'}]);
		const first = store.getStale();
		const calls = listener.mock.calls.length;
		store.update(refresh(4, brokersDown));
		// Same failure: the same object (the UI re-renders on identity), the first failure's time.
		expect(store.getStale()).toBe(first);
		expect(listener.mock.calls.length).toBe(calls);
		store.update(refresh(6, {...brokersDown, zkKafka: undefined, errors: [...brokersDown.errors, {source: 'zookeeper', message: 'not connected to ZooKeeper since …'}]}));
		expect(store.getStale()!.error).toBe('zookeeper: not connected to ZooKeeper since …; kafka: no broker answered metadata');
		expect(store.getStale()!.since).toBe(T0 + (2 * S));
		// A part of a source failing (one group) is a finding, not a stale view.
		store.update(refresh(8, {errors: [{source: 'kafka:groups', message: 'ListGroups timed out'}]}));
		expect(store.getStale()).toBeUndefined();
		expect(store.getSnapshot()!.stale).toBeUndefined();
	});

	it('records an error before any snapshot', () => {
		const store = createStore();
		store.recordError(new Error('no route to host'), T0);
		expect(store.getSnapshot()).toBeUndefined();
		expect(store.getStale()).toEqual({since: T0, error: 'no route to host'});
	});

	it('stops notifying after unsubscribe', () => {
		const store = createStore();
		const listener = vi.fn();
		const unsubscribe = store.subscribe(listener);
		store.update(refresh(0));
		unsubscribe();
		store.update(withLag(2, 1, 2));
		expect(listener).toHaveBeenCalledTimes(1);
	});

	it('tells every listener even when one throws, then reports the failure', () => {
		const store = createStore();
		const after = vi.fn();
		store.subscribe(() => {
			throw new Error('render failed');
		});
		store.subscribe(after);
		expect(() => store.update(refresh(0))).toThrow('render failed');
		expect(after).toHaveBeenCalledTimes(1);
		expect(store.getSnapshot()).toBeDefined();
	});

	describe('record', () => {
		const applied = (seconds: number, topic = 'orders'): ClusterEvent => ({
			at: T0 + (seconds * S), kind: 'action-applied', subject: `topic ${topic}`, severity: 'info', message: `ktop: Delete topic ${topic} — applied`,
		});
		const moveController = (seconds: number, brokerId: number, epoch: number) => refresh(seconds, {zkKafka: zkKafkaView({controller: {brokerId, since: undefined}, controllerEpoch: epoch})});

		it('puts the event at the front of the timeline and notifies, with a new events array', () => {
			const store = createStore();
			const listener = vi.fn();
			store.subscribe(listener);
			const before = store.getEvents();
			store.record(applied(1));
			expect(listener).toHaveBeenCalledTimes(1);
			expect(store.getEvents()).toEqual([applied(1)]);
			expect(store.getEvents()).not.toBe(before);
			// The snapshot and staleness are the refreshes' business.
			expect(store.getSnapshot()).toBeUndefined();
			expect(store.getStale()).toBeUndefined();
		});

		it('interleaves with refreshes in arrival order, newest first, and survives a refresh that finds nothing new', () => {
			const store = createStore();
			store.update(refresh(0));
			store.update(moveController(2, 2, 8));
			store.record(applied(3));
			store.update(moveController(4, 2, 8));
			store.update(moveController(6, 3, 9));
			expect(store.getEvents().map(event => event.kind)).toEqual(['controller-moved', 'action-applied', 'controller-moved']);
			expect(store.getEvents()[1]).toEqual(applied(3));
		});

		it('shares historyLimit with the diff\'s events: the oldest go first, whoever recorded them', () => {
			const store = createStore({historyLimit: 3});
			store.update(refresh(0));
			store.update(moveController(2, 2, 8));
			store.record(applied(3, 'a'));
			store.record(applied(4, 'b'));
			store.record(applied(5, 'c'));
			expect(store.getEvents().map(event => event.subject)).toEqual(['topic c', 'topic b', 'topic a']);
			store.update(moveController(6, 3, 9));
			expect(store.getEvents().map(event => event.subject)).toEqual(['broker 3', 'topic c', 'topic b']);
		});

		it('keeps nothing and tells nobody with historyLimit 0', () => {
			const store = createStore({historyLimit: 0});
			const listener = vi.fn();
			store.subscribe(listener);
			store.record(applied(1));
			expect(store.getEvents()).toEqual([]);
			expect(listener).not.toHaveBeenCalled();
		});
	});

	it('returns the same events array until events change', () => {
		const store = createStore();
		store.update(refresh(0));
		const events = store.getEvents();
		store.update(refresh(2));
		expect(store.getEvents()).toBe(events);
	});
});
