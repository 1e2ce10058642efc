import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers, zookeeperConnect} from '../../cluster/layout.js';
import {ktop} from '../helpers/run-ktop.js';

/**
`--context` and current-context against the real plain cluster, from a config file written for
the test (KTOP_CONFIG): the same snapshot as -z gives, the context's name on it, the flags'
precedence, and no secret of the file in any output.
*/
let folder: string;
let config: string;
const secret = 'zk-pa55word-never-shown';
const env = () => ({KTOP_CONFIG: config, KTOP_ZOOKEEPER: '', KTOP_BOOTSTRAP: ''});

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'ktop-contexts-it-'));
	config = path.join(folder, 'config.yaml');
	writeFileSync(config, `current-context: local
contexts:
  local:
    zookeeper: ${zookeeperConnect}
  brokers:
    bootstrap: ${bootstrapServers.join(',')}
    read-only: true
    interval: 1
  guarded:
    zookeeper: ${zookeeperConnect}
    zookeeper-auth: digest:ktop:${secret}
    properties: {security.protocol: PLAINTEXT}
  nowhere:
    zookeeper: 127.0.0.1:1
    bootstrap: 127.0.0.1:1
`);
	chmodSync(config, 0o644);
});

afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

describe('ktop --context against the real cluster', () => {
	it('snapshot --context local reads the plain cluster: its three ZooKeeper servers, brokers and controller', async () => {
		const result = await ktop(['snapshot', '--context', 'local', '--json'], env());
		// Only the file's own warning (it holds a secret and is mode 644); an explicit context needs no "connection from".
		expect(result.stderr).toBe(`ktop: warning: ${config} holds secrets (contexts guarded) and others can access it (mode 644): chmod 600 ${config}\n`);
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as {zookeeper: {servers: unknown[]}; brokers: Array<{id: number; reachable: boolean}>; controller: {brokerId: number} | null; connection: {context: string | null; readOnly: boolean | null}};
		expect(snapshot.connection).toMatchObject({context: 'local', readOnly: false});
		expect(snapshot.zookeeper.servers).toHaveLength(3);
		expect(snapshot.brokers.filter(broker => broker.reachable).map(broker => broker.id).sort()).toEqual([1, 2, 3]);
		expect(snapshot.controller?.brokerId).toBeGreaterThan(0);
	});

	it('without any flag, current-context is used before broker-host discovery, and ktop says so', async () => {
		const result = await ktop(['check'], env());
		expect(result.stderr).toContain(`ktop: connection from context local (current-context of ${config})`);
		expect(result.stdout).toMatch(/KTOP (OK|WARNING|CRITICAL)/);
	});

	it('a context with only brokers finds ZooKeeper from them; -z overrides a context\'s unreachable address', async () => {
		const brokers = await ktop(['snapshot', '--context', 'brokers', '--json'], env());
		expect(brokers.code).toBe(0);
		expect((JSON.parse(brokers.stdout) as {zookeeper: {servers: unknown[]}}).zookeeper.servers).toHaveLength(3);
		const overridden = await ktop(['snapshot', '--context', 'nowhere', '-z', zookeeperConnect, '-b', bootstrapServers[0]!, '--json'], env());
		expect(overridden.code).toBe(0);
		const nowhere = await ktop(['snapshot', '--context', 'nowhere'], env());
		expect(nowhere.code).toBe(3);
	});

	it('an unknown context is a usage error listing the known ones (2, and 64 for check), before any connection', async () => {
		const snapshot = await ktop(['snapshot', '--context', 'lcoal'], env());
		expect(snapshot.code).toBe(2);
		expect(snapshot.stderr).toBe(`ktop: no context "lcoal" in ${config}; did you mean "local"? contexts: local, brokers, guarded, nowhere\n`);
		expect((await ktop(['check', '--context', 'lcoal'], env())).code).toBe(64);
		const missing = await ktop(['snapshot', '--context', 'local'], {...env(), KTOP_CONFIG: path.join(folder, 'missing.yaml')});
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('KTOP_CONFIG names');
	});

	it('a typo in the file is named with its line, even for another context than the one used', async () => {
		const typo = path.join(folder, 'typo.yaml');
		writeFileSync(typo, `contexts:\n  local:\n    zookeeper: ${zookeeperConnect}\n  other:\n    bootsrap: 127.0.0.1:9092\n`);
		const result = await ktop(['snapshot', '--context', 'local'], {...env(), KTOP_CONFIG: typo});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`${typo}:5:5: contexts.other.bootsrap: unknown key; did you mean "bootstrap"?`);
	});

	it('ktop contexts lists every context without a secret, and warns that others can read a file holding one', async () => {
		const result = await ktop(['contexts'], env());
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^\*\s+local\s+127\.0\.0\.1:\d+/m);
		expect(result.stdout).toMatch(/^\s+brokers\s+-\s+127\.0\.0\.1:\d+,.*\s+PLAINTEXT\s+-\s+yes\s+1s$/m);
		expect(result.stdout).toMatch(/^\s+guarded\s+.*\s+PLAINTEXT\s+digest\s+no\s+-$/m);
		expect(result.stderr).toContain(`ktop: warning: ${config} holds secrets (contexts guarded) and others can access it (mode 644): chmod 600 ${config}`);
		const json = await ktop(['contexts', '--json'], env());
		expect((JSON.parse(json.stdout) as {contexts: Array<{name: string}>}).contexts.map(context => context.name)).toEqual(['local', 'brokers', 'guarded', 'nowhere']);
		const snapshot = await ktop(['snapshot', '--context', 'guarded', '--json'], env());
		for (const output of [result.stdout, result.stderr, json.stdout, json.stderr, snapshot.stdout, snapshot.stderr]) expect(output).not.toContain(secret);
	});
});
