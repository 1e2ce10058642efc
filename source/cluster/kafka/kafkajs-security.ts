import type {ConnectionOptions} from 'node:tls';
import {plaintext, type KafkaSecurity} from './client-security.js';

/** kafkajs' `ssl` and `sasl` options for ktop's KafkaSecurity: the one translation, for openWire and kafkajs' Kafka() alike. */
export function kafkajsSecurity(security: KafkaSecurity = plaintext): {ssl: ConnectionOptions | undefined; sasl: Record<string, unknown> | undefined} {
	const usesTls = security.protocol === 'SSL' || security.protocol === 'SASL_SSL';
	const ssl = usesTls ? {...security.tls} : undefined;
	const {sasl} = security;
	if (sasl === undefined || !(security.protocol === 'SASL_PLAINTEXT' || security.protocol === 'SASL_SSL')) return {ssl, sasl: undefined};
	if (sasl.mechanism === 'OAUTHBEARER') {
		return {ssl, sasl: {mechanism: 'oauthbearer', oauthBearerProvider: async () => ({value: await sasl.token()})}};
	}

	return {ssl, sasl: {mechanism: sasl.mechanism.toLowerCase(), username: sasl.username, password: sasl.password}};
}

/** The same, as options of kafkajs' Kafka() client (admin-client.ts, broker-zookeeper-connect.ts). */
export function kafkajsClientOptions(security: KafkaSecurity | undefined): {ssl?: ConnectionOptions; sasl?: never} {
	const {ssl, sasl} = kafkajsSecurity(security);
	return {...(ssl === undefined ? {} : {ssl}), ...(sasl === undefined ? {} : {sasl: sasl as never})};
}
