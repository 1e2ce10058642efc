import {describe, expect, it} from 'vitest';
import {ZkError} from '../../../source/cluster/zookeeper/session.js';
import {describeAuth, refusalMessage, refusalOf} from '../../../source/cluster/zookeeper/zookeeper-refusal.js';

const digest = [{scheme: 'digest', auth: 'ktop:s3cret-pass'}];

describe('refusalMessage', () => {
	it('says ZooKeeper requires authentication, what to give, and that SASL is not supported', () => {
		expect(refusalMessage('127.0.0.1:2191', -124)).toBe(
			'ZooKeeper 127.0.0.1:2191 refused ktop: it requires authentication (the server closed the session at the first read: enforce.auth.enabled); '
			+ 'give --zk-auth digest:user:password if the ensemble accepts digest; ZooKeeper over SASL is not supported by ktop\'s client',
		);
		expect(refusalMessage('zk1:2181,zk2:2181/kafka', -115)).toMatch(/^ZooKeeper zk1:2181,zk2:2181 refused ktop: it requires authentication \(AUTH_FAILED\)/);
		expect(refusalMessage('127.0.0.1:2191', -102, [], '/brokers/ids')).toContain('(NOAUTH: the znodes\' ACLs do not let it read /brokers/ids)');
	});

	it('names the digest user given, never the password', () => {
		const rejected = refusalMessage('127.0.0.1:2191', -115, digest);
		expect(rejected).toBe('ZooKeeper 127.0.0.1:2191 refused ktop with digest user ktop (AUTH_FAILED); check the user and password, and that the ensemble accepts digest (authProvider, enforce.auth.schemes); ZooKeeper over SASL is not supported by ktop\'s client');
		const noRead = refusalMessage('127.0.0.1:2191', -102, digest, '/brokers/ids');
		expect(noRead).toContain('the ACLs give digest user ktop no read permission');
		for (const text of [rejected, noRead]) expect(text).not.toContain('s3cret');
		expect(describeAuth({scheme: 'custom', auth: 'token-abc'})).toBe('custom auth');
	});
});

describe('refusalOf', () => {
	it('words the refusal codes, with the path a failed read names, and leaves other failures alone', () => {
		const noAuth = new ZkError('ZooKeeper read of /brokers/ids failed: -102 not authenticated', -102);
		expect(refusalOf(noAuth, '127.0.0.1:2191', [])).toContain('NOAUTH: the znodes\' ACLs do not let it read /brokers/ids');
		expect(refusalOf(new ZkError('ZooKeeper read of /x failed: -4 connection loss', -4), '127.0.0.1:2191', [])).toBeUndefined();
		expect(refusalOf(new Error('-124 session closed'), '127.0.0.1:2191', [])).toBeUndefined();
	});
});
