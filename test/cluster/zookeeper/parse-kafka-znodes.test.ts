import {describe, expect, it} from 'vitest';
import {
	parseClusterId, parseController, parseControllerEpoch, parsePartitionState, parsePreferredElections,
	parseReassignments, parseTopicAssignment, parseTopicConfig, reassignmentsInTopic,
} from '../../../source/cluster/zookeeper/parse-kafka-znodes.js';
import {fixture} from '../../helpers/fixture.js';

describe('parseTopicAssignment', () => {
	it('reads a version 3 topic znode written by Kafka 3.9 (recorded)', () => {
		expect(parseTopicAssignment('orders', fixture('znodes/topic-orders.json'))).toEqual({
			assignment: {0: [2, 3, 1], 1: [3, 1, 2], 2: [1, 2, 3], 3: [2, 1, 3], 4: [3, 2, 1], 5: [1, 3, 2]},
			addingReplicas: {},
			removingReplicas: {},
			topicId: 't6CbafIZTF6REGuEFEbuzg',
		});
	});

	it('keys partitions by number whatever order the JSON lists them in (recorded __consumer_offsets)', () => {
		const {assignment} = parseTopicAssignment('__consumer_offsets', fixture('znodes/topic-consumer-offsets.json'));
		expect(Object.keys(assignment).map(Number).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(assignment[11]).toEqual([2, 1, 3]);
	});

	it('reads version 1 (no topic id) and version 2', () => {
		expect(parseTopicAssignment('t', '{"version":1,"partitions":{"1":[2],"0":[1]}}')).toEqual({
			assignment: {0: [1], 1: [2]}, addingReplicas: {}, removingReplicas: {}, topicId: undefined,
		});
		expect(parseTopicAssignment('t', '{"version":2,"partitions":{"0":[1,2]},"topic_id":"abc"}').topicId).toBe('abc');
	});

	it('reads the replicas a reassignment adds and removes', () => {
		const json = '{"version":3,"partitions":{"0":[1,2,3,4],"1":[2,3]},"topic_id":"x","adding_replicas":{"0":[4]},"removing_replicas":{"0":[1]}}';
		const parsed = parseTopicAssignment('t', json);
		expect(parsed.addingReplicas).toEqual({0: [4]});
		expect(parsed.removingReplicas).toEqual({0: [1]});
		expect(reassignmentsInTopic('t', parsed)).toEqual([{topic: 't', partition: 0, replicas: [2, 3, 4]}]);
	});

	it('finds no reassignment in a topic without one', () => {
		expect(reassignmentsInTopic('orders', parseTopicAssignment('orders', fixture('znodes/topic-orders.json')))).toEqual([]);
	});

	it('skips keys that are not partition numbers and replicas that are not broker ids', () => {
		expect(parseTopicAssignment('t', '{"partitions":{"0":[1,"2",null,3],"x":[1],"1":"bad"}}').assignment).toEqual({0: [1, 3]});
	});

	it('names the znode when it holds no partitions map or no JSON', () => {
		expect(() => parseTopicAssignment('t', '{"version":1}')).toThrow('/brokers/topics/t has no partitions map');
		expect(() => parseTopicAssignment('t', 'created by zk-mkdir-p')).toThrow('/brokers/topics/t does not hold JSON');
		expect(() => parseTopicAssignment('t', '[1]')).toThrow('/brokers/topics/t does not hold a JSON object');
	});
});

describe('parsePartitionState', () => {
	it('reads a state znode written by Kafka 3.9 (recorded)', () => {
		expect(parsePartitionState('orders', 0, fixture('znodes/state-orders-0.json'))).toEqual({
			partition: 0, leader: 2, isr: [2, 1, 3], leaderEpoch: 3, controllerEpoch: 3,
		});
	});

	it('reads an offline partition (leader -1) and ignores fields it does not know', () => {
		const json = '{"controller_epoch":7,"leader":-1,"version":1,"leader_epoch":12,"isr":[3],"leader_recovery_state":1}';
		expect(parsePartitionState('t', 4, json)).toEqual({partition: 4, leader: -1, isr: [3], leaderEpoch: 12, controllerEpoch: 7});
	});

	it('names the znode when a field is missing', () => {
		expect(() => parsePartitionState('t', 2, '{"leader":1,"isr":[1]}')).toThrow('/brokers/topics/t/partitions/2/state is not a partition state');
	});
});

describe('parseTopicConfig', () => {
	it('reads the overrides of a recorded topic with min.insync.replicas=2', () => {
		expect(parseTopicConfig('orders', fixture('znodes/config-topic-orders.json'))).toEqual({'min.insync.replicas': '2'});
	});

	it('reads the recorded overrides of __consumer_offsets', () => {
		expect(parseTopicConfig('__consumer_offsets', fixture('znodes/config-topic-consumer-offsets.json'))).toEqual({
			'compression.type': 'producer', 'cleanup.policy': 'compact', 'segment.bytes': '104857600',
		});
	});

	it('reads a recorded topic without overrides as empty', () => {
		expect(parseTopicConfig('audit', fixture('znodes/config-topic-audit.json'))).toEqual({});
	});

	it('reads a config without a map as empty, and refuses one that is not a map', () => {
		expect(parseTopicConfig('t', '{"version":1}')).toEqual({});
		expect(() => parseTopicConfig('t', '{"version":1,"config":"x"}')).toThrow('/config/topics/t has no config map');
	});
});

describe('the controller znodes', () => {
	it('reads the recorded /controller with the broker\'s timestamp as since', () => {
		expect(parseController(fixture('znodes/controller.json'))).toEqual({brokerId: 2, since: 1_795_293_201_327});
	});

	it('reads a version 1 /controller, and -1 as no controller', () => {
		expect(parseController('{"version":1,"brokerid":3,"timestamp":"1500000000000"}')).toEqual({brokerId: 3, since: 1_500_000_000_000});
		expect(parseController('{"version":2,"brokerid":-1,"timestamp":"1"}')).toBeUndefined();
		expect(parseController('{"version":1,"brokerid":1}')).toEqual({brokerId: 1, since: undefined});
		expect(() => parseController('{"version":1,"timestamp":"1"}')).toThrow('/controller names no broker');
		expect(() => parseController('{"version":1,"brokerid":"two"}')).toThrow('/controller names no broker');
		expect(() => parseController('not json')).toThrow('/controller does not hold JSON');
	});

	it('reads the recorded /controller_epoch', () => {
		expect(parseControllerEpoch(fixture('znodes/controller-epoch.txt'))).toBe(3);
		expect(parseControllerEpoch('')).toBeUndefined();
		expect(parseControllerEpoch('x')).toBeUndefined();
	});

	it('reads the recorded /cluster/id', () => {
		expect(parseClusterId(fixture('znodes/cluster-id.json'))).toBe('n3vcL_kPQBqE_SPkveCh6Q');
	});
});

describe('the admin znodes', () => {
	it('reads /admin/reassign_partitions as the legacy tool writes it', () => {
		const json = '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1,2,3],"log_dirs":["any","any","any"]},{"topic":"orders","partition":1,"replicas":[2,3]}]}';
		expect(parseReassignments(json)).toEqual([
			{topic: 'orders', partition: 0, replicas: [1, 2, 3]},
			{topic: 'orders', partition: 1, replicas: [2, 3]},
		]);
	});

	it('reads /admin/preferred_replica_election', () => {
		expect(parsePreferredElections('{"version":1,"partitions":[{"topic":"orders","partition":3},{"topic":"audit","partition":0}]}')).toEqual([
			{topic: 'orders', partition: 3},
			{topic: 'audit', partition: 0},
		]);
	});

	it('skips entries without a topic or partition, and refuses a znode without a list', () => {
		expect(parsePreferredElections('{"partitions":[{"topic":"t"},{"partition":1},{"topic":"t","partition":2}]}')).toEqual([{topic: 't', partition: 2}]);
		expect(() => parseReassignments('{"version":1}')).toThrow('/admin/reassign_partitions has no partitions list');
	});
});
