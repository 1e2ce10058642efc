import {describe, expect, it} from 'vitest';
import {translateGroup, type GroupReplies} from '../../../source/cluster/kafka/translate-group.js';
import type {RawDescribeGroups, RawOffsetFetch} from '../../../source/cluster/kafka/wire-types.js';
import {recorded} from './recorded.js';

const descriptions = () => recorded<RawDescribeGroups>('describe-groups.json').groups;
const offsets = () => recorded<Record<'running' | 'empty' | 'nonexistent', RawOffsetFetch>>('offset-fetch.json');

function replies(groupId: string, offsetReply: RawOffsetFetch | undefined, overrides: Partial<GroupReplies> = {}): GroupReplies {
	return {groupId, protocolType: 'consumer', description: descriptions().find(group => group.groupId === groupId), offsets: offsetReply, failures: [], ...overrides};
}

describe('translateGroup', () => {
	it('reads a running consumer group: state, protocol, members with client, host and assignment, offsets sorted', () => {
		const group = translateGroup(replies('ktop-fixture-running', offsets().running));
		expect(group).toMatchObject({groupId: 'ktop-fixture-running', state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner', error: undefined});
		expect(group.members).toHaveLength(1);
		expect(group.members[0]).toMatchObject({clientId: 'ktop-fixture', host: '127.0.0.1', assignments: [{topic: 'ktop-fixture-orders', partitions: [0, 1, 2]}]});
		expect(group.members[0]!.memberId).toMatch(/^ktop-fixture-/);
		expect(group.offsets).toEqual([
			{topic: 'ktop-fixture-orders', partition: 0, committed: 2},
			{topic: 'ktop-fixture-orders', partition: 1, committed: 4},
			{topic: 'ktop-fixture-orders', partition: 2, committed: 4},
		]);
	});

	it('reads an empty group: no members, offsets kept', () => {
		const group = translateGroup(replies('ktop-fixture-empty', offsets().empty));
		expect(group).toMatchObject({state: 'Empty', protocol: '', members: [], error: undefined});
		expect(group.offsets.map(offset => offset.committed)).toEqual([2, 4, 4]);
	});

	it('keeps a Connect-style group\'s members, without assignments', () => {
		const group = translateGroup(replies('ktop-fixture-connect', {responses: []}, {protocolType: 'connect'}));
		expect(group).toMatchObject({state: 'Stable', protocolType: 'connect', protocol: 'sessioned', error: undefined});
		expect(group.members[0]?.assignments).toEqual([]);
	});

	it('keeps a member whose assignment bytes are garbage', () => {
		const group = translateGroup(replies('ktop-fixture-garbage', {responses: []}));
		expect(group.members).toHaveLength(1);
		expect(group.members[0]?.assignments).toEqual([]);
		expect(group.error).toBeUndefined();
	});

	it('reports the recorded NOT_COORDINATOR replies (asked of the wrong broker) as the group\'s error', () => {
		const group = translateGroup(replies('ktop-fixture-nonexistent', offsets().nonexistent));
		expect(group).toMatchObject({state: 'Unknown', members: [], offsets: []});
		expect(group.error).toBe('describe: NOT_COORDINATOR_FOR_GROUP; offsets: NOT_COORDINATOR_FOR_GROUP');
	});

	it('keeps committed offsets when the description failed, with the reason', () => {
		const group = translateGroup(replies('ktop-fixture-empty', offsets().empty, {description: undefined, failures: ['describe: broker 3 (127.0.0.1:9094): no reply within 3000 ms']}));
		expect(group.state).toBe('Unknown');
		expect(group.offsets).toHaveLength(3);
		expect(group.error).toBe('describe: broker 3 (127.0.0.1:9094): no reply within 3000 ms');
	});

	it('reports a partition-level offset error and keeps the other partitions', () => {
		const reply = offsets().running;
		reply.responses[0]!.partitions[0]!.errorCode = 3;
		const group = translateGroup(replies('ktop-fixture-running', reply));
		expect(group.offsets).toHaveLength(2);
		expect(group.error).toBe(`offset of ktop-fixture-orders-${reply.responses[0]!.partitions[0]!.partition}: UNKNOWN_TOPIC_OR_PARTITION`);
	});

	it('reads an uncommitted partition (-1) as -1', () => {
		const reply = offsets().empty;
		reply.responses[0]!.partitions[0]!.offset = '-1';
		expect(translateGroup(replies('ktop-fixture-empty', reply)).offsets.some(offset => offset.committed === -1)).toBe(true);
	});
});
