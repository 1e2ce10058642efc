import type {ConnectionSecurity} from './types.js';

/** "SASL_SSL SCRAM-SHA-512 user alice", "SSL client certificate": how ktop reaches the brokers, for the header. Undefined for PLAINTEXT. */
export function securityWords(security: Partial<ConnectionSecurity> | undefined): string | undefined {
	if (security?.protocol === undefined || security.protocol === 'PLAINTEXT') return undefined;
	return [
		security.protocol,
		...(security.mechanism ? [security.mechanism] : []),
		...(security.user ? [`user ${security.user}`] : []),
		...(security.clientCertificate ? ['client certificate'] : []),
	].join(' ');
}
