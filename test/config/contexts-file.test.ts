import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConfigError} from '../../source/config/config-error.js';
import {contextsFilePath, findContext, loadContexts, readContextsFile} from '../../source/config/contexts-file.js';

let folder: string;
beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'ktop-contexts-'));
});
afterEach(() => {
	rmSync(folder, {recursive: true, force: true});
});

function write(text: string, name = 'config.yaml', mode = 0o600): string {
	const file = path.join(folder, name);
	writeFileSync(file, text);
	chmodSync(file, mode);
	return file;
}

function failure(text: string): string {
	const file = write(text);
	try {
		readContextsFile(file);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}

	throw new Error('expected a ConfigError');
}

const sample = `current-context: local
contexts:
  local:
    zookeeper: 127.0.0.1:2181,127.0.0.1:2182/kafka
    bootstrap: 127.0.0.1:9092,127.0.0.1:9093
  secure-scram:
    zookeeper: 127.0.0.1:2191
    zookeeper-auth: digest:ktop:ktop-secret
    bootstrap: [127.0.0.1:9192, "127.0.0.1:9193"]
    command-config: client-scram.properties
    properties: {ssl.endpoint.identification.algorithm: "", retries: 3, ssl.check: true, empty:}
    read-only: true
    interval: 5
`;

describe('the contexts config file', () => {
	it('reads the contract\'s format: connect string with chroot, lists or comma lists, auth, paths relative to the file, properties, read-only, interval', () => {
		const file = write(sample);
		const read = readContextsFile(file);
		expect(read.currentContext).toBe('local');
		expect(read.contexts.map(context => context.name)).toEqual(['local', 'secure-scram']);
		const [local, secure] = read.contexts;
		expect(local).toMatchObject({zookeeper: '127.0.0.1:2181,127.0.0.1:2182/kafka', bootstrap: ['127.0.0.1:9092', '127.0.0.1:9093'], readOnly: false, interval: undefined, commandConfig: undefined});
		expect(secure).toMatchObject({
			zookeeper: '127.0.0.1:2191',
			zookeeperAuth: [{scheme: 'digest', auth: 'ktop:ktop-secret'}],
			bootstrap: ['127.0.0.1:9192', '127.0.0.1:9193'],
			commandConfig: path.join(folder, 'client-scram.properties'),
			readOnly: true,
			interval: 5,
		});
		expect([...secure!.properties]).toEqual([['ssl.endpoint.identification.algorithm', ''], ['retries', '3'], ['ssl.check', 'true'], ['empty', '']]);
		expect(read.warnings).toEqual([]);
	});

	it('an empty file has no contexts', () => {
		expect(readContextsFile(write('')).contexts).toEqual([]);
		expect(readContextsFile(write('# only a comment\n')).contexts).toEqual([]);
	});

	it('names an unknown key with its line, column and the key it is likely a typo of', () => {
		const message = failure('contexts:\n  prod:\n    zookeeper: zk:2181\n    bootsrap: k:9092\n');
		expect(message).toContain(`${path.join(folder, 'config.yaml')}:4:5: contexts.prod.bootsrap: unknown key; did you mean "bootstrap"?`);
		expect(message).toContain('known keys: zookeeper, zookeeper-auth, bootstrap, command-config, properties, read-only, interval');
		expect(failure('current-contxt: prod\ncontexts: {}\n')).toContain(':1:1: current-contxt: unknown key; did you mean "current-context"?');
	});

	it('refuses wrong types, naming the key and what it expects', () => {
		expect(failure('contexts:\n  a:\n    zookeeper: zk:2181\n    read-only: yes\n')).toMatch(/:4:16: contexts\.a\.read-only: expected true or false, got "yes"$/);
		expect(failure('contexts:\n  a:\n    zookeeper: zk:2181\n    interval: 0.1\n')).toContain(':4:15: contexts.a.interval: expected a number of seconds from 0.5 to 3600, got the number 0.1');
		expect(failure('contexts:\n  a:\n    zookeeper: zk:2181\n    interval: fast\n')).toContain('contexts.a.interval: expected a number of seconds from 0.5 to 3600, got "fast"');
		expect(failure('contexts:\n  a:\n    zookeeper: [zk:2181]\n')).toContain(':3:16: contexts.a.zookeeper: expected non-empty text, got a list');
		expect(failure('contexts:\n  a:\n    zookeeper: zk:99999\n')).toContain('contexts.a.zookeeper: "zk:99999": port 99999 is out of range 1-65535');
		expect(failure('contexts:\n  a:\n    bootstrap: [k:9092, "bad host"]\n')).toContain(':3:25: contexts.a.bootstrap: "bad host" is not a valid broker address');
		expect(failure('contexts:\n  a:\n    bootstrap: []\n')).toContain('contexts.a.bootstrap: the list is empty');
		expect(failure('contexts:\n  a:\n    properties: [a, b]\n')).toContain('contexts.a.properties: expected a mapping of Kafka client properties');
		expect(failure('contexts:\n  a:\n    properties: {sasl.jaas.config: [x]}\n')).toContain('contexts.a.properties.sasl.jaas.config: expected a single value');
		expect(failure('contexts:\n  a: zk:2181\n')).toContain(':2:6: contexts.a: expected a mapping with some of zookeeper');
		expect(failure('contexts:\n  a:\n')).toContain(':2:3: contexts.a: has no settings: give it zookeeper and/or bootstrap');
		expect(failure('contexts: [a, b]\n')).toContain('contexts: expected a mapping of context names to their settings');
		expect(failure('- a\n- b\n')).toContain('(top level): expected a mapping with current-context and contexts');
		expect(failure('current-context: 3\ncontexts: {}\n')).toContain('current-context: expected non-empty text, got the number 3');
	});

	it('refuses a malformed zookeeper-auth without quoting it (it holds the password)', () => {
		const message = failure('contexts:\n  a:\n    zookeeper: zk:2181\n    zookeeper-auth: digestonly-s3cret\n');
		expect(message).toContain(':4:21: contexts.a.zookeeper-auth: expected scheme:auth, e.g. digest:user:password');
		expect(message).not.toContain('s3cret');
	});

	it('reports YAML syntax errors and duplicate keys with their place, never quoting the line', () => {
		const duplicate = failure('contexts:\n  a: {zookeeper: zk:2181}\n  a: {zookeeper: zk:2182}\n');
		expect(duplicate).toContain(':3:3: not valid YAML: Map keys must be unique');
		const broken = failure('contexts:\n  a:\n    zookeeper-auth: "digest:u:s3cret\n');
		expect(broken).toMatch(/config\.yaml:\d+:\d+: not valid YAML: /);
		expect(broken).not.toContain('s3cret');
	});

	it('a current-context that is not defined is named with the contexts there are', () => {
		expect(failure('current-context: prdo\ncontexts:\n  prod: {zookeeper: zk:2181}\n  dev: {zookeeper: zk:2182}\n'))
			.toContain(':1:18: current-context: "prdo" is not a context in this file; contexts: prod, dev');
	});

	it('an unknown context name lists the known ones and suggests the nearest', () => {
		const read = readContextsFile(write(sample));
		expect(() => findContext(read, 'locl')).toThrow(`no context "locl" in ${path.join(folder, 'config.yaml')}; did you mean "local"? contexts: local, secure-scram`);
		expect(findContext(read, 'local').name).toBe('local');
	});

	it('warns when a file others can read holds secrets, naming the contexts, never the secret', () => {
		const exposed = readContextsFile(write(sample, 'open.yaml', 0o644));
		expect(exposed.warnings).toHaveLength(1);
		expect(exposed.warnings[0]).toContain('holds secrets (contexts secure-scram) and others can access it (mode 644): chmod 600');
		expect(exposed.warnings[0]).not.toContain('ktop-secret');
		const password = readContextsFile(write('contexts:\n  a: {bootstrap: k:9092, properties: {ssl.truststore.password: pw}}\n', 'pw.yaml', 0o640));
		expect(password.warnings[0]).toContain('contexts a');
		expect(readContextsFile(write('contexts:\n  a: {bootstrap: k:9092}\n', 'plain.yaml', 0o644)).warnings).toEqual([]);
	});
});

describe('where the config file is', () => {
	it('KTOP_CONFIG, else $XDG_CONFIG_HOME/ktop/config.yaml, else ~/.config/ktop/config.yaml', () => {
		const home = () => '/home/op';
		expect(contextsFilePath({KTOP_CONFIG: 'x.yaml', XDG_CONFIG_HOME: '/xdg'}, home)).toEqual({file: path.resolve('x.yaml'), explicit: true});
		expect(contextsFilePath({XDG_CONFIG_HOME: '/xdg'}, home)).toEqual({file: '/xdg/ktop/config.yaml', explicit: false});
		expect(contextsFilePath({XDG_CONFIG_HOME: 'relative'}, home)).toEqual({file: '/home/op/.config/ktop/config.yaml', explicit: false});
		expect(contextsFilePath({}, home)).toEqual({file: '/home/op/.config/ktop/config.yaml', explicit: false});
	});

	it('a missing default file is no contexts; a missing KTOP_CONFIG file is an error naming it', () => {
		expect(loadContexts({XDG_CONFIG_HOME: folder})).toBeUndefined();
		const missing = path.join(folder, 'nope.yaml');
		expect(() => loadContexts({KTOP_CONFIG: missing})).toThrow(`KTOP_CONFIG names ${missing}, which does not exist`);
		write(sample, 'ktop/config.yaml'.replace('ktop/', ''));
		expect(loadContexts({KTOP_CONFIG: path.join(folder, 'config.yaml')})?.contexts).toHaveLength(2);
	});
});
