import {describe, expect, it} from 'vitest';
import {kafkaFailure} from '../../../../source/cluster/kafka/writer/write-failure.js';

describe('kafkaFailure', () => {
	// [code, context, expected code name, words the message must hold, words the next step must hold]
	const cases: Array<[number, Parameters<typeof kafkaFailure>[1], string, string, string | undefined]> = [
		[36, {topic: 'orders'}, 'TOPIC_ALREADY_EXISTS', 'a topic named orders already exists', 'add partitions to orders'],
		[17, {topic: 'bad name'}, 'INVALID_TOPIC_EXCEPTION', '"bad name" is not a valid topic name', 'a-z A-Z 0-9 . _ -'],
		[37, {topic: 'orders', growTo: 2, currentPartitions: 3}, 'INVALID_PARTITIONS', 'orders has 3 partitions, and partitions can only be added, never removed', 'more than 3'],
		[37, {topic: 'orders', growTo: 4, currentPartitions: 3}, 'INVALID_PARTITIONS', 'orders cannot have 4 partitions: partitions can only be added, never removed', 'more partitions than the topic has now'],
		[37, {topic: 'orders', partitions: 0}, 'INVALID_PARTITIONS', '0 is not a valid partition count', 'at least 1'],
		[38, {replicationFactor: 4, brokers: 3}, 'INVALID_REPLICATION_FACTOR', 'replication factor 4 is more than the 3 brokers alive', 'at most 3'],
		[38, {replicationFactor: 0, brokers: 3}, 'INVALID_REPLICATION_FACTOR', 'replication factor 0 is not valid', 'use 1 to 3'],
		[39, {}, 'INVALID_REPLICA_ASSIGNMENT', 'replica assignment is not valid', 'distinct, live brokers'],
		[40, {}, 'INVALID_CONFIG', 'config name or value was refused', 'check the name and the value'],
		[44, {}, 'POLICY_VIOLATION', 'policy refused the change', 'policy'],
		[29, {topic: 'orders'}, 'TOPIC_AUTHORIZATION_FAILED', 'not authorized for this operation on topic orders', 'ask for the ACL'],
		[30, {group: 'billing'}, 'GROUP_AUTHORIZATION_FAILED', 'not authorized for this operation on group billing', 'ask for the ACL'],
		[31, {}, 'CLUSTER_AUTHORIZATION_FAILED', 'not authorized for this operation on the cluster', 'ask for the ACL'],
		[3, {topic: 'orders', partition: 4}, 'UNKNOWN_TOPIC_OR_PARTITION', 'orders-4 does not exist', 'refresh'],
		[73, {}, 'TOPIC_DELETION_DISABLED', 'delete.topic.enable=false', 'delete.topic.enable=true'],
		[41, {}, 'NOT_CONTROLLER', 'the controller moved', 'try again'],
		[7, {timeoutMs: 8000}, 'REQUEST_TIMED_OUT', 'did not confirm it within 8000 ms; it may still complete', 'check the result before trying again'],
		[68, {group: 'billing'}, 'NON_EMPTY_GROUP', 'group billing still has active members', 'stop the group\'s consumers first'],
		[69, {group: 'billing'}, 'GROUP_ID_NOT_FOUND', 'group billing does not exist', 'refresh'],
		[25, {group: 'billing'}, 'UNKNOWN_MEMBER_ID', 'group billing has active members', 'stop the group\'s consumers first'],
		[22, {group: 'billing'}, 'ILLEGAL_GENERATION', 'group billing has active members', 'stop the group\'s consumers first'],
		[27, {group: 'billing'}, 'REBALANCE_IN_PROGRESS', 'group billing has active members', 'stop the group\'s consumers first'],
		[1, {topic: 'orders', partition: 0, offset: 50}, 'OFFSET_OUT_OF_RANGE', 'offset 50 is beyond the end of orders-0', 'at or below the partition\'s end'],
		[80, {topic: 'orders', partition: 1}, 'PREFERRED_LEADER_NOT_AVAILABLE', 'the preferred leader of orders-1 is not available', 'back into the ISR'],
		[83, {topic: 'orders', partition: 1}, 'ELIGIBLE_LEADERS_NOT_AVAILABLE', 'no replica of orders-1 is eligible to lead', 'back into the ISR'],
		[84, {topic: 'orders', partition: 1}, 'ELECTION_NOT_NEEDED', 'the preferred replica already leads orders-1', undefined],
		[42, {}, 'INVALID_REQUEST', 'refused the request as invalid', 'broker log'],
		[35, {}, 'UNSUPPORTED_VERSION', 'does not support the request', 'too old'],
		[18, {topic: 'orders'}, 'RECORD_LIST_TOO_LARGE', 'larger than orders accepts', 'max.message.bytes'],
		[10, {topic: 'orders'}, 'MESSAGE_TOO_LARGE', 'larger than orders accepts', 'max.message.bytes'],
		[19, {topic: 'orders', partition: 2}, 'NOT_ENOUGH_REPLICAS', 'orders-2 has fewer in-sync replicas than its min.insync.replicas', 'lower min.insync.replicas'],
		[6, {topic: 'orders', partition: 2}, 'NOT_LEADER_OR_FOLLOWER', 'the leader of orders-2 moved', 'try again'],
		[16, {group: 'billing'}, 'NOT_COORDINATOR', 'the coordinator of group billing is not available', 'try again'],
		[-1, {}, 'UNKNOWN_SERVER_ERROR', 'unexpected error', 'broker log'],
	];

	it.each(cases)('translates code %i', (code, context, name, message, next) => {
		const failure = kafkaFailure(code, context, 'the broker says so');
		expect(failure.code).toBe(name);
		expect(failure.message).toContain(message);
		if (next === undefined) expect(failure.next).toBeUndefined();
		else expect(failure.next).toContain(next);
		expect(failure.detail).toBe('the broker says so');
	});

	it('falls back to the protocol\'s name for a code it has no words for, and leaves detail out when the broker sent none', () => {
		expect(kafkaFailure(58, {}, null)).toEqual({code: 'SASL_AUTHENTICATION_FAILED', message: 'the broker refused the request: SASL_AUTHENTICATION_FAILED', next: undefined, detail: undefined});
		expect(kafkaFailure(31_337, {}).code).toBe('error code 31337');
	});
});
