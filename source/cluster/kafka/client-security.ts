import type {ConnectionOptions} from 'node:tls';

/**
How ktop reaches secured brokers: what Kafka's own client properties (security.protocol,
sasl.*, ssl.*) come to once read. The config layer builds it (config/client-properties.ts);
every connection to a broker (kafkajs-wire.ts) takes it as is.
*/
export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';

export type SaslSettings =
	| {mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'; username: string; password: string}
	/** `token()` gives a current token, fetched again by its owner before it expires. */
	| {mechanism: 'OAUTHBEARER'; principal: string | undefined; token: () => Promise<string>};

export type KafkaSecurity = {
	protocol: SecurityProtocol;
	/** For SSL and SASL_SSL: CA, client certificate and key, hostname check. */
	tls: ConnectionOptions | undefined;
	/** For SASL_PLAINTEXT and SASL_SSL. */
	sasl: SaslSettings | undefined;
};

export const plaintext: KafkaSecurity = {protocol: 'PLAINTEXT', tls: undefined, sasl: undefined};

/** What may be shown anywhere (header, JSON, errors): protocol, mechanism and user, never a secret. */
export function describeSecurity(security: KafkaSecurity): {protocol: SecurityProtocol; mechanism: string | undefined; user: string | undefined; clientCertificate: boolean} {
	const user = security.sasl === undefined ? undefined : security.sasl.mechanism === 'OAUTHBEARER' ? security.sasl.principal : security.sasl.username;
	return {
		protocol: security.protocol,
		mechanism: security.sasl?.mechanism,
		user,
		clientCertificate: security.tls !== undefined && (security.tls.pfx !== undefined || security.tls.cert !== undefined),
	};
}
