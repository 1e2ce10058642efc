import {describe, expect, it} from 'vitest';
import {kafkajsClientOptions, kafkajsSecurity} from '../../../source/cluster/kafka/kafkajs-security.js';

describe('kafkajsSecurity', () => {
	it('gives kafkajs TLS only for SSL and SASL_SSL, and SASL only for the SASL protocols', () => {
		expect(kafkajsSecurity(undefined)).toEqual({ssl: undefined, sasl: undefined});
		expect(kafkajsSecurity({protocol: 'SSL', tls: undefined, sasl: undefined})).toEqual({ssl: {}, sasl: undefined});
		const scram = {mechanism: 'SCRAM-SHA-512' as const, username: 'u', password: 'p'};
		expect(kafkajsSecurity({protocol: 'SASL_PLAINTEXT', tls: undefined, sasl: scram})).toEqual({ssl: undefined, sasl: {mechanism: 'scram-sha-512', username: 'u', password: 'p'}});
		expect(kafkajsSecurity({protocol: 'SSL', tls: {ca: 'x'}, sasl: scram})).toEqual({ssl: {ca: 'x'}, sasl: undefined});
		expect(kafkajsClientOptions({protocol: 'PLAINTEXT', tls: undefined, sasl: undefined})).toEqual({});
	});

	it('hands kafkajs an OAUTHBEARER provider that asks the token source each time', async () => {
		let calls = 0;
		const {sasl} = kafkajsSecurity({protocol: 'SASL_SSL', tls: {}, sasl: {mechanism: 'OAUTHBEARER', principal: undefined, token: async () => `token-${++calls}`}});
		const provider = (sasl as {mechanism: string; oauthBearerProvider: () => Promise<{value: string}>});
		expect(provider.mechanism).toBe('oauthbearer');
		expect(await provider.oauthBearerProvider()).toEqual({value: 'token-1'});
		expect(await provider.oauthBearerProvider()).toEqual({value: 'token-2'});
	});
});
