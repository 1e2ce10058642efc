import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/model/build-snapshot.js';
import {zxidLag} from '../../source/model/zookeeper-summary.js';
import {
	T0, group, healthyEnsemble, healthyInput, kafkaView, metaPartition, metaTopic, ordersTopic, registration, zkKafkaView, zkServer, zkTopicOf, brokerDefaults,
} from './fixtures.js';

describe('buildSnapshot: brokers', () => {
	it('merges registrations and metadata for a healthy cluster', () => {
		const snapshot = buildSnapshot(healthyInput());
		expect(snapshot.brokers.map(broker => broker.id)).toEqual([1, 2, 3]);
		expect(snapshot.brokers[0]).toEqual({
			id: 1, host: '127.0.0.1', port: 9092, rack: undefined, endpoints: ['PLAINTEXT://127.0.0.1:9092'], registeredAt: T0 - 60_000,
			jmxPort: undefined, registered: true, inMetadata: true, reachable: true, isController: true, leaderCount: 1, replicaCount: 3,
		});
		expect(snapshot.brokers.map(broker => broker.isController)).toEqual([true, false, false]);
		expect(snapshot.controller).toEqual({brokerId: 1, epoch: 7});
		expect(snapshot.clusterId).toBe('zk-cluster');
	});

	it('keeps a broker known only to ZooKeeper, with its address from the registration, as not reachable', () => {
		const snapshot = buildSnapshot(healthyInput({zkKafka: zkKafkaView({registrations: [1, 2, 3, 4].map(id => registration(id, id === 4 ? {endpoints: ['SSL://b4:9093', 'PLAINTEXT://b4:9095'], rack: 'r4'} : {}))})}));
		const broker = snapshot.brokers.find(candidate => candidate.id === 4);
		expect(broker).toMatchObject({registered: true, inMetadata: false, reachable: false, host: 'b4', port: 9095, rack: 'r4', leaderCount: 0});
	});

	it('keeps a broker known only to the metadata, as reachable but not registered', () => {
		const snapshot = buildSnapshot(healthyInput({zkKafka: zkKafkaView({registrations: [registration(1), registration(2)]})}));
		expect(snapshot.brokers.find(broker => broker.id === 3)).toMatchObject({registered: false, inMetadata: true, reachable: true, endpoints: []});
	});

	it('takes reachability from probes: a paused broker is registered but unreachable, with the reason', () => {
		const brokerProbes = new Map([[1, {reachable: true}], [2, {reachable: false, error: 'request timed out after 2000 ms'}], [3, {reachable: true}]]);
		const snapshot = buildSnapshot(healthyInput({brokerProbes}));
		expect(snapshot.brokers.map(broker => broker.reachable)).toEqual([true, false, true]);
		expect(snapshot.brokers[1]).toMatchObject({registered: true, inMetadata: true, error: 'request timed out after 2000 ms'});
		expect(snapshot.brokers[0]!.error).toBeUndefined();
	});

	it('takes the controller and cluster id from the metadata when ZooKeeper was not read', () => {
		const snapshot = buildSnapshot(healthyInput({zkKafka: undefined, kafka: kafkaView({controllerId: 3})}));
		expect(snapshot.controller).toEqual({brokerId: 3, epoch: undefined});
		expect(snapshot.clusterId).toBe('meta-cluster');
		expect(snapshot.brokers.every(broker => !broker.registered && broker.inMetadata)).toBe(true);
	});

	it('has no controller when neither source names one', () => {
		const snapshot = buildSnapshot(healthyInput({zkKafka: zkKafkaView({controller: undefined}), kafka: kafkaView({controllerId: undefined})}));
		expect(snapshot.controller).toBeUndefined();
		expect(snapshot.brokers.some(broker => broker.isController)).toBe(false);
	});
});

describe('buildSnapshot: topics', () => {
	it('lays ZooKeeper facts over the metadata: leader epoch, min ISR, preferred leader', () => {
		const topic = metaTopic('orders', [metaPartition(0, 2, [1, 2, 3], [3, 2, 1])]);
		const snapshot = buildSnapshot(healthyInput({kafka: kafkaView({topics: [topic]}), zkKafka: zkKafkaView({topics: [zkTopicOf(topic)]})}));
		const [summary] = snapshot.topics;
		expect(summary).toMatchObject({name: 'orders', replicationFactor: 3, minInsyncReplicas: 2, pendingDeletion: false, internal: false});
		expect(summary!.partitions[0]).toMatchObject({leader: 2, replicas: [1, 2, 3], isr: [1, 2, 3], preferredLeader: false, leaderEpoch: 3, highWatermark: 100});
		expect(summary!.partitions[0]!.zkStateMismatch).toBeUndefined();
	});

	it('records where ZooKeeper\'s partition state disagrees with the metadata', () => {
		const zk = zkTopicOf(ordersTopic());
		zk.states[0] = {...zk.states[0]!, leader: 2, isr: [2, 3]};
		const snapshot = buildSnapshot(healthyInput({zkKafka: zkKafkaView({topics: [zk]})}));
		expect(snapshot.topics[0]!.partitions[0]!.zkStateMismatch).toEqual({leader: 2, isr: [2, 3]});
		expect(snapshot.topics[0]!.partitions[1]!.zkStateMismatch).toBeUndefined();
		zk.states[0] = {...zk.states[0]!, leader: 1, isr: [1, 2]};
		const isrOnly = buildSnapshot(healthyInput({zkKafka: zkKafkaView({topics: [zk]})}));
		expect(isrOnly.topics[0]!.partitions[0]!.zkStateMismatch).toEqual({leader: 1, isr: [1, 2]});
	});

	it('takes a topic\'s configs from its ZooKeeper override, else the brokers\' defaults', () => {
		const withOverride = (overrides: Record<string, string>, defaults = kafkaView().brokerDefaults) => {
			const topic = metaTopic('t', [metaPartition(0, 1, [1])]);
			return buildSnapshot(healthyInput({kafka: kafkaView({topics: [topic], brokerDefaults: defaults}), zkKafka: zkKafkaView({topics: [zkTopicOf(topic, overrides)]})})).topics[0]!;
		};

		expect(withOverride({'min.insync.replicas': '3'}).minInsyncReplicas).toBe(3);
		expect(withOverride({})).toMatchObject({minInsyncReplicas: 2, cleanupPolicy: 'delete', retentionMs: 604_800_000});
		expect(withOverride({'retention.ms': '1000', 'cleanup.policy': 'compact'})).toMatchObject({retentionMs: 1000, cleanupPolicy: 'compact'});
		// No defaults read: only what the topic overrides is known.
		expect(withOverride({}, [])).toMatchObject({minInsyncReplicas: undefined, cleanupPolicy: undefined, retentionMs: undefined});
		// Brokers that disagree leave the value unknown rather than pick one.
		const disagreeing = [{brokerId: 1, defaults: {...brokerDefaults, minInsyncReplicas: 1}}, {brokerId: 2, defaults: {...brokerDefaults}}];
		expect(withOverride({}, disagreeing)).toMatchObject({minInsyncReplicas: undefined, retentionMs: 604_800_000});
	});

	it('leaves configs unknown without ZooKeeper\'s view of the topic: its overrides are not asked of the brokers', () => {
		const topic = metaTopic('t', [metaPartition(0, 1, [1])]);
		const [summary] = buildSnapshot(healthyInput({kafka: kafkaView({topics: [topic]}), zkKafka: undefined})).topics;
		expect(summary).toMatchObject({minInsyncReplicas: undefined, cleanupPolicy: undefined, retentionMs: undefined, configOverrides: {}});
	});

	it('falls back to ZooKeeper\'s assignment and state when the brokers were unreachable', () => {
		const zk = zkTopicOf(ordersTopic(), {'min.insync.replicas': '2'});
		zk.states = zk.states.filter(state => state.partition !== 2);
		const snapshot = buildSnapshot(healthyInput({
			kafka: undefined,
			zkKafka: zkKafkaView({topics: [zk], registrations: [registration(1), registration(2)]}),
			errors: [{source: 'kafka', message: 'brokers did not answer'}],
		}));
		const [topic] = snapshot.topics;
		expect(topic).toMatchObject({name: 'orders', minInsyncReplicas: 2, replicationFactor: 3});
		expect(topic!.partitions.map(partition => [partition.partition, partition.leader, partition.isr])).toEqual([[0, 1, [1, 2, 3]], [1, 2, [1, 2, 3]], [2, -1, []]]);
		// Broker 3 holds no registration, so its replicas count as offline.
		expect(topic!.partitions[0]).toMatchObject({offlineReplicas: [3], highWatermark: undefined, leaderEpoch: 3});
		// Broker 3 is neither registered nor listed, but replicas are assigned to it: it is shown, unreachable.
		expect(snapshot.brokers.map(broker => [broker.id, broker.registered, broker.reachable])).toEqual([[1, true, false], [2, true, false], [3, false, false]]);
		expect(snapshot.brokers[0]!.leaderCount).toBe(1);
	});

	it('marks topics pending deletion, keeping ones the brokers no longer list', () => {
		const snapshot = buildSnapshot(healthyInput({zkKafka: zkKafkaView({topicsPendingDeletion: ['orders', 'ghost']})}));
		expect(snapshot.topics.map(topic => [topic.name, topic.pendingDeletion, topic.partitions.length])).toEqual([['ghost', true, 0], ['orders', true, 3]]);
	});

	it('sorts topics, partitions and ISRs however the sources ordered them', () => {
		const topics = [metaTopic('t10', [metaPartition(1, 1, [1, 2], [2, 1]), metaPartition(0, 1, [1, 2])]), metaTopic('t2', [metaPartition(0, 1, [1])])];
		const snapshot = buildSnapshot(healthyInput({kafka: kafkaView({topics})}));
		expect(snapshot.topics.map(topic => topic.name)).toEqual(['t2', 't10']);
		expect(snapshot.topics[1]!.partitions.map(partition => [partition.partition, partition.isr])).toEqual([[0, [1, 2]], [1, [1, 2]]]);
	});
});

describe('buildSnapshot: ZooKeeper', () => {
	it('maps probe states to modes and keeps the reason', () => {
		const snapshot = buildSnapshot(healthyInput({zkServers: [
			zkServer(2181, {state: 'not-serving'}),
			zkServer(2182, {state: 'unreachable', error: 'connect ECONNREFUSED 127.0.0.1:2182'}),
			zkServer(2183, {state: 'srvr-refused'}, {limits: ['mntr not whitelisted']}),
			zkServer(2184, {state: 'unparsable'}),
			zkServer(2185, {state: 'serving', mode: 'observer'}, {role: 'observer'}),
		]}));
		expect(snapshot.zookeeper!.servers.map(server => [server.address, server.mode, server.error])).toEqual([
			['127.0.0.1:2181', 'not serving', undefined],
			['127.0.0.1:2182', 'unreachable', 'connect ECONNREFUSED 127.0.0.1:2182'],
			['127.0.0.1:2183', 'unknown', undefined],
			['127.0.0.1:2184', 'unknown', 'srvr reply not understood'],
			['127.0.0.1:2185', 'observer', undefined],
		]);
		expect(snapshot.zookeeper!.servers[2]!.limits).toEqual(['mntr not whitelisted', 'srvr not whitelisted']);
	});

	it('gives zxids in hex and the lag behind the leader within an epoch', () => {
		const {servers} = buildSnapshot(healthyInput()).zookeeper!;
		expect(servers.map(server => [server.zxid, server.zxidLag])).toEqual([['0x50000000e', 2], ['0x500000010', 0], ['0x500000010', 0]]);
		expect(servers[2]).toMatchObject({mode: 'leader', connections: 3, nodeCount: 150, version: '3.8.4', latency: {min: 0, avg: 0.5, max: 12}});
	});

	it('gives no zxid lag across epochs, nor a negative one', () => {
		expect(zxidLag(0x6_0000_0001n, 0x5_0000_0fffn)).toBeUndefined();
		expect(zxidLag(0x5_0000_0001n, 0x5_0000_0003n)).toBe(0);
		expect(zxidLag(0x5_0000_0101n, 0x5_0000_0001n)).toBe(256);
	});

	it('holds the quorum with one of three servers down and loses it with two', () => {
		const [, b, leader] = healthyEnsemble();
		const down = zkServer(2181, {state: 'unreachable'});
		const oneDown = buildSnapshot(healthyInput({zkServers: [down, b!, leader!]})).zookeeper!.quorum;
		expect(oneDown).toEqual({size: 3, serving: 2, leader: '127.0.0.1:2183', leaders: ['127.0.0.1:2183'], hasQuorum: true, state: 'ok', leaderState: 'one', unprobed: 0});
		const twoDown = buildSnapshot(healthyInput({zkServers: [down, zkServer(2182, {state: 'not-serving'}), leader!]})).zookeeper!.quorum;
		expect(twoDown).toMatchObject({size: 3, serving: 1, hasQuorum: false});
	});

	it('needs a strict majority: two of four serving is no quorum', () => {
		const zkServers = [...healthyEnsemble().slice(1), zkServer(2181, {state: 'unreachable'}), zkServer(2184, {state: 'unreachable'})];
		expect(buildSnapshot(healthyInput({zkServers})).zookeeper!.quorum).toMatchObject({size: 4, serving: 2, hasQuorum: false});
	});

	it('counts only participants as voters, or every non-observer when roles are unknown', () => {
		const withObserver = [...healthyEnsemble(), zkServer(2184, {state: 'serving', mode: 'observer'}, {role: 'observer'})];
		expect(buildSnapshot(healthyInput({zkServers: withObserver})).zookeeper!.quorum).toMatchObject({size: 3, serving: 3});
		const noRoles = withObserver.map(server => ({...server, role: undefined}));
		expect(buildSnapshot(healthyInput({zkServers: noRoles})).zookeeper!.quorum).toMatchObject({size: 3, serving: 3});
		const standalone = [zkServer(2181, {state: 'serving', mode: 'standalone'}, {role: undefined, id: undefined})];
		expect(buildSnapshot(healthyInput({zkServers: standalone})).zookeeper!.quorum).toEqual({size: 1, serving: 1, leader: '127.0.0.1:2181', leaders: ['127.0.0.1:2181'], hasQuorum: true, state: 'ok', leaderState: 'one', unprobed: 0});
	});

	it('shows every server claiming to lead, and no single leader then', () => {
		const zkServers = [...healthyEnsemble().slice(1, 3), zkServer(2181, {state: 'serving', mode: 'leader'})];
		const {quorum, servers} = buildSnapshot(healthyInput({zkServers})).zookeeper!;
		expect(quorum.leader).toBeUndefined();
		expect(quorum.leaders).toEqual(['127.0.0.1:2181', '127.0.0.1:2183']);
		expect(servers.every(server => server.zxidLag === undefined)).toBe(true);
	});

	it('has no ZooKeeper section when no server was probed', () => {
		expect(buildSnapshot(healthyInput({zkServers: undefined})).zookeeper).toBeUndefined();
	});
});

describe('buildSnapshot: groups', () => {
	const members = [{memberId: 'm-b', clientId: 'app', host: '/10.0.0.2', assignments: [{topic: 'orders', partitions: [2, 1]}]},
		{memberId: 'm-a', clientId: 'app', host: '/10.0.0.1', assignments: [{topic: 'orders', partitions: [0]}]}];

	it('computes lag per partition and in total, with owners', () => {
		const kafka = kafkaView({groups: [group('g', {members, offsets: [
			{topic: 'orders', partition: 1, committed: 40, nextRecord: {timestamp: T0 - 90_000}},
			{topic: 'orders', partition: 0, committed: 100},
			{topic: 'orders', partition: 2, committed: -1},
		]})]});
		const [summary] = buildSnapshot(healthyInput({kafka})).groups;
		// Partition 2 is assigned and never committed: its lag is unknown, counted apart, never 0.
		expect(summary).toMatchObject({groupId: 'g', members: 2, lag: 60, unknownLagPartitions: 1, timeLagMs: 90_000, status: 'UNKNOWN'});
		expect(summary!.memberDetails.map(member => member.memberId)).toEqual(['m-a', 'm-b']);
		expect(summary!.memberDetails[1]!.assignments).toEqual([{topic: 'orders', partitions: [1, 2]}]);
		expect(summary!.partitions).toEqual([
			{topic: 'orders', partition: 0, committed: 100, highWatermark: 100, lag: 0, owner: 'm-a', status: 'UNKNOWN', timeLagMs: 0, timeLagUnknown: undefined},
			{topic: 'orders', partition: 1, committed: 40, highWatermark: 100, lag: 60, owner: 'm-b', status: 'UNKNOWN', timeLagMs: 90_000, timeLagUnknown: undefined},
			{topic: 'orders', partition: 2, committed: undefined, highWatermark: 100, lag: undefined, owner: 'm-b', status: 'UNKNOWN', timeLagMs: undefined, timeLagUnknown: undefined},
		]);
	});

	it('says why a time lag is unknown: the record gone below the log start, or not read', () => {
		const topic = metaTopic('orders', [metaPartition(0, 1, [1, 2, 3], [1, 2, 3], {lowWatermark: 50, highWatermark: 100}), metaPartition(1, 1, [1, 2, 3], [1, 2, 3], {lowWatermark: 0, highWatermark: 100})]);
		const kafka = kafkaView({topics: [topic], groups: [group('g', {offsets: [
			{topic: 'orders', partition: 0, committed: 10, nextRecord: {timestamp: T0 - 1000}},
			{topic: 'orders', partition: 1, committed: 10, nextRecord: {unknown: 'could not read the record: broker 1 timed out'}},
		]})]});
		const [summary] = buildSnapshot(healthyInput({kafka})).groups;
		expect(summary!.partitions.map(partition => [partition.timeLagMs, partition.timeLagUnknown])).toEqual([
			[undefined, 'the record at offset 10 is gone, deleted by retention (the log starts at 50 now)'],
			[undefined, 'could not read the record: broker 1 timed out'],
		]);
		expect(summary!.timeLagMs).toBeUndefined();
	});

	it('names the coordinator with its address from the metadata', () => {
		const kafka = kafkaView({groups: [group('g', {coordinator: 2})]});
		const [summary] = buildSnapshot(healthyInput({kafka})).groups;
		expect(summary!.coordinator).toEqual({id: 2, host: kafka.brokers.find(broker => broker.id === 2)!.host, port: kafka.brokers.find(broker => broker.id === 2)!.port});
	});

	it('shows assigned partitions without a commit, and no negative lag for a commit past a stale watermark', () => {
		const kafka = kafkaView({groups: [group('g', {members, offsets: [{topic: 'orders', partition: 0, committed: 105}]})]});
		const [summary] = buildSnapshot(healthyInput({kafka})).groups;
		expect(summary!.partitions.map(partition => [partition.partition, partition.lag])).toEqual([[0, 0], [1, undefined], [2, undefined]]);
	});

	it('has no lag where the watermark is unknown', () => {
		const topic = metaTopic('orders', [metaPartition(0, 1, [1, 2, 3], [1, 2, 3], {highWatermark: undefined})]);
		const kafka = kafkaView({topics: [topic], groups: [group('g', {offsets: [{topic: 'orders', partition: 0, committed: 5}]})]});
		expect(buildSnapshot(healthyInput({kafka})).groups[0]).toMatchObject({lag: 0, partitions: [{lag: undefined, committed: 5}]});
	});
});

describe('buildSnapshot: determinism and errors', () => {
	it('builds the same snapshot whatever order the sources listed things in', () => {
		const input = healthyInput({kafka: kafkaView({groups: [group('b'), group('a')]})});
		const reversed = healthyInput({
			zkServers: [...healthyEnsemble()].reverse(),
			zkKafka: zkKafkaView({registrations: [3, 2, 1].map(id => registration(id))}),
			kafka: kafkaView({brokers: [...kafkaView().brokers].reverse(), groups: [group('a'), group('b')]}),
		});
		expect(buildSnapshot(reversed)).toEqual(buildSnapshot(input));
	});

	it('merges source errors, deduplicated and sorted, and keeps the connection', () => {
		const snapshot = buildSnapshot(healthyInput({
			kafka: kafkaView({errors: [{source: 'kafka:groups', message: 'timeout'}]}),
			errors: [{source: 'zookeeper', message: 'session expired'}, {source: 'kafka:groups', message: 'timeout'}],
		}));
		expect(snapshot.errors).toEqual([{source: 'kafka:groups', message: 'timeout'}, {source: 'zookeeper', message: 'session expired'}]);
		expect(snapshot.connection.bootstrap).toEqual(['127.0.0.1:9092']);
		expect(snapshot.findings).toEqual([]);
		expect(snapshot.takenAt).toBe(T0);
	});

	it('copies reassignments and preferred elections from ZooKeeper, sorted', () => {
		const snapshot = buildSnapshot(healthyInput({zkKafka: zkKafkaView({
			reassignments: [{topic: 'orders', partition: 2, replicas: [1, 2, 4]}, {topic: 'orders', partition: 0, replicas: [4, 2, 3]}],
			preferredElections: [{topic: 'b', partition: 0}, {topic: 'a', partition: 1}],
		})}));
		expect(snapshot.reassignments.map(reassignment => reassignment.partition)).toEqual([0, 2]);
		expect(snapshot.preferredElections).toEqual([{topic: 'a', partition: 1}, {topic: 'b', partition: 0}]);
	});
});
