import {describe, expect, it} from 'vitest';
import {BrokerFailure} from '../../../../source/cluster/kafka/broker-connections.js';
import {connectionFailure} from '../../../../source/cluster/kafka/writer/connection-failure.js';
import {NoReply} from '../../../../source/cluster/with-timeout.js';

const failure = (reason: string, cause: unknown) => new BrokerFailure('127.0.0.1:9093', reason, 'broker 2 (127.0.0.1:9093)', cause);
const kafkajsError = (name: string, message: string, code?: string) => Object.assign(new Error(message), {name, code});

describe('connectionFailure', () => {
	it('says a write that got no reply may or may not have been made', () => {
		expect(connectionFailure(failure('no reply within 10000 ms', new NoReply(10_000)), true)).toEqual({
			code: 'NO_REPLY',
			message: 'broker 2 (127.0.0.1:9093): no reply within 10000 ms: the change may or may not have been made',
			next: 'refresh and check the result before trying again',
			detail: undefined,
		});
		expect(connectionFailure(failure('connection reset', kafkajsError('KafkaJSConnectionError', 'Connection error: read ECONNRESET', 'ECONNRESET')), true).code).toBe('NO_REPLY');
		expect(connectionFailure(failure('connection closed', kafkajsError('KafkaJSConnectionClosedError', 'Closed connection')), true).code).toBe('NO_REPLY');
		// A read that got no reply changed nothing, and says so by not mentioning a change.
		expect(connectionFailure(failure('no reply within 10000 ms', new NoReply(10_000)), false).message).toBe('broker 2 (127.0.0.1:9093): no reply within 10000 ms');
	});

	it('says nothing was sent when no connection was made', () => {
		expect(connectionFailure(failure('connection refused', kafkajsError('KafkaJSConnectionError', 'Connection error: connect ECONNREFUSED 127.0.0.1:9093', 'ECONNREFUSED')), true)).toMatchObject({
			code: 'NO_BROKER',
			message: 'broker 2 (127.0.0.1:9093): connection refused: nothing was sent',
		});
		expect(connectionFailure(new Error('broker 7 is not in the cluster metadata'), true).code).toBe('NO_BROKER');
	});

	it('tells a broker too old for the request apart', () => {
		const tooOld = kafkajsError('KafkaJSServerDoesNotSupportApiKey', 'The Kafka server does not support the requested API version');
		expect(connectionFailure(failure('The Kafka server does not support the requested API version', tooOld), true).code).toBe('UNSUPPORTED_VERSION');
		const refused = Object.assign(kafkajsError('KafkaJSProtocolError', 'The version of API is not supported'), {code: 35});
		expect(connectionFailure(failure('The version of API is not supported', refused), true).code).toBe('UNSUPPORTED_VERSION');
	});
});
