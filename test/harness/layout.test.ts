import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {portsFromEnv, repoRoot} from '../../cluster/layout.js';

const variable = 'KTOP_TEST_PORTS';
const defaults = [2181, 2182, 2183];

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('portsFromEnv', () => {
	it('returns the defaults when the variable is not set', () => {
		vi.stubEnv(variable, undefined);
		expect(portsFromEnv(variable, defaults)).toEqual([2181, 2182, 2183]);
	});

	it('returns the defaults when the variable is empty', () => {
		vi.stubEnv(variable, '');
		expect(portsFromEnv(variable, defaults)).toEqual([2181, 2182, 2183]);
	});

	it('reads an override, allowing spaces around each port', () => {
		vi.stubEnv(variable, '12181, 12182 ,12183');
		expect(portsFromEnv(variable, defaults)).toEqual([12_181, 12_182, 12_183]);
	});

	it('reads a single-port override', () => {
		vi.stubEnv(variable, '18183');
		expect(portsFromEnv(variable, [8183])).toEqual([18_183]);
	});

	it.each(['12181,12182', '1,2,3,4', '12181,12182,12183,'])('refuses %s for having the wrong count', raw => {
		vi.stubEnv(variable, raw);
		expect(() => portsFromEnv(variable, defaults)).toThrow(`${variable}=${raw}: expected 3 comma-separated ports, e.g. 2181,2182,2183`);
	});

	it.each(['a,b,c', '2181,two,2183', '2181,,2183'])('refuses the non-numeric %s', raw => {
		vi.stubEnv(variable, raw);
		expect(() => portsFromEnv(variable, defaults)).toThrow(`${variable}=${raw}: expected 3 comma-separated ports`);
	});

	it.each(['0,2182,2183', '2181,2182,65536', '-1,2182,2183'])('refuses the out-of-range %s', raw => {
		vi.stubEnv(variable, raw);
		expect(() => portsFromEnv(variable, defaults)).toThrow(`${variable}=${raw}`);
	});
});

describe('secureLayout', () => {
	const load = async () => {
		vi.resetModules();
		return (await import('../../cluster/layout.js')).secureLayout;
	};

	it('takes its ports and folder from the KTOP_SECURE_* variables', async () => {
		vi.stubEnv('KTOP_SECURE_CLUSTER_DIR', '/tmp/ktop-secure-layout');
		vi.stubEnv('KTOP_SECURE_ZK_PORT', '12191');
		vi.stubEnv('KTOP_SECURE_ZK_ADMIN_PORT', '18191');
		vi.stubEnv('KTOP_SECURE_SCRAM_PORTS', '19192,19193');
		vi.stubEnv('KTOP_SECURE_MTLS_PORTS', '19292,19293');
		vi.stubEnv('KTOP_SECURE_PLAIN_PORTS', '19392,19393');
		const layout = await load();
		expect(layout.zookeeperConnect).toBe('127.0.0.1:12191');
		expect(layout.zkNodes[0]).toMatchObject({name: 'zk1', clientPort: 12_191, adminPort: 18_191, quorumPort: undefined, home: '/tmp/ktop-secure-layout'});
		expect(layout.kafkaNodes.map(node => [node.name, node.port, node.listeners])).toEqual([
			['kafka1', 19_192, {scram: 19_192, mtls: 19_292, plain: 19_392}],
			['kafka2', 19_193, {scram: 19_193, mtls: 19_293, plain: 19_393}],
		]);
		expect(layout.bootstrap.mtls).toEqual(['127.0.0.1:19292', '127.0.0.1:19293']);
		expect(layout.files.scramProperties).toBe('/tmp/ktop-secure-layout/client-scram.properties');
		expect(layout.tls.truststore).toBe('/tmp/ktop-secure-layout/tls/truststore.p12');
	});

	it('defaults to .cluster-secure and the ports the README lists', async () => {
		for (const name of ['KTOP_SECURE_CLUSTER_DIR', 'KTOP_SECURE_ZK_PORT', 'KTOP_SECURE_ZK_ADMIN_PORT', 'KTOP_SECURE_SCRAM_PORTS', 'KTOP_SECURE_MTLS_PORTS', 'KTOP_SECURE_PLAIN_PORTS']) vi.stubEnv(name, undefined);
		const layout = await load();
		expect(layout.home).toBe(path.join(repoRoot, '.cluster-secure'));
		expect(layout.ports).toEqual({zookeeper: 2191, zookeeperAdmin: 8191, scram: [9192, 9193], mtls: [9292, 9293], plain: [9392, 9393]});
	});

	it.each([['KTOP_SECURE_SCRAM_PORTS', '9192', 'expected 2 comma-separated ports, e.g. 9192,9193'], ['KTOP_SECURE_ZK_PORT', '2191,2192', 'expected 1 comma-separated ports, e.g. 2191']])('refuses %s=%s', async (variable, raw, message) => {
		vi.stubEnv(variable, raw);
		await expect(load()).rejects.toThrow(`${variable}=${raw}: ${message}`);
	});
});
