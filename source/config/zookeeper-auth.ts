import type {ZookeeperAuth} from '../cluster/types.js';
import {ConfigError} from './config-error.js';

/**
Schemes an addAuthInfo cannot satisfy with ktop's client: SASL and x509 are negotiated on the
connection (a JAAS login, a TLS client certificate), which the native client ktop uses does not do;
`ip` is not sent at all, the server takes it from the socket.
*/
const unsupported: Record<string, string> = {
	sasl: 'ZooKeeper over SASL is not supported by ktop\'s client; use a digest user if the ensemble accepts digest (enforce.auth.schemes)',
	x509: 'ZooKeeper over TLS (x509) is not supported by ktop\'s client',
	ip: 'the ip scheme needs no auth: ZooKeeper takes it from the connection',
};

/**
ZooKeeper auth as `scheme:auth` (`digest:user:password`), from --zk-auth (repeatable) or KTOP_ZK_AUTH,
for openZkSession's addAuthInfo. `origin` names where the value came from. A malformed value is
refused without echoing it: it holds a password.
*/
export function parseZookeeperAuth(values: readonly string[], origin: string): ZookeeperAuth[] {
	return values.map(value => {
		const colon = value.indexOf(':');
		const scheme = colon > 0 ? value.slice(0, colon).trim() : '';
		const auth = colon > 0 ? value.slice(colon + 1) : '';
		if (!/^[\w.-]+$/.test(scheme) || auth === '') {
			throw new ConfigError(`${origin} expects scheme:auth, e.g. digest:user:password (the value given is not shown: it may hold a password)`);
		}

		const refusal = unsupported[scheme.toLowerCase()];
		if (refusal) throw new ConfigError(`${origin} ${scheme}: ${refusal}`);
		if (scheme === 'digest' && !/^[^:]+:/.test(auth)) {
			throw new ConfigError(`${origin} digest expects digest:user:password (the value given is not shown: it may hold a password)`);
		}

		return {scheme, auth};
	});
}
