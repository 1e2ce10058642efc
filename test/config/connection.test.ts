import {afterEach, describe, expect, it, vi} from 'vitest';
import {ConfigError, resolveConnection} from '../../source/config/connection.js';

const noFlags = {zookeeper: undefined, bootstrap: undefined};

afterEach(() => {
	vi.unstubAllEnvs();
});

function configError(run: () => unknown): ConfigError {
	try {
		run();
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}

	throw new Error('expected a ConfigError, but nothing was thrown');
}

describe('resolveConnection', () => {
	it('prefers the flags to the environment', () => {
		const env = {KTOP_ZOOKEEPER: 'envzk:2181', KTOP_BOOTSTRAP: 'envkafka:9092'};
		expect(resolveConnection({zookeeper: 'flagzk:2181/kafka', bootstrap: 'flagkafka:9093'}, env)).toEqual({
			zookeeper: 'flagzk:2181/kafka',
			bootstrap: ['flagkafka:9093'],
		});
	});

	it('uses the environment when no flag is given', () => {
		const env = {KTOP_ZOOKEEPER: '127.0.0.1:2181,127.0.0.1:2182', KTOP_BOOTSTRAP: '127.0.0.1:9092,127.0.0.1:9093'};
		expect(resolveConnection(noFlags, env)).toEqual({
			zookeeper: '127.0.0.1:2181,127.0.0.1:2182',
			bootstrap: ['127.0.0.1:9092', '127.0.0.1:9093'],
		});
	});

	it('decides each source separately: a zookeeper flag does not hide KTOP_BOOTSTRAP', () => {
		expect(resolveConnection({zookeeper: 'zk:2181', bootstrap: undefined}, {KTOP_BOOTSTRAP: 'k:9092'})).toEqual({
			zookeeper: 'zk:2181',
			bootstrap: ['k:9092'],
		});
	});

	it('treats a blank flag as absent and falls back to the environment', () => {
		expect(resolveConnection({zookeeper: '   ', bootstrap: ''}, {KTOP_ZOOKEEPER: 'zk:2181'})).toEqual({
			zookeeper: 'zk:2181',
			bootstrap: undefined,
		});
	});

	it('reads process.env when no environment is passed', () => {
		vi.stubEnv('KTOP_ZOOKEEPER', 'stubbed-zk:2181');
		vi.stubEnv('KTOP_BOOTSTRAP', 'stubbed-kafka');
		expect(resolveConnection(noFlags)).toEqual({zookeeper: 'stubbed-zk:2181', bootstrap: ['stubbed-kafka:9092']});
	});

	it('trims the ZooKeeper connect string', () => {
		expect(resolveConnection({zookeeper: '  zk:2181 ', bootstrap: undefined}, {}).zookeeper).toBe('zk:2181');
	});

	it('explains both ways to connect when neither source gives a cluster', () => {
		const nothing = () => ({zookeeper: undefined, bootstrap: undefined, usedFiles: [], tried: ['/etc/kafka/server.properties']});
		const error = configError(() => resolveConnection(noFlags, {KTOP_ZOOKEEPER: '', KTOP_BOOTSTRAP: ' '}, nothing));
		expect(error.message).toContain('no cluster to connect to');
		expect(error.message).toContain('--zookeeper');
		expect(error.message).toContain('--bootstrap');
		expect(error.message).toContain('KTOP_ZOOKEEPER');
		expect(error.message).toContain('KTOP_BOOTSTRAP');
		expect(error.message).toContain('    /etc/kafka/server.properties');
	});

	it('falls back to the broker host\'s configuration files and says which', () => {
		const found = () => ({zookeeper: 'zk1:2181,zk2:2181', bootstrap: ['10.0.0.1:9092'], usedFiles: ['/usr/local/kafka33/config/server.properties'], tried: []});
		expect(resolveConnection(noFlags, {}, found)).toEqual({
			zookeeper: 'zk1:2181,zk2:2181',
			bootstrap: ['10.0.0.1:9092'],
			origin: 'found in /usr/local/kafka33/config/server.properties',
		});
	});

	it('adds Kafka\'s default port 9092 to a broker given without one', () => {
		expect(resolveConnection({zookeeper: undefined, bootstrap: 'kafka1,kafka2:9093, kafka3 '}, {}).bootstrap).toEqual([
			'kafka1:9092', 'kafka2:9093', 'kafka3:9092',
		]);
	});

	it('keeps IPv6 brokers bracketed', () => {
		expect(resolveConnection({zookeeper: undefined, bootstrap: '[::1],[fe80::2]:9095'}, {}).bootstrap).toEqual([
			'[::1]:9092', '[fe80::2]:9095',
		]);
	});

	it.each([
		['kafka1:99999', 'port 99999 is out of range'],
		['kafka1:0', 'port 0 is out of range'],
		['kafka1:abc', '"kafka1:abc" is not a valid broker address'],
		['kafka1,,kafka2', '"" is not a valid broker address'],
		['PLAINTEXT://kafka1:9092', 'is not a valid broker address'],
	])('refuses the bootstrap address %s with a ConfigError', (bootstrap, message) => {
		const error = configError(() => resolveConnection({zookeeper: undefined, bootstrap}, {}));
		expect(error.message).toContain(message);
	});

	it('refuses a bad bootstrap address from the environment too', () => {
		const error = configError(() => resolveConnection(noFlags, {KTOP_BOOTSTRAP: 'kafka1:70000'}));
		expect(error.message).toContain('port 70000 is out of range');
	});

	it.each([
		['zk:0', 'port 0 is out of range'],
		['zk:2181,zk2:x/kafka', '"zk2:x" is not a valid ZooKeeper server address'],
	])('refuses the ZooKeeper connect string %s with a ConfigError', (zookeeper, message) => {
		const error = configError(() => resolveConnection({zookeeper, bootstrap: undefined}, {}));
		expect(error.message).toContain(message);
	});
});
