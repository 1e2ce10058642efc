import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {brokerAddressFrom, connectStringFromZooCfg, discoverConnection} from '../../source/config/discover.js';
import {parseProperties} from '../../source/config/properties.js';

let root: string;

function write(file: string, text: string): void {
	const full = path.join(root, file);
	fs.mkdirSync(path.dirname(full), {recursive: true});
	fs.writeFileSync(full, text);
}

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-discover-'));
});

afterEach(() => {
	fs.rmSync(root, {recursive: true, force: true});
});

// The layout of the seed documents: Kafka unpacked under /usr/local, ZooKeeper beside it.
const serverProperties = `
broker.id=0
############################# Socket Server Settings #############################
listeners=PLAINTEXT://192.168.8.10:9092
log.dirs=/opt/data/kafka/logs
zookeeper.connect=192.168.8.10:2181,192.168.8.20:2181,192.168.8.30:2181
`;

describe('discoverConnection', () => {
	it('reads zookeeper.connect and the listener from /usr/local/kafka*/config/server.properties', () => {
		write('/usr/local/kafka33/config/server.properties', serverProperties);
		const found = discoverConnection({env: {}, root});
		expect(found.zookeeper).toBe('192.168.8.10:2181,192.168.8.20:2181,192.168.8.30:2181');
		expect(found.bootstrap).toEqual(['192.168.8.10:9092']);
		expect(found.usedFiles).toEqual(['/usr/local/kafka33/config/server.properties']);
	});

	it('prefers $KAFKA_HOME over the usual places', () => {
		write('/usr/local/kafka33/config/server.properties', serverProperties);
		write('/srv/kafka/config/server.properties', 'zookeeper.connect=home-zk:2181/kafka\nlisteners=PLAINTEXT://:9092\n');
		const found = discoverConnection({env: {KAFKA_HOME: '/srv/kafka'}, root});
		expect(found.zookeeper).toBe('home-zk:2181/kafka');
		expect(found.bootstrap).toEqual(['127.0.0.1:9092']);
		expect(found.usedFiles).toEqual(['/srv/kafka/config/server.properties']);
	});

	it('falls back to zoo.cfg server lines when no server.properties names ZooKeeper', () => {
		write('/usr/local/zookeeper/conf/zoo.cfg', [
			'tickTime=2000', 'dataDir=/usr/local/zookeeper/data', 'clientPort=2181',
			'server.1=192.168.8.10:3188:3288', 'server.2=192.168.8.20:3188:3288', 'server.3=192.168.8.30:3188:3288',
		].join('\n'));
		const found = discoverConnection({env: {}, root});
		expect(found.zookeeper).toBe('192.168.8.10:2181,192.168.8.20:2181,192.168.8.30:2181');
		expect(found.bootstrap).toBeUndefined();
		expect(found.usedFiles).toEqual(['/usr/local/zookeeper/conf/zoo.cfg']);
	});

	it('lists everything it tried when nothing is there', () => {
		const found = discoverConnection({env: {}, root});
		expect(found.zookeeper).toBeUndefined();
		expect(found.bootstrap).toBeUndefined();
		expect(found.tried).toContain('/etc/kafka/server.properties');
		expect(found.tried).toContain('/etc/zookeeper/conf/zoo.cfg');
	});
});

describe('brokerAddressFrom', () => {
	it('prefers advertised.listeners and a PLAINTEXT listener, mapping names through the protocol map', () => {
		const properties = parseProperties([
			'listeners=INTERNAL://0.0.0.0:9093,EXTERNAL://0.0.0.0:9094',
			'advertised.listeners=INTERNAL://kafka1.internal:9093,EXTERNAL://kafka1.example:9094',
			'listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:SSL',
		].join('\n'));
		expect(brokerAddressFrom(properties)).toEqual(['kafka1.internal:9093']);
	});

	it('is undefined without listeners', () => {
		expect(brokerAddressFrom(parseProperties('broker.id=1'))).toBeUndefined();
	});
});

describe('connectStringFromZooCfg', () => {
	it('uses client addresses on 3.5+ server lines, replacing a wildcard with the quorum host', () => {
		const properties = parseProperties('server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888:participant;0.0.0.0:2182\n');
		expect(connectStringFromZooCfg(properties)).toBe('zk1:2181,zk2:2182');
	});

	it('falls back to the local clientPort for a standalone server', () => {
		expect(connectStringFromZooCfg(parseProperties('clientPort=2181\n'))).toBe('127.0.0.1:2181');
	});
});

describe('parseProperties', () => {
	it('handles comments, colons, spaces and continuations', () => {
		const properties = parseProperties('# c\n! c\na=1\nb: 2\nc 3\nd=x,\\\n  y\n');
		expect([...properties]).toEqual([['a', '1'], ['b', '2'], ['c', '3'], ['d', 'x,y']]);
	});
});
