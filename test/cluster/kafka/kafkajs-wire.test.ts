import {describe, expect, it} from 'vitest';
import {failureText} from '../../../source/cluster/kafka/failure-text.js';
import {errorName, openWire} from '../../../source/cluster/kafka/kafkajs-wire.js';
import {NoReply, withTimeout} from '../../../source/cluster/with-timeout.js';

// ktop reaches below kafkajs' public API in one file (kafkajs-wire.ts); an upgrade that moves
// those internals must fail here, not in front of an operator.
describe('the kafkajs internals ktop relies on', () => {
	it('load, and build a wire with every request ktop sends', () => {
		const wire = openWire('127.0.0.1', 1, 'ktop-test', {connectionTimeoutMs: 100, requestTimeoutMs: 100});
		expect(wire.address).toBe('127.0.0.1:1');
		for (const request of ['connect', 'disconnect', 'metadata', 'listOffsets', 'describeTopicConfigs', 'listGroups', 'describeGroups', 'offsetFetch'] as const) {
			expect(typeof wire[request]).toBe('function');
		}
	});

	it('name error codes the way the protocol does', () => {
		expect(errorName(3)).toBe('UNKNOWN_TOPIC_OR_PARTITION');
		expect(errorName(16)).toBe('NOT_COORDINATOR_FOR_GROUP');
		expect(errorName(31_337)).toBe('error code 31337');
	});
});

describe('failureText', () => {
	it('says what happened in an operator\'s words', () => {
		expect(failureText(new NoReply(2000))).toBe('no reply within 2000 ms');
		expect(failureText(Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9094'), {name: 'KafkaJSConnectionError', code: 'ECONNREFUSED'}))).toBe('connection refused');
		expect(failureText(Object.assign(new Error('Connection timeout'), {name: 'KafkaJSConnectionError'}))).toBe('connect timed out');
		expect(failureText(Object.assign(new Error('Request Metadata(key: 3, version: 6) timed out'), {name: 'KafkaJSRequestTimeoutError'}))).toBe('request timed out');
		expect(failureText(new Error('something else'))).toBe('something else');
	});
});

describe('withTimeout', () => {
	it('settles with the work, or rejects with NoReply and swallows the late rejection', async () => {
		await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
		const late = new Promise((_resolve, reject) => {
			setTimeout(() => {
				reject(new Error('late'));
			}, 80);
		});
		await expect(withTimeout(late, 20)).rejects.toBeInstanceOf(NoReply);
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	});
});
