import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveTarget} from '../../source/config/connection.js';
import {contextSwitcher} from '../../source/config/context-switcher.js';
import {readContextsFile} from '../../source/config/contexts-file.js';

let folder: string;
let file: string;
beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'ktop-ctx-'));
	writeFileSync(path.join(folder, 'client.properties'), 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="alice-secret";\nbootstrap.servers=fromfile:9392\n');
	writeFileSync(path.join(folder, 'other.properties'), 'security.protocol=PLAINTEXT\n');
	file = path.join(folder, 'config.yaml');
	writeFileSync(file, `current-context: local
contexts:
  local:
    zookeeper: 127.0.0.1:2181/kafka
    bootstrap: 127.0.0.1:9092
  prod:
    zookeeper: zk1:2181
    zookeeper-auth: digest:ktop:zk-secret
    command-config: client.properties
    properties: {sasl.mechanism: SCRAM-SHA-512}
    read-only: true
    interval: 7
  brokers-only:
    command-config: client.properties
  nowhere:
    properties: {security.protocol: PLAINTEXT}
`);
	chmodSync(file, 0o600);
});
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

const none = {zookeeper: undefined, bootstrap: undefined};
const load = () => readContextsFile(file);
const noDiscovery = () => {
	throw new Error('broker-host discovery must not run when a context applies');
};

describe('a context and the flags', () => {
	it('--context gives every value of the context: addresses, ZooKeeper auth, security from its file and inline properties, read-only, interval', () => {
		const {connection, interval} = resolveTarget({...none, context: 'prod'}, {}, noDiscovery, load);
		expect(connection).toMatchObject({
			zookeeper: 'zk1:2181',
			bootstrap: ['fromfile:9392'],
			zookeeperAuth: [{scheme: 'digest', auth: 'ktop:zk-secret'}],
			context: {name: 'prod', readOnly: true},
		});
		expect(connection.security).toMatchObject({protocol: 'SASL_PLAINTEXT', sasl: {mechanism: 'SCRAM-SHA-512', username: 'alice'}});
		expect(connection.origin).toBeUndefined();
		expect(interval).toBe(7);
	});

	it('-z and -b override the context\'s addresses; --context beats KTOP_ZOOKEEPER / KTOP_BOOTSTRAP', () => {
		const env = {KTOP_ZOOKEEPER: 'envzk:2181', KTOP_BOOTSTRAP: 'envkafka:9092'};
		expect(resolveTarget({...none, context: 'local'}, env, noDiscovery, load).connection).toMatchObject({zookeeper: '127.0.0.1:2181/kafka', bootstrap: ['127.0.0.1:9092']});
		const {connection} = resolveTarget({zookeeper: 'other:2181', bootstrap: 'other:9093', context: 'local'}, env, noDiscovery, load);
		expect(connection).toMatchObject({zookeeper: 'other:2181', bootstrap: ['other:9093'], context: {name: 'local', readOnly: false}});
	});

	it('--command-config replaces the context\'s client properties (file and inline); -X overrides single ones on top', () => {
		const replaced = resolveTarget({...none, context: 'prod', commandConfig: path.join(folder, 'other.properties')}, {}, noDiscovery, load).connection;
		expect(replaced.security).toMatchObject({protocol: 'PLAINTEXT', sasl: undefined});
		// Without bootstrap.servers in the new file, and none in the context, the brokers come from ZooKeeper.
		expect(replaced.bootstrap).toBeUndefined();
		const overridden = resolveTarget({...none, context: 'prod', property: ['sasl.mechanism=SCRAM-SHA-256']}, {}, noDiscovery, load).connection;
		expect(overridden.security).toMatchObject({protocol: 'SASL_PLAINTEXT', sasl: {mechanism: 'SCRAM-SHA-256'}});
		expect(() => resolveTarget({...none, context: 'prod', property: ['sasl.mechanism']}, {}, noDiscovery, load)).toThrow('-X sasl.mechanism: expected -X key=value');
	});

	it('a read-only context stays read-only: no flag makes it writable', () => {
		for (const flags of [{...none, context: 'prod'}, {zookeeper: 'zk:2181', bootstrap: 'k:9092', context: 'prod', commandConfig: path.join(folder, 'other.properties')}]) {
			expect(resolveTarget(flags, {}, noDiscovery, load).connection.context).toEqual({name: 'prod', readOnly: true});
		}

		const switched = contextSwitcher({readOnly: false, intervalSeconds: undefined, env: {KTOP_CONFIG: file}}).choose('prod');
		expect(switched.readOnly).toBe(true);
		expect(contextSwitcher({readOnly: true, intervalSeconds: undefined, env: {KTOP_CONFIG: file}}).choose('local').readOnly).toBe(true);
		expect(contextSwitcher({readOnly: false, intervalSeconds: undefined, env: {KTOP_CONFIG: file}}).choose('local').readOnly).toBe(false);
	});

	it('a switch takes the context as --context alone gives it, with --interval still winning over the context\'s', () => {
		const env = {KTOP_CONFIG: file};
		expect(contextSwitcher({readOnly: false, intervalSeconds: undefined, env}).choose('prod').intervalMs).toBe(7000);
		expect(contextSwitcher({readOnly: false, intervalSeconds: 3, env}).choose('prod').intervalMs).toBe(3000);
		expect(contextSwitcher({readOnly: false, intervalSeconds: undefined, env}).choose('local').intervalMs).toBe(2000);
		expect(() => contextSwitcher({readOnly: false, intervalSeconds: undefined, env}).choose('lcoal')).toThrow('no context "lcoal"');
		expect(contextSwitcher({readOnly: false, intervalSeconds: undefined, env}).list().contexts.map(context => [context.name, context.protocol, context.current]))
			.toEqual([['local', 'PLAINTEXT', true], ['prod', 'SASL_PLAINTEXT', false], ['brokers-only', 'SASL_PLAINTEXT', false], ['nowhere', 'PLAINTEXT', false]]);
	});

	it('brokers from bootstrap.servers in the context\'s properties when it gives no bootstrap', () => {
		expect(resolveTarget({...none, context: 'brokers-only'}, {}, noDiscovery, load).connection).toMatchObject({zookeeper: undefined, bootstrap: ['fromfile:9392']});
	});

	it('a context that says where no cluster is, an unknown context, and a missing file are errors that say what to do', () => {
		expect(() => resolveTarget({...none, context: 'nowhere'}, {}, noDiscovery, load)).toThrow(`context "nowhere" (${file}) says where no cluster is: give it zookeeper or bootstrap`);
		expect(() => resolveTarget({...none, context: 'staging'}, {}, noDiscovery, load)).toThrow('no context "staging" in');
		expect(() => resolveTarget({...none, context: 'staging'}, {XDG_CONFIG_HOME: folder, HOME: folder}, noDiscovery, () => undefined))
			.toThrow('--context staging: there is no config file at');
	});
});

describe('current-context', () => {
	it('is used when no -z, -b, env, --command-config or -X says where the cluster is, before broker-host discovery, and says so', () => {
		const {connection} = resolveTarget(none, {}, noDiscovery, load);
		expect(connection).toMatchObject({zookeeper: '127.0.0.1:2181/kafka', context: {name: 'local', readOnly: false}});
		expect(connection.origin).toBe(`from context local (current-context of ${file})`);
	});

	it('is not used when anything else names the cluster', () => {
		const discovered = () => ({zookeeper: 'found:2181', bootstrap: undefined, usedFiles: ['/etc/kafka/server.properties'], tried: []});
		const unused = () => {
			throw new Error('the config file must not be read');
		};

		expect(resolveTarget({zookeeper: 'flag:2181', bootstrap: undefined}, {}, discovered, unused).connection).toEqual({zookeeper: 'flag:2181', bootstrap: undefined});
		expect(resolveTarget(none, {KTOP_BOOTSTRAP: 'env:9092'}, discovered, unused).connection).toEqual({zookeeper: undefined, bootstrap: ['env:9092']});
		expect(resolveTarget(none, {KTOP_COMMAND_CONFIG: path.join(folder, 'other.properties')}, discovered, unused).connection.context).toBeUndefined();
		expect(resolveTarget({...none, property: ['security.protocol=SSL']}, {}, discovered, unused).connection.context).toBeUndefined();
		// No current-context: discovery as before.
		const noCurrent = () => ({...load(), currentContext: undefined});
		expect(resolveTarget(none, {}, discovered, noCurrent).connection).toMatchObject({zookeeper: 'found:2181', origin: 'found in /etc/kafka/server.properties'});
	});
});
