import {describe, expect, it} from 'vitest';
import {parseBrokerRegistration} from '../../source/cluster/zookeeper/kafka-znodes.js';
import {endpointOf} from '../../source/model/broker-summary.js';

describe('endpointOf', () => {
	// The secure harness's brokers register named listeners mapped to their protocols.
	const registration = parseBrokerRegistration(1, JSON.stringify({
		listener_security_protocol_map: {SCRAM: 'SASL_SSL', MTLS: 'SSL', PLAIN: 'SASL_PLAINTEXT', INTERNAL: 'PLAINTEXT'},
		endpoints: ['SCRAM://127.0.0.1:9192', 'MTLS://127.0.0.1:9292', 'PLAIN://127.0.0.1:9392', 'INTERNAL://127.0.0.1:9092'],
		version: 5,
	}));

	it('picks the listener of the security protocol asked for, by the protocol map', () => {
		expect(endpointOf(registration, 'SSL')).toEqual({host: '127.0.0.1', port: 9292});
		expect(endpointOf(registration, 'SASL_PLAINTEXT')).toEqual({host: '127.0.0.1', port: 9392});
		expect(endpointOf(registration)).toEqual({host: '127.0.0.1', port: 9092});
	});

	it('falls back to the first listener, and reads a listener named after its protocol without a map', () => {
		const bare = parseBrokerRegistration(2, JSON.stringify({endpoints: ['SSL://h:9093', 'PLAINTEXT://h:9092']}));
		expect(endpointOf(bare)).toEqual({host: 'h', port: 9092});
		expect(endpointOf(bare, 'SASL_SSL')).toEqual({host: 'h', port: 9093});
	});
});
