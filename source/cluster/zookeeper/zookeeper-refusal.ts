import type {ZookeeperAuth} from '../types.js';
import {parseConnectString} from './connect-string.js';
import {formatAddress} from './probe-ensemble.js';

/**
ZooKeeper's answers that mean "not you": the ensemble works (the brokers use it) but will not
serve ktop. Codes from zookeeper.h.
- ZNOAUTH (-102): a znode's ACL does not let ktop's identities read it.
- ZAUTHFAILED (-115): the server rejected an addAuthInfo (unknown scheme, bad credentials), or a
  read on a session closed for `enforce.auth.enabled` (3.7+, older clients).
- ZSESSIONCLOSEDREQUIRESASLAUTH (-124): the server closed an unauthenticated session at its first
  read (`enforce.auth.enabled=true`); the C client names SASL whatever enforce.auth.schemes allows.
*/
export const refusalCodes = {noAuth: -102, authFailed: -115, sessionClosedRequiresAuth: -124} as const;

/** The session state the native client reports in its 'close' event after ZAUTHFAILED. */
export const authFailedState = -113;

const why: Record<number, string> = {
	[refusalCodes.noAuth]: 'NOAUTH: the znodes\' ACLs do not let it read',
	[refusalCodes.authFailed]: 'AUTH_FAILED',
	[refusalCodes.sessionClosedRequiresAuth]: 'the server closed the session at the first read: enforce.auth.enabled',
	[authFailedState]: 'AUTH_FAILED',
};

/** Whether ZooKeeper's error code says ktop is refused, rather than that something failed. */
export function isRefusalCode(code: number | undefined): boolean {
	return code !== undefined && code in why;
}

/**
The refusal a failed open or read means, worded by refusalMessage, or undefined when the error is
not one (a ZkError's `code`; a failed read names its path: "ZooKeeper read of /brokers/ids failed").
*/
export function refusalOf(error: unknown, connect: string, auth: readonly ZookeeperAuth[]): string | undefined {
	const code = error instanceof Error && 'code' in error && typeof error.code === 'number' ? error.code : undefined;
	if (code === undefined || !isRefusalCode(code)) return undefined;
	return refusalMessage(connect, code, auth, /read of (\S+) failed/.exec(error instanceof Error ? error.message : '')?.[1]);
}

/**
What an operator reads when ZooKeeper refuses ktop: which servers, why (the code it gave), and
what to do. Names the auth scheme and user given, never the secret: a digest auth is
`user:password`, and only the part before the first colon is shown.
*/
export function refusalMessage(connect: string, code: number, auth: readonly ZookeeperAuth[] = [], path?: string): string {
	const servers = serversOf(connect);
	const reason = `${why[code] ?? `error ${code}`}${code === refusalCodes.noAuth && path ? ` ${path}` : ''}`;
	if (auth.length === 0) {
		return `ZooKeeper ${servers} refused ktop: it requires authentication (${reason}); give --zk-auth digest:user:password if the ensemble accepts digest; ZooKeeper over SASL is not supported by ktop's client`;
	}

	const given = auth.map(entry => describeAuth(entry)).join(', ');
	const next = code === refusalCodes.noAuth
		? `the ACLs give ${given} no read permission; ask for read access (getAcl ${path ?? '/brokers/ids'} shows who has it)`
		: 'check the user and password, and that the ensemble accepts digest (authProvider, enforce.auth.schemes); ZooKeeper over SASL is not supported by ktop\'s client';
	return `ZooKeeper ${servers} refused ktop with ${given} (${reason}); ${next}`;
}

/** `digest user ktop`: the scheme and, for digest, the user; never the password. */
export function describeAuth(auth: ZookeeperAuth): string {
	if (auth.scheme === 'digest') return `digest user ${auth.auth.split(':')[0] ?? ''}`;
	return `${auth.scheme} auth`;
}

function serversOf(connect: string): string {
	try {
		return parseConnectString(connect).servers.map(server => formatAddress(server)).join(',');
	} catch {
		return connect;
	}
}
