import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/model/build-snapshot.js';
import {findingsFor} from '../../source/model/health.js';
import type {ClusterSnapshot, Finding, FindingCode, LagStatus} from '../../source/model/types.js';
import type {SnapshotInput} from '../../source/model/build-snapshot.js';
import type {ZkServer} from '../../source/cluster/types.js';
import {
	T0, configs, healthyEnsemble, healthyInput, kafkaView, metaPartition, metaTopic, ordersTopic, registration, zkKafkaView, zkServer, zkTopicOf,
} from './fixtures.js';
import {groupAt} from './lag-fixtures.js';

function findings(extra: Partial<SnapshotInput> = {}, change?: (snapshot: ClusterSnapshot) => void): Finding[] {
	const snapshot = buildSnapshot(healthyInput(extra));
	change?.(snapshot);
	return findingsFor(snapshot);
}

const codes = (list: Finding[]) => list.map(finding => `${finding.code} ${finding.subject}`);
const only = (list: Finding[], code: FindingCode) => list.filter(finding => finding.code === code);

/** The orders topic with partition 0 replaced. */
function withPartition0(partition: ReturnType<typeof metaPartition>, minIsr: number | 'unknown' = 2): Partial<SnapshotInput> {
	const topic = ordersTopic();
	topic.partitions[0] = partition;
	// Unknown: no override, and no broker defaults read.
	return {
		kafka: kafkaView({topics: [topic], ...(minIsr === 'unknown' ? {brokerDefaults: []} : {})}),
		zkKafka: zkKafkaView({topics: [zkTopicOf(topic, minIsr === 'unknown' ? {} : configs(minIsr))]}),
	};
}

describe('findingsFor: a healthy cluster', () => {
	it('finds nothing', () => {
		expect(findings()).toEqual([]);
	});
});

describe('findingsFor: partitions', () => {
	it('raises OFFLINE_PARTITION for a partition without a leader', () => {
		const list = findings(withPartition0(metaPartition(0, -1, [1, 2, 3], [])));
		expect(list).toEqual([{severity: 'critical', code: 'OFFLINE_PARTITION', subject: 'orders-0', message: 'no leader; ISR [] of replicas [1,2,3]', since: T0}]);
	});

	it('raises OFFLINE_PARTITION when the leader or every replica is down', () => {
		const zk = zkKafkaView({registrations: [registration(1), registration(2)]});
		const topic = metaTopic('t', [metaPartition(0, 3, [3, 1], [3, 1]), metaPartition(1, 1, [4, 5], [4, 5])], configs(1));
		const kafka = kafkaView({brokers: kafkaView().brokers.slice(0, 2), topics: [topic]});
		const list = only(findings({kafka, zkKafka: zk}), 'OFFLINE_PARTITION');
		expect(list.map(finding => [finding.subject, finding.message])).toEqual([
			['t-0', 'leader 3 is down; ISR [1,3] of replicas [3,1]'],
			['t-1', 'no replica is alive; ISR [4,5] of replicas [4,5]'],
		]);
		const allDown = metaTopic('u', [metaPartition(0, 1, [4, 5], [1])], configs(1));
		const withLeaderAlive = only(findings({kafka: kafkaView({topics: [allDown]}), zkKafka: zkKafkaView({topics: []})}), 'OFFLINE_PARTITION');
		expect(withLeaderAlive.map(finding => finding.message)).toEqual(['no replica is alive; ISR [1] of replicas [4,5]']);
	});

	it('raises UNDER_MIN_ISR, naming ISR, replicas and min.insync.replicas', () => {
		expect(findings(withPartition0(metaPartition(0, 1, [1, 2, 3], [1])))).toEqual([{
			severity: 'critical', code: 'UNDER_MIN_ISR', subject: 'orders-0', since: T0,
			message: 'ISR [1] of replicas [1,2,3]; min.insync.replicas=2: writes with acks=all are refused',
		}]);
	});

	it('raises AT_MIN_ISR where kafka-topics --at-min-isr-partitions lists it: a warning once replicas were lost, info when RF equals min ISR', () => {
		expect(codes(findings(withPartition0(metaPartition(0, 1, [1, 2, 3], [1, 3]))))).toEqual(['AT_MIN_ISR orders-0']);
		const shrunk = findings(withPartition0(metaPartition(0, 1, [1, 2, 3], [1, 3])))[0]!;
		expect(shrunk.severity).toBe('warning');
		expect(shrunk.message).toBe('ISR [1,3] of replicas [1,2,3]; min.insync.replicas=2; out of ISR: [2]; one more replica lost refuses writes with acks=all');
		expect(findings(withPartition0(metaPartition(0, 1, [1, 2], [1, 2])))).toEqual([{
			severity: 'info', code: 'AT_MIN_ISR', subject: 'orders-0', since: T0,
			message: 'ISR [1,2] of replicas [1,2]; min.insync.replicas=2: replication factor 2 leaves no spare replica, so any one replica lost refuses writes with acks=all',
		}]);
		// Above the minimum: not listed.
		expect(findings(withPartition0(metaPartition(0, 1, [1, 2, 3], [1, 2, 3])))).toEqual([]);
	});

	it('raises UNDER_REPLICATED, naming the replicas out of ISR, with or without a known min ISR', () => {
		const list = findings(withPartition0(metaPartition(0, 1, [1, 2, 3], [1, 3]), 1));
		expect(list).toEqual([{
			severity: 'warning', code: 'UNDER_REPLICATED', subject: 'orders-0', since: T0,
			message: 'ISR [1,3] of replicas [1,2,3]; min.insync.replicas=1; out of ISR: [2]',
		}]);
		expect(codes(findings(withPartition0(metaPartition(0, 1, [1, 2, 3], [1, 3]), 'unknown')))).toEqual(['UNDER_REPLICATED orders-0']);
	});

	it('reports each partition once, under its worst code', () => {
		const list = findings(withPartition0(metaPartition(0, 1, [1, 2, 3], [1])));
		expect(codes(list)).toEqual(['UNDER_MIN_ISR orders-0']);
	});

	it('raises METADATA_MISMATCH where ZooKeeper\'s state disagrees', () => {
		const zk = zkTopicOf(ordersTopic());
		zk.states[1] = {...zk.states[1]!, leader: 3, isr: [3, 1]};
		expect(findings({zkKafka: zkKafkaView({topics: [zk]})})).toEqual([{
			severity: 'warning', code: 'METADATA_MISMATCH', subject: 'orders-1', since: T0,
			message: 'ZooKeeper\'s state says leader 3, ISR [1,3]; the brokers\' metadata says leader 2, ISR [1,2,3]',
		}]);
	});

	it('skips partitions of topics pending deletion and raises TOPIC_DELETION_STUCK instead, naming brokers down', () => {
		const topic = ordersTopic();
		topic.partitions = topic.partitions.map(partition => ({...partition, leader: -1, isr: []}));
		const zk = zkKafkaView({topics: [zkTopicOf(topic)], topicsPendingDeletion: ['orders'], registrations: [registration(1), registration(2)]});
		const list = findings({kafka: kafkaView({topics: [topic], brokers: kafkaView().brokers.slice(0, 2)}), zkKafka: zk});
		expect(list).toEqual([{
			severity: 'critical', code: 'BROKER_UNREACHABLE', subject: 'broker 3', since: T0,
			message: 'holds 3 replicas but is neither registered in ZooKeeper nor in the metadata',
		}, {
			severity: 'warning', code: 'TOPIC_DELETION_STUCK', subject: 'topic orders', since: T0,
			message: 'marked for deletion in /admin/delete_topics and not yet deleted; replicas on brokers [3], which are down, must acknowledge first',
		}]);
	});

	it('raises REASSIGNMENT_IN_PROGRESS once per topic', () => {
		const zk = zkKafkaView({reassignments: [{topic: 'orders', partition: 0, replicas: [4, 2, 3]}, {topic: 'orders', partition: 1, replicas: [2, 3, 4]}]});
		expect(findings({zkKafka: zk})).toEqual([{
			severity: 'info', code: 'REASSIGNMENT_IN_PROGRESS', subject: 'topic orders', since: T0,
			message: 'reassigning 2 partitions: orders-0 → [4,2,3], orders-1 → [2,3,4]',
		}]);
	});

	it('folds reassignments of more than fifty topics into one finding', () => {
		const reassignments = Array.from({length: 51}, (_, index) => ({topic: `t${index}`, partition: 0, replicas: [1, 2]}));
		expect(findings({zkKafka: zkKafkaView({reassignments})})).toEqual([{
			severity: 'info', code: 'REASSIGNMENT_IN_PROGRESS', subject: 'cluster', since: T0,
			message: 'reassigning 51 partitions in 51 topics: t0, t1, t2, t3, t4 and 46 more',
		}]);
	});

	it('raises PREFERRED_LEADER_IMBALANCE per broker above 10% led elsewhere, not at 10% nor for a broker that is down', () => {
		const topicLed = (elsewhere: number) => metaTopic('t', Array.from({length: 10}, (_, partition) => metaPartition(partition, partition < elsewhere ? 2 : 1, [1, 2, 3])), configs(1));
		expect(findings({kafka: kafkaView({topics: [topicLed(1)]}), zkKafka: zkKafkaView({topics: []})})).toEqual([]);
		const list = findings({kafka: kafkaView({topics: [topicLed(2)]}), zkKafka: zkKafkaView({topics: []})});
		expect(list).toEqual([{
			severity: 'info', code: 'PREFERRED_LEADER_IMBALANCE', subject: 'broker 1', since: T0,
			message: 'leads 8 of the 10 partitions it is preferred leader for (20% led elsewhere); a preferred leader election moves them back',
		}]);
		const brokerOneGone = findings({
			kafka: kafkaView({topics: [topicLed(10)], brokers: kafkaView().brokers.slice(1)}),
			zkKafka: zkKafkaView({topics: [], registrations: [registration(2), registration(3)]}),
		});
		expect(only(brokerOneGone, 'PREFERRED_LEADER_IMBALANCE')).toEqual([]);
	});
});

describe('findingsFor: folding keeps counts bounded', () => {
	const bigTopic = (name: string, count: number) => metaTopic(name, Array.from({length: count}, (_, partition) => metaPartition(partition, 1, [1, 2, 3], [1, 2])), configs(1));

	it('reports up to three partitions of a topic one by one, more as one finding for the topic', () => {
		expect(codes(findings({kafka: kafkaView({topics: [bigTopic('t', 3)]}), zkKafka: zkKafkaView({topics: []})})))
			.toEqual(['UNDER_REPLICATED t-0', 'UNDER_REPLICATED t-1', 'UNDER_REPLICATED t-2']);
		const four = findings({kafka: kafkaView({topics: [bigTopic('t', 4)]}), zkKafka: zkKafkaView({topics: []})});
		expect(four).toEqual([{
			severity: 'warning', code: 'UNDER_REPLICATED', subject: 'topic t', since: T0,
			message: '4 of 4 partitions under-replicated: t-0, t-1, t-2, t-3; out of ISR: broker 3 (4 partitions)',
		}]);
	});

	it('gives one finding for 10,000 under-replicated partitions of one topic', () => {
		const list = findings({kafka: kafkaView({topics: [bigTopic('big', 10_000)]}), zkKafka: zkKafkaView({topics: []})});
		expect(list).toHaveLength(1);
		expect(list[0]!.message).toBe('10,000 of 10,000 partitions under-replicated: big-0, big-1, big-2, big-3, big-4 and 9,995 more; out of ISR: broker 3 (10,000 partitions)');
	});

	it('gives one finding for the cluster when 10,000 topics each have one', () => {
		const topics = Array.from({length: 10_000}, (_, index) => bigTopic(`t${index}`, 1));
		const list = findings({kafka: kafkaView({topics}), zkKafka: zkKafkaView({topics: []})});
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({code: 'UNDER_REPLICATED', subject: 'cluster'});
		expect(list[0]!.message).toMatch(/^10,000 partitions in 10,000 topics under-replicated; most affected: t0 \(1\), t1 \(1\), t2 \(1\), t3 \(1\), t4 \(1\) and 9,995 more; out of ISR: broker 3 \(10,000 partitions\)$/);
	});

	it('keeps per-topic findings up to fifty, then folds', () => {
		const topics = (count: number) => Array.from({length: count}, (_, index) => bigTopic(`t${index}`, 4));
		expect(findings({kafka: kafkaView({topics: topics(50)}), zkKafka: zkKafkaView({topics: []})})).toHaveLength(50);
		expect(findings({kafka: kafkaView({topics: topics(51)}), zkKafka: zkKafkaView({topics: []})})).toHaveLength(1);
	});
});

describe('findingsFor: ZooKeeper', () => {
	const [follower1, follower2, leader] = healthyEnsemble();

	it('raises ZK_SERVER_DOWN per server down while the quorum holds', () => {
		const list = findings({zkServers: [zkServer(2181, {state: 'unreachable', error: 'connect ECONNREFUSED'}), follower2!, leader!]});
		expect(list).toEqual([{severity: 'warning', code: 'ZK_SERVER_DOWN', subject: '127.0.0.1:2181', since: T0, message: '127.0.0.1:2181 unreachable: connect ECONNREFUSED'}]);
		expect(findings({zkServers: [zkServer(2181, {state: 'not-serving'}), follower2!, leader!]})[0]!.message).toBe('127.0.0.1:2181 not serving requests');
		expect(findings({zkServers: [zkServer(2181, {state: 'serving', mode: 'read-only'}), follower2!, leader!]})[0]!.message).toBe('127.0.0.1:2181 read-only: cut off from the quorum');
	});

	it('raises one ZK_QUORUM_LOST, naming the servers down, and no per-server findings', () => {
		const list = findings({zkServers: [zkServer(2181, {state: 'unreachable', error: 'timeout'}), zkServer(2182, {state: 'not-serving'}), leader!]});
		expect(list).toEqual([{
			severity: 'critical', code: 'ZK_QUORUM_LOST', subject: 'zookeeper', since: T0,
			message: '1 of 3 voting members serving; a majority (2) is needed. Down: 127.0.0.1:2181 unreachable: timeout, 127.0.0.1:2182 not serving requests',
		}]);
	});

	it('says nothing about quorum when servers of unknown mode could hold it, and reports their limits', () => {
		const list = findings({zkServers: [zkServer(2181, {state: 'srvr-refused'}), zkServer(2182, {state: 'srvr-refused'}), leader!]});
		expect(list).toEqual([
			{severity: 'info', code: 'ZK_SERVER_LIMITED', subject: '127.0.0.1:2181', since: T0, message: 'srvr not whitelisted'},
			{severity: 'info', code: 'ZK_SERVER_LIMITED', subject: '127.0.0.1:2182', since: T0, message: 'srvr not whitelisted'},
		]);
	});

	it('raises ZK_SERVER_LIMITED for a whitelist limit', () => {
		const list = findings({zkServers: [follower1!, follower2!, {...leader!, limits: ['mntr not whitelisted']}]});
		expect(list).toEqual([{severity: 'info', code: 'ZK_SERVER_LIMITED', subject: '127.0.0.1:2183', since: T0, message: 'mntr not whitelisted'}]);
	});

	it('raises ZK_NO_LEADER when serving without a leader, and for a split brain', () => {
		const noLeader = findings({zkServers: [follower1!, follower2!, zkServer(2183, {state: 'serving', mode: 'follower'})]});
		expect(noLeader).toEqual([{severity: 'critical', code: 'ZK_NO_LEADER', subject: 'zookeeper', since: T0, message: 'every voting member answered and none leads: 3 of 3 serving'}]);
		const split = findings({zkServers: [zkServer(2181, {state: 'serving', mode: 'leader'}), follower2!, leader!]});
		expect(split).toMatchObject([{code: 'ZK_NO_LEADER', message: '2 servers claim to lead (split brain): 127.0.0.1:2181, 127.0.0.1:2183'}]);
	});

	it('classic zoo.cfg (no client addresses in /zookeeper/config): -z naming one follower, the leader, or two servers gives no false alarm', () => {
		const classic = [1, 2, 3].map(id => ({id, role: 'participant' as const, quorumHost: '127.0.0.1', client: undefined}));
		const unmatched = {id: undefined, role: undefined};
		const [follower, , leaderOf3] = healthyEnsemble().map(server => ({...server, ...unmatched}));
		const onlyFollower = findings({zkServers: [follower!], zkMembers: classic});
		expect(codes(onlyFollower)).toEqual(['ZK_MEMBERS_UNPROBED zookeeper']);
		expect(onlyFollower[0]!.message).toBe('2 members of 3 not probed: no client address known; give them with -z');
		expect(codes(findings({zkServers: [leaderOf3!], zkMembers: classic}))).toEqual(['ZK_MEMBERS_UNPROBED zookeeper']);
		expect(codes(findings({zkServers: [follower!, leaderOf3!], zkMembers: classic}))).toEqual(['ZK_MEMBERS_UNPROBED zookeeper']);
		// The leader's own count of synced followers says the members ktop cannot reach are serving.
		const leaderWithMntr = {...leaderOf3!, monitor: {syncedFollowers: 2} as ZkServer['monitor']};
		const quorum = buildSnapshot(healthyInput({zkServers: [leaderWithMntr], zkMembers: classic})).zookeeper!.quorum;
		expect(quorum).toMatchObject({size: 3, serving: 3, unprobed: 2, state: 'ok', leaderState: 'one'});
	});

	it('says quorum lost or no leader only with evidence when members cannot be probed', () => {
		const classic = [1, 2, 3].map(id => ({id, role: 'participant' as const, quorumHost: '127.0.0.1', client: undefined}));
		const unmatched = {id: undefined, role: undefined};
		// One server typed, and it is down: the two ktop cannot see may still hold the quorum.
		const down = findings({zkServers: [zkServer(2181, {state: 'unreachable'}, unmatched)], zkMembers: classic});
		expect(codes(down)).toEqual(['ZK_SERVER_DOWN 127.0.0.1:2181', 'ZK_MEMBERS_UNPROBED zookeeper']);
		// Two of three typed and both down: no majority whatever the third does.
		const twoDown = findings({zkServers: [zkServer(2181, {state: 'unreachable'}, unmatched), zkServer(2182, {state: 'not-serving'}, unmatched)], zkMembers: classic});
		expect(codes(twoDown)).toEqual(['ZK_QUORUM_LOST zookeeper', 'ZK_MEMBERS_UNPROBED zookeeper']);
	});

	it('does not raise ZK_NO_LEADER when the leader may be a server whose mode is unknown', () => {
		const list = findings({zkServers: [follower1!, follower2!, zkServer(2183, {state: 'srvr-refused'})]});
		expect(codes(list)).toEqual(['ZK_SERVER_LIMITED 127.0.0.1:2183']);
	});
});

describe('findingsFor: /controller', () => {
	it('raises CONTROLLER_UNREADABLE for a /controller no parse understands, instead of a SOURCE_FAILED', () => {
		const list = findings({zkKafka: zkKafkaView({controller: undefined}), errors: [{source: 'zookeeper:/controller', message: '/controller does not hold JSON ("garbage")'}]});
		expect(codes(list)).toEqual(['CONTROLLER_UNREADABLE cluster']);
		expect(list[0]).toMatchObject({severity: 'critical', message: '/controller does not hold JSON ("garbage"): brokers cannot read it either, so no controller can be elected while it stays'});
	});

	it('raises CONTROLLER_UNKNOWN when the controller named is not registered, but only when registrations were read', () => {
		const list = findings({zkKafka: zkKafkaView({controller: {brokerId: 99, since: undefined}})});
		expect(codes(list)).toEqual(['CONTROLLER_UNKNOWN broker 99']);
		expect(list[0]!.severity).toBe('critical');
		expect(codes(findings({zkKafka: zkKafkaView({controller: {brokerId: 99, since: undefined}, registrations: []})}))).not.toContain('CONTROLLER_UNKNOWN broker 99');
	});
});

describe('findingsFor: brokers and controller', () => {
	it('raises NO_CONTROLLER when brokers are known but none controls, not when nothing is known', () => {
		const list = findings({zkKafka: zkKafkaView({controller: undefined}), kafka: kafkaView({controllerId: undefined})});
		expect(codes(list)).toEqual(['NO_CONTROLLER cluster']);
		expect(list[0]!.severity).toBe('critical');
		expect(findings({zkKafka: undefined, kafka: undefined, zkServers: undefined})).toEqual([]);
	});

	it('raises BROKER_UNREACHABLE for a registered broker that did not answer, with the reason', () => {
		const brokerProbes = new Map([[1, {reachable: true}], [2, {reachable: false, error: 'request timed out'}], [3, {reachable: true}]]);
		expect(findings({brokerProbes})).toEqual([{
			severity: 'critical', code: 'BROKER_UNREACHABLE', subject: 'broker 2', since: T0,
			message: 'broker 2 (127.0.0.1:9093) is registered in ZooKeeper but did not answer: request timed out',
		}]);
	});

	it('raises BROKER_NOT_REGISTERED for a metadata broker without a registration, only when registrations were read', () => {
		const list = findings({zkKafka: zkKafkaView({registrations: [registration(1), registration(2)]})});
		expect(list).toEqual([{
			severity: 'warning', code: 'BROKER_NOT_REGISTERED', subject: 'broker 3', since: T0,
			message: 'broker 3 (127.0.0.1:9094) is in the brokers\' metadata but has no registration in /brokers/ids (ZooKeeper session lost?)',
		}]);
		expect(findings({zkKafka: undefined})).toEqual([]);
	});
});

describe('findingsFor: groups and sources', () => {
	const withGroup = (status: LagStatus, members = 1) => findings({}, snapshot => {
		snapshot.groups = [{
			...groupAt('app', [{committed: 50, highWatermark: 60}, {partition: 1, committed: 10, highWatermark: 110}]),
			members,
			status,
		}];
		snapshot.groups[0]!.partitions = snapshot.groups[0]!.partitions.map(partition => ({...partition, status}));
	});

	it('raises GROUP_LAGGING, GROUP_STALLED, GROUP_STOPPED and GROUP_AT_RISK by status, worst partitions first', () => {
		expect(withGroup('LAGGING')).toEqual([{
			severity: 'warning', code: 'GROUP_LAGGING', subject: 'group app', since: T0,
			message: '1 member; lag 110 on 2 partitions, time lag unknown; 2 partitions lagging: orders-1 (lag 100), orders-0 (lag 10)',
		}]);
		expect(withGroup('STALLED')).toMatchObject([{severity: 'warning', code: 'GROUP_STALLED'}]);
		// How long it has been behind is not known: never taken as short.
		expect(withGroup('STOPPED', 0)).toMatchObject([{severity: 'critical', code: 'GROUP_STOPPED', message: 'no members; lag 110 on 2 partitions, time lag unknown; 2 partitions stopped: orders-1 (lag 100), orders-0 (lag 10)'}]);
		expect(withGroup('AT_RISK')).toMatchObject([{severity: 'warning', code: 'GROUP_AT_RISK'}]);
		expect(withGroup('OK')).toEqual([]);
		expect(withGroup('UNKNOWN')).toEqual([]);
	});

	it('grades GROUP_STOPPED by time lag: critical from five minutes behind, a warning before; counts unknown lag apart', () => {
		const stopped = (timeLagMs: number) => findings({}, snapshot => {
			const group = groupAt('app', [{committed: 50, highWatermark: 60}, {partition: 1, committed: undefined, highWatermark: 110}], {members: 0, status: 'STOPPED', unknownLagPartitions: 1});
			group.partitions = group.partitions.map(partition => (partition.committed === undefined ? partition : {...partition, status: 'STOPPED' as const, timeLagMs}));
			snapshot.groups = [group];
		});
		expect(stopped(299_000)).toEqual([{
			severity: 'warning', code: 'GROUP_STOPPED', subject: 'group app', since: T0,
			message: 'no members; lag 10 on 1 partition (+1 partition unknown), behind 4m59s (time lag: the oldest record not consumed); 1 partition stopped: orders-0 (lag 10, 4m59s)',
		}]);
		expect(stopped(300_000)).toMatchObject([{severity: 'critical', code: 'GROUP_STOPPED'}]);
	});

	it('raises SOURCE_FAILED per source: critical for a whole source, warning for a part, none for a ZooKeeper server', () => {
		const list = findings({errors: [
			{source: 'kafka:groups', message: 'coordinator not available'},
			{source: 'kafka:groups', message: 'timeout'},
			{source: 'zookeeper', message: 'session expired'},
			{source: 'zookeeper:127.0.0.1:2181', message: 'connect ECONNREFUSED'},
		]});
		expect(list).toEqual([
			{severity: 'critical', code: 'SOURCE_FAILED', subject: 'zookeeper', since: T0, message: 'session expired'},
			{severity: 'warning', code: 'SOURCE_FAILED', subject: 'kafka:groups', since: T0, message: 'coordinator not available; timeout'},
		]);
	});
});

describe('findingsFor: source failures at scale', () => {
	it('folds per-item failures into one finding per family past fifty sources', () => {
		const errors = [
			{source: 'kafka', message: 'metadata timed out'},
			...Array.from({length: 10_000}, (_, index) => ({source: `kafka:topic:t${index}`, message: 'configs not read: timeout'})),
			{source: 'kafka:group:app', message: 'coordinator moved'},
		];
		expect(findings({errors})).toEqual([
			{severity: 'critical', code: 'SOURCE_FAILED', subject: 'kafka', since: T0, message: 'metadata timed out'},
			{severity: 'warning', code: 'SOURCE_FAILED', subject: 'kafka:group:*', since: T0, message: 'coordinator moved'},
			{
				severity: 'warning', code: 'SOURCE_FAILED', subject: 'kafka:topic:*', since: T0,
				message: '10,000 reads failed: kafka:topic:t0, kafka:topic:t1, kafka:topic:t2, kafka:topic:t3, kafka:topic:t4 and 9,995 more; the first said: configs not read: timeout',
			},
		]);
	});
});

describe('findingsFor: order', () => {
	it('sorts worst first, then by code, then by subject as people read it', () => {
		const topic = metaTopic('orders', Array.from({length: 12}, (_, partition) => metaPartition(partition, 1, [1, 2, 3], partition % 5 === 0 ? [1] : [1, 2, 3])));
		const list = findings({
			kafka: kafkaView({topics: [topic]}),
			zkKafka: zkKafkaView({topics: [zkTopicOf(topic)], controller: undefined}),
			zkServers: [...healthyEnsemble().slice(1), zkServer(2181, {state: 'unreachable'})],
		}, snapshot => {
			snapshot.controller = undefined;
		});
		expect(codes(list)).toEqual(['NO_CONTROLLER cluster', 'UNDER_MIN_ISR orders-0', 'UNDER_MIN_ISR orders-5', 'UNDER_MIN_ISR orders-10', 'ZK_SERVER_DOWN 127.0.0.1:2181']);
	});
});
