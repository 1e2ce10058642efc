import {describe, expect, it} from 'vitest';
import {ConfigError, resolveConnection} from '../../source/config/connection.js';
import {parseZookeeperAuth} from '../../source/config/zookeeper-auth.js';
import {configFailure} from '../helpers/config-failure.js';

const failure = configFailure;

describe('parseZookeeperAuth', () => {
	it('splits scheme from auth at the first colon only', () => {
		expect(parseZookeeperAuth(['digest:ktop:pa:ss', 'custom:token'], '--zk-auth')).toEqual([
			{scheme: 'digest', auth: 'ktop:pa:ss'},
			{scheme: 'custom', auth: 'token'},
		]);
	});

	it('refuses a malformed value without echoing it, and the schemes ktop\'s client cannot do', () => {
		for (const bad of ['ktop-secret', ':ktop:secret', 'digest:', 'digest:nocolonsecret']) {
			const message = failure(() => parseZookeeperAuth([bad], '--zk-auth'));
			expect(message).toMatch(/^--zk-auth (digest )?expects (scheme:auth|digest:user:password)/);
			expect(message).not.toContain('secret');
		}

		expect(failure(() => parseZookeeperAuth(['sasl:ktop:secret'], 'KTOP_ZK_AUTH'))).toBe('KTOP_ZK_AUTH sasl: ZooKeeper over SASL is not supported by ktop\'s client; use a digest user if the ensemble accepts digest (enforce.auth.schemes)');
		expect(failure(() => parseZookeeperAuth(['x509:cn'], '--zk-auth'))).toContain('ZooKeeper over TLS (x509) is not supported');
	});
});

describe('resolveConnection: ZooKeeper auth and brokers-only', () => {
	const flags = {zookeeper: 'zk:2181', bootstrap: undefined};
	it('takes --zk-auth, else KTOP_ZK_AUTH', () => {
		expect(resolveConnection({...flags, zkAuth: ['digest:a:b', 'digest:c:d']}, {KTOP_ZK_AUTH: 'digest:e:f'}).zookeeperAuth).toEqual([
			{scheme: 'digest', auth: 'a:b'}, {scheme: 'digest', auth: 'c:d'},
		]);
		expect(resolveConnection(flags, {KTOP_ZK_AUTH: 'digest:e:f'}).zookeeperAuth).toEqual([{scheme: 'digest', auth: 'e:f'}]);
		expect(resolveConnection(flags, {}).zookeeperAuth).toBeUndefined();
	});

	it('--brokers-only needs brokers, never takes ZooKeeper, and refuses -z', () => {
		expect(resolveConnection({zookeeper: undefined, bootstrap: 'k:9092', brokersOnly: true}, {KTOP_ZOOKEEPER: 'zk:2181'})).toEqual({
			zookeeper: undefined, bootstrap: ['k:9092'], brokersOnly: true,
		});
		expect(failure(() => resolveConnection({...flags, brokersOnly: true}, {}))).toBe('--brokers-only and --zookeeper exclude each other: --brokers-only never reads ZooKeeper');
		expect(failure(() => resolveConnection({zookeeper: undefined, bootstrap: undefined, brokersOnly: true}, {}, () => ({zookeeper: 'zk:2181', bootstrap: undefined, tried: [], usedFiles: []}))))
			.toBe('--brokers-only needs the brokers: pass --bootstrap host:9092[,…] or set KTOP_BOOTSTRAP');
	});
});
