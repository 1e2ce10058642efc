import {randomBytes} from 'node:crypto';
import {AssignerProtocol} from 'kafkajs';
import {describe, expect, it} from 'vitest';
import {decodeAssignment} from '../../../source/cluster/kafka/member-assignment.js';
import type {RawDescribeGroups} from '../../../source/cluster/kafka/wire-types.js';
import {recorded} from './recorded.js';

const groups = () => recorded<RawDescribeGroups>('describe-groups.json').groups;
const bytesOf = (groupId: string) => groups().find(group => group.groupId === groupId)!.members[0]!.memberAssignment!;

describe('decodeAssignment', () => {
	it('decodes a kafkajs consumer\'s recorded assignment', () => {
		expect(decodeAssignment('consumer', bytesOf('ktop-fixture-running'))).toEqual([{topic: 'ktop-fixture-orders', partitions: [0, 1, 2]}]);
	});

	it('sorts topics and partitions', () => {
		const bytes = AssignerProtocol.MemberAssignment.encode({version: 1, assignment: {zeta: [4, 0, 2], alpha: [1]}, userData: Buffer.alloc(0)});
		expect(decodeAssignment('consumer', bytes)).toEqual([{topic: 'alpha', partitions: [1]}, {topic: 'zeta', partitions: [0, 2, 4]}]);
	});

	it('gives no assignments for another protocol (the recorded Connect-style group)', () => {
		const connect = groups().find(group => group.groupId === 'ktop-fixture-connect')!;
		expect(connect.protocolType).toBe('connect');
		expect(decodeAssignment(connect.protocolType, connect.members[0]!.memberAssignment)).toEqual([]);
	});

	it('gives no assignments for the recorded garbage under the consumer protocol', () => {
		expect(decodeAssignment('consumer', bytesOf('ktop-fixture-garbage'))).toEqual([]);
	});

	it('gives no assignments for empty, missing and truncated bytes', () => {
		const real = bytesOf('ktop-fixture-running');
		expect(decodeAssignment('consumer', Buffer.alloc(0))).toEqual([]);
		expect(decodeAssignment('consumer', null)).toEqual([]);
		expect(decodeAssignment('consumer', undefined)).toEqual([]);
		for (let length = 1; length < real.length - 4; length++) {
			expect(decodeAssignment('consumer', real.subarray(0, length)), `first ${length} bytes`).toEqual([]);
		}
	});

	it('rejects bytes that claim more topics than they could hold without allocating for them', () => {
		// Version 0x44a3, then 27,286,029 topics: what kafkajs' decoder would allocate an array for.
		const bytes = Buffer.from('44a301a05a0dabafc2e7b4a9f477385172f39da7', 'hex');
		const started = performance.now();
		expect(decodeAssignment('consumer', bytes)).toEqual([]);
		expect(performance.now() - started).toBeLessThan(5);
	});

	it('accepts user data, and null user data (as the Java client may send)', () => {
		const withUserData = AssignerProtocol.MemberAssignment.encode({version: 0, assignment: {t: [0]}, userData: Buffer.from('hello')});
		expect(decodeAssignment('consumer', withUserData)).toEqual([{topic: 't', partitions: [0]}]);
		const nullUserData = Buffer.concat([withUserData.subarray(0, withUserData.length - 9), Buffer.from([0xff, 0xff, 0xff, 0xff])]);
		expect(decodeAssignment('consumer', nullUserData)).toEqual([{topic: 't', partitions: [0]}]);
	});

	it('never throws on random bytes, and what it returns is well-formed', () => {
		for (let i = 0; i < 2000; i++) {
			const result = decodeAssignment('consumer', randomBytes(1 + (i % 64)));
			for (const {topic, partitions} of result) {
				expect(typeof topic).toBe('string');
				expect(partitions.every(partition => Number.isInteger(partition) && partition >= 0)).toBe(true);
			}
		}
	});
});
