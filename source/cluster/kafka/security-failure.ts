import {describeSecurity, plaintext, type KafkaSecurity} from './client-security.js';

/*
Why a secured connection failed, in words an operator can act on. kafkajs reports TLS failures as
"Connection error: <Node's message>" with OpenSSL's code, SASL failures as its own errors, and a
broker that will not speak the client's protocol only by closing the connection: each is told
apart here, the one place that knows them.
*/

/** A connection refused for its security: wrong credentials, a certificate, a protocol mismatch. Backed off like a timeout. */
export class SecurityFailure extends Error {
	override name = 'SecurityFailure';
}

export type FailureContext = {
	address: string;
	security: KafkaSecurity | undefined;
	/** The first bytes the broker sent looked like a TLS record (a TLS listener answering plain Kafka). */
	tlsReply?: boolean;
	/** Mechanisms the broker offers, from its SaslHandshake reply, once known. */
	offeredMechanisms?: string[];
};

const untrustedCodes = new Set([
	'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED',
]);

/** The operator's message for a failure to connect, or undefined when it is not about security (a refused or timed-out connection). */
export function securityFailureText(error: unknown, context: FailureContext): string | undefined {
	const {name, code, message = '', type} = (error ?? {}) as {name?: string; code?: string | number; message?: string; type?: string};
	const security = context.security ?? plaintext;
	const described = describeSecurity(security);
	const usesTls = security.protocol === 'SSL' || security.protocol === 'SASL_SSL';
	const on = `on broker ${context.address}`;
	const codeText = typeof code === 'string' ? code : '';

	if (name === 'KafkaJSSASLAuthenticationError' && !/not supported by the server/.test(message)) {
		return `authentication failed for user ${described.user ?? '(none)'} with ${described.mechanism ?? 'SASL'} ${on}${brokerReason(message)}`;
	}

	if (type === 'UNSUPPORTED_SASL_MECHANISM' || /mechanism is not supported by the server/.test(message)) {
		const offered = context.offeredMechanisms;
		return `SASL ${described.mechanism ?? ''} is not enabled ${on}; it offers ${offered === undefined ? '(could not be read)' : offered.length === 0 ? 'none' : offered.join(', ')}: set sasl.mechanism to one of them`;
	}

	if (type === 'ILLEGAL_SASL_STATE') {
		return `${on.replace('on ', '')} does not take SASL on this listener (security.protocol=${security.protocol}): is it a PLAINTEXT or SSL listener?`;
	}

	if (untrustedCodes.has(codeText)) {
		return `TLS: the certificate of broker ${context.address} is not signed by a CA ktop trusts (${codeText}): set ssl.truststore.location (or ssl.truststore.certificates) to the CA that signed it`;
	}

	if (codeText === 'ERR_TLS_CERT_ALTNAME_INVALID') {
		const reason = (/altnames: (.*)$/.exec(message)?.[1] ?? message.replace(/^Connection error: /, '')).replace(/:\s*$/, '');
		return `TLS: the certificate of broker ${context.address} does not name that host (${reason}): connect by a name it holds, or set ssl.endpoint.identification.algorithm= (empty) to skip the host name check`;
	}

	if (codeText === 'CERT_HAS_EXPIRED') return `TLS: the certificate of broker ${context.address} has expired: the broker needs a new certificate`;
	if (codeText === 'CERT_NOT_YET_VALID') return `TLS: the certificate of broker ${context.address} is not valid yet (check this host's clock)`;
	if (/ALERT_CERTIFICATE_REQUIRED/.test(codeText) || (/ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)/.test(codeText) && usesTls)) {
		return described.clientCertificate
			? `TLS: broker ${context.address} refused ktop's client certificate (${alertName(codeText)}): it must be signed by a CA in the broker's ssl.truststore`
			: `TLS: broker ${context.address} requires a client certificate (${alertName(codeText)}): set ssl.keystore.location (mTLS)`;
	}

	if (usesTls && (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|RECORD_LAYER_FAILURE/.test(codeText) || /before secure TLS connection was established/.test(message))) {
		return `TLS handshake failed ${on}: it did not answer in TLS; is it a PLAINTEXT or SASL_PLAINTEXT listener? (security.protocol=${security.protocol})`;
	}

	if (!usesTls && context.tlsReply) {
		return `broker ${context.address} answered in TLS: this listener needs security.protocol=SSL or SASL_SSL (ktop used ${security.protocol})`;
	}

	return undefined;
}

/** Kafka's own reason after kafkajs' prefix, when it adds something ("Invalid username or password"). */
function brokerReason(message: string): string {
	const reason = message.replace(/^SASL [\w-]+ authentication failed: ?/i, '').replace(/^Authentication failed:? ?/i, '').trim();
	return reason === '' || /invalid credentials/i.test(reason) ? '' : ` (${reason})`;
}

function alertName(code: string): string {
	return (/ALERT_([A-Z_]+)$/.exec(code)?.[1] ?? code).toLowerCase().replaceAll('_', ' ');
}

/** The closed connection of a plain client on a listener that wanted TLS or SASL first. */
export function closedEarlyText(context: FailureContext): string {
	const security = context.security ?? plaintext;
	const {protocol} = security;
	// TLS 1.3: the client's handshake is done before the broker judges its certificate; a refusal then looks like a close.
	if ((protocol === 'SSL' || protocol === 'SASL_SSL') && describeSecurity(security).clientCertificate) {
		return `TLS: broker ${context.address} closed the connection right after the handshake: it may have refused ktop's client certificate (it must be signed by a CA in the broker's ssl.truststore)`;
	}

	return `broker ${context.address} closed the connection at once (ktop used ${protocol}): does this listener need ${protocol === 'PLAINTEXT' ? 'TLS or SASL (security.protocol=SSL, SASL_PLAINTEXT or SASL_SSL)' : 'another security.protocol'}?`;
}

/**
A failure of kafkajs' own Kafka() client (admin-client.ts): its security reason when it has one,
found on the error or the one it wraps (kafkajs' retrier keeps the last as `originalError`).
*/
export function clientFailureText(error: unknown, bootstrap: string[], security: KafkaSecurity | undefined): string {
	for (let cause = error as {originalError?: unknown; cause?: unknown; broker?: string; message?: string} | undefined; cause; cause = (cause.originalError ?? cause.cause) as typeof cause) {
		const text = securityFailureText(cause, {address: cause.broker ?? bootstrap.join(','), security});
		if (text !== undefined) return text;
	}

	return (error as Error).message;
}
