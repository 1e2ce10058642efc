import {describe, expect, it} from 'vitest';
import {buildSnapshot, type SnapshotInput} from '../../source/model/build-snapshot.js';
import {diff} from '../../source/model/diff.js';
import type {ClusterEvent, ClusterSnapshot, Finding} from '../../source/model/types.js';
import {
	T0, configs, group, healthyEnsemble, healthyInput, kafkaView, metaPartition, metaTopic, ordersTopic, registration, zkKafkaView, zkServer, zkTopicOf,
} from './fixtures.js';

const T1 = T0 + 2000;

function snapshots(before: Partial<SnapshotInput>, after: Partial<SnapshotInput>): [ClusterSnapshot, ClusterSnapshot] {
	return [buildSnapshot(healthyInput(before)), buildSnapshot(healthyInput({takenAt: T1, ...after}))];
}

const brief = (events: ClusterEvent[]) => events.map(event => `${event.kind} ${event.subject}: ${event.message}`);

/** Orders with its partitions changed, as both sources report it. */
function orders(change: (topic: ReturnType<typeof ordersTopic>) => void): Partial<SnapshotInput> {
	const topic = ordersTopic();
	change(topic);
	return {kafka: kafkaView({topics: [topic]}), zkKafka: zkKafkaView({topics: [zkTopicOf(topic)]})};
}

describe('diff', () => {
	it('reports nothing without a previous snapshot, or when nothing changed', () => {
		const [prev, next] = snapshots({}, {});
		expect(diff(undefined, next)).toEqual([]);
		expect(diff(prev, next)).toEqual([]);
	});

	it('stamps events with the newer snapshot\'s time', () => {
		const [prev, next] = snapshots({}, {zkKafka: zkKafkaView({controller: {brokerId: 2, since: T1}, controllerEpoch: 8})});
		expect(diff(prev, next)).toEqual([{at: T1, kind: 'controller-moved', subject: 'broker 2', severity: 'warning', message: 'controller moved from broker 1 to broker 2 (epoch 8)'}]);
	});

	it('reports brokers joining and leaving', () => {
		const fourBrokers = {
			zkKafka: zkKafkaView({registrations: [1, 2, 3, 4].map(id => registration(id))}),
			kafka: kafkaView({brokers: [...kafkaView().brokers, {id: 4, host: 'b4', port: 9095, rack: undefined}]}),
		};
		const [prev, next] = snapshots({}, fourBrokers);
		expect(brief(diff(prev, next))).toEqual(['broker-joined broker 4: broker 4 (b4:9095) joined']);
		const twoBrokers = {zkKafka: zkKafkaView({registrations: [registration(1), registration(2)]}), kafka: kafkaView({brokers: kafkaView().brokers.slice(0, 2)})};
		const [before, after] = snapshots({}, twoBrokers);
		expect(diff(before, after)).toMatchObject([{kind: 'broker-left', subject: 'broker 3', severity: 'warning', message: 'broker 3 (127.0.0.1:9094) left'}]);
	});

	it('does not report a broker as left when only the source that saw it failed', () => {
		const hung = {zkKafka: zkKafkaView({registrations: [1, 2, 3, 4].map(id => registration(id))})};
		const [prev, next] = snapshots(hung, {zkKafka: undefined, errors: [{source: 'zookeeper', message: 'connection loss'}]});
		expect(diff(prev, next).filter(event => event.kind === 'broker-left')).toEqual([]);
	});

	it('reports the controller re-elected, lost and found', () => {
		const [prev, reElected] = snapshots({}, {zkKafka: zkKafkaView({controllerEpoch: 8})});
		expect(brief(diff(prev, reElected))).toEqual(['controller-moved broker 1: controller re-elected on broker 1 (epoch 7 → 8)']);
		const [, lost] = snapshots({}, {zkKafka: zkKafkaView({controller: undefined}), kafka: kafkaView({controllerId: undefined})});
		expect(diff(prev, lost)).toMatchObject([{kind: 'controller-moved', severity: 'critical', message: 'no active controller (was broker 1)'}]);
		expect(brief(diff(lost, prev))).toEqual(['controller-moved broker 1: broker 1 became controller (epoch 7)']);
		const [, blind] = snapshots({}, {zkKafka: undefined, kafka: undefined, errors: [{source: 'kafka', message: 'down'}, {source: 'zookeeper', message: 'down'}]});
		expect(diff(prev, blind).filter(event => event.kind === 'controller-moved')).toEqual([]);
	});

	it('reports ZooKeeper mode changes and a new leader', () => {
		const [a] = healthyEnsemble();
		const [prev, next] = snapshots({}, {zkServers: [a!, zkServer(2182, {state: 'serving', mode: 'leader', zxid: 0x6_0000_0000n}), zkServer(2183, {state: 'unreachable', error: 'connect ECONNREFUSED'})]});
		expect(diff(prev, next).map(event => [event.kind, event.subject, event.severity, event.message])).toEqual([
			['zk-mode-changed', '127.0.0.1:2182', 'info', '127.0.0.1:2182 follower → leader'],
			['zk-mode-changed', '127.0.0.1:2183', 'warning', '127.0.0.1:2183 leader → unreachable: connect ECONNREFUSED'],
			['zk-leader-elected', '127.0.0.1:2182', 'info', '127.0.0.1:2182 leads the ensemble (was 127.0.0.1:2183)'],
		]);
	});

	it('reports partition leaders moving, lost and back', () => {
		const [prev, next] = snapshots({}, orders(topic => {
			topic.partitions[0] = metaPartition(0, 2, [1, 2, 3]);
			topic.partitions[1] = metaPartition(1, -1, [2, 3, 1], [2]);
		}));
		const events = diff(prev, next).filter(event => event.kind === 'leader-changed');
		expect(events.map(event => [event.subject, event.severity, event.message])).toEqual([
			['orders-0', 'info', 'orders-0 leader moved from broker 1 to broker 2'],
			['orders-1', 'critical', 'orders-1 lost its leader (was broker 2)'],
		]);
		expect(brief(diff(next, prev).filter(event => event.kind === 'leader-changed'))[1]).toBe('leader-changed orders-1: orders-1 has a leader again: broker 2');
	});

	it('reports ISR shrinking and expanding, naming the replicas', () => {
		const [prev, next] = snapshots({}, orders(topic => {
			topic.partitions[0] = metaPartition(0, 1, [1, 2, 3], [1, 3]);
			topic.partitions[1] = metaPartition(1, 2, [2, 3, 1], [2]);
		}));
		const shrank = diff(prev, next).filter(event => event.kind === 'isr-shrank');
		expect(shrank.map(event => [event.subject, event.severity, event.message])).toEqual([
			['orders-0', 'warning', 'orders-0 ISR shrank: broker 2 left, ISR now [1,3]'],
			['orders-1', 'warning', 'orders-1 ISR shrank: brokers 1, 3 left, ISR now [2]'],
		]);
		const expanded = diff(next, prev).filter(event => event.kind === 'isr-expanded');
		expect(brief(expanded)).toEqual([
			'isr-expanded orders-0: orders-0 ISR expanded: broker 2 rejoined, ISR now [1,2,3]',
			'isr-expanded orders-1: orders-1 ISR expanded: brokers 1, 3 rejoined, ISR now [1,2,3]',
		]);
	});

	it('reports topics created and deleted, and partitions added', () => {
		const payments = metaTopic('payments', [metaPartition(0, 1, [1, 2])], configs(1));
		const grown = ordersTopic();
		grown.partitions.push(metaPartition(3, 1, [1, 2, 3]));
		const [prev, next] = snapshots({}, {kafka: kafkaView({topics: [grown, payments]}), zkKafka: zkKafkaView({topics: []})});
		expect(brief(diff(prev, next))).toEqual([
			'partitions-added topic orders: topic orders grew from 3 to 4 partitions',
			'topic-created topic payments: topic payments created with 1 partition, replication factor 2',
		]);
		expect(brief(diff(next, prev))).toEqual(['topic-deleted topic payments: topic payments deleted']);
	});

	it('does not report topics deleted or created when a snapshot could not read them', () => {
		const [prev, blind] = snapshots({}, {kafka: undefined, zkKafka: undefined, errors: [{source: 'kafka', message: 'down'}, {source: 'zookeeper', message: 'down'}]});
		expect(diff(prev, blind).filter(event => event.kind.startsWith('topic'))).toEqual([]);
		expect(diff(blind, prev).filter(event => event.kind.startsWith('topic'))).toEqual([]);
	});

	it('reports group state changes', () => {
		const [prev, next] = snapshots({kafka: kafkaView({groups: [group('app'), group('etl')]})}, {kafka: kafkaView({groups: [group('app', {state: 'PreparingRebalance'}), group('etl', {state: 'Empty'}), group('new')]})});
		expect(diff(prev, next).filter(event => event.kind === 'group-state-changed').map(event => [event.kind, event.subject, event.severity, event.message])).toEqual([
			['group-state-changed', 'group app', 'info', 'group app Stable → PreparingRebalance'],
			['group-state-changed', 'group etl', 'warning', 'group etl Stable → Empty'],
		]);
	});

	it('reports groups appearing and disappearing', () => {
		const [prev, next] = snapshots({kafka: kafkaView({groups: [group('app'), group('old')]})}, {kafka: kafkaView({groups: [group('app'), group('new\u001b[31m', {state: 'Empty'})]})});
		// The id is kept as the cluster gave it; every pane and command sanitizes it when it prints it.
		expect(brief(diff(prev, next))).toEqual([
			'group-appeared group new\u001b[31m: group new\u001b[31m appeared (Empty)',
			'group-disappeared group old: group old disappeared (deleted, or its offsets expired)',
		]);
	});

	it('does not report groups gone or new when a broker\'s group list could not be read', () => {
		const [prev, next] = snapshots({kafka: kafkaView({groups: [group('app'), group('old')]})}, {kafka: kafkaView({groups: [group('app')], errors: [{source: 'kafka:groups', message: 'broker 2: timeout (the groups it coordinates are missing)'}]})});
		expect(diff(prev, next).filter(event => event.kind.startsWith('group-'))).toEqual([]);
		expect(diff(next, prev).filter(event => event.kind.startsWith('group-'))).toEqual([]);
	});

	it('folds many groups appearing at once into one event', () => {
		const many = Array.from({length: 25}, (_, index) => group(`g-${index}`));
		const [prev, next] = snapshots({kafka: kafkaView({groups: []})}, {kafka: kafkaView({groups: many})});
		expect(brief(diff(prev, next))).toEqual(['group-appeared cluster: 25 groups appeared: g-0, g-1, g-2, g-3, g-4 and 20 more']);
	});

	it('reports findings raised and cleared', () => {
		const [prev, next] = snapshots({}, {});
		const urp: Finding = {severity: 'warning', code: 'UNDER_REPLICATED', subject: 'orders-0', message: 'ISR [1,3] of replicas [1,2,3]', since: T0};
		const stale: Finding = {severity: 'critical', code: 'NO_CONTROLLER', subject: 'cluster', message: 'none', since: T0};
		prev.findings = [stale];
		next.findings = [urp];
		expect(diff(prev, next)).toEqual([
			{at: T1, kind: 'finding-raised', subject: 'orders-0', severity: 'warning', message: 'UNDER_REPLICATED: ISR [1,3] of replicas [1,2,3]'},
			{at: T1, kind: 'finding-cleared', subject: 'cluster', severity: 'info', message: 'NO_CONTROLLER cleared'},
		]);
		// The same finding with a new message is not news.
		expect(diff(next, {...next, findings: [{...urp, message: 'changed'}]})).toEqual([]);
	});
});

describe('diff: folding partition events', () => {
	const topic = (name: string, count: number, isr: number[]) => metaTopic(name, Array.from({length: count}, (_, partition) => metaPartition(partition, 1, [1, 2, 3], isr)), configs(1));
	const cluster = (topics: ReturnType<typeof topic>[]) => ({kafka: kafkaView({topics}), zkKafka: zkKafkaView({topics: []})});

	it('keeps up to twenty changes as their own events, then one per topic', () => {
		const [prev, next] = snapshots(cluster([topic('t', 20, [1, 2, 3])]), cluster([topic('t', 20, [1, 3])]));
		expect(diff(prev, next)).toHaveLength(20);
		const [before, after] = snapshots(cluster([topic('t', 21, [1, 2, 3]), topic('u', 2, [1, 2, 3])]), cluster([topic('t', 21, [1, 3]), topic('u', 2, [1, 3])]));
		expect(brief(diff(before, after))).toEqual([
			'isr-shrank topic t: ISR shrank on 21 partitions of t; left the ISR: broker 2 (21)',
			'isr-shrank topic u: ISR shrank on 2 partitions of u; left the ISR: broker 2 (2)',
		]);
	});

	it('gives one event for the cluster when a broker leaves the ISR of 10,000 partitions in many topics', () => {
		const many = (isr: number[]) => cluster(Array.from({length: 100}, (_, index) => topic(`t${index}`, 100, isr)));
		const [prev, next] = snapshots(many([1, 2, 3]), many([1, 3]));
		expect(diff(prev, next)).toEqual([{
			at: T1, kind: 'isr-shrank', subject: 'cluster', severity: 'warning',
			message: 'ISR shrank on 10,000 partitions in 100 topics; left the ISR: broker 2 (10,000)',
		}]);
	});

	it('summarises leaderless partitions among leader changes, at the worst severity', () => {
		const leaders = (leader: number) => cluster([metaTopic('t', Array.from({length: 30}, (_, partition) => metaPartition(partition, partition < 25 ? leader : -1, [1, 2, 3])), configs(1))]);
		const [prev, next] = snapshots(cluster([topic('t', 30, [1, 2, 3])]), leaders(2));
		expect(diff(prev, next)).toEqual([{
			at: T1, kind: 'leader-changed', subject: 'topic t', severity: 'critical',
			message: 'leader changed on 30 partitions of t; new leaders: broker 2 (25); 5 partitions left without a leader',
		}]);
	});
});
