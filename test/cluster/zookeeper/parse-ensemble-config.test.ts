import {describe, expect, it} from 'vitest';
import {parseEnsembleConfig} from '../../../source/cluster/zookeeper/parse-ensemble-config.js';

/** `/zookeeper/config` as the local ensemble (ZooKeeper 3.8) returns it. */
const localEnsemble = [
	'server.1=127.0.0.1:2888:3888:participant;127.0.0.1:2181',
	'server.2=127.0.0.1:2889:3889:participant;127.0.0.1:2182',
	'server.3=127.0.0.1:2890:3890:participant;127.0.0.1:2183',
	'version=100000000',
].join('\n');

describe('parseEnsembleConfig', () => {
	it('reads each participant and its client address, ignoring the version line', () => {
		expect(parseEnsembleConfig(localEnsemble)).toEqual([
			{id: 1, role: 'participant', quorumHost: '127.0.0.1', client: {host: '127.0.0.1', port: 2181}},
			{id: 2, role: 'participant', quorumHost: '127.0.0.1', client: {host: '127.0.0.1', port: 2182}},
			{id: 3, role: 'participant', quorumHost: '127.0.0.1', client: {host: '127.0.0.1', port: 2183}},
		]);
	});

	it('reads observers as observers', () => {
		const members = parseEnsembleConfig(`${localEnsemble}\nserver.4=zk4:2891:3891:observer;zk4:2184`);
		expect(members.map(member => [member.id, member.role])).toEqual([
			[1, 'participant'], [2, 'participant'], [3, 'participant'], [4, 'observer'],
		]);
		expect(members[3]!.client).toEqual({host: 'zk4', port: 2184});
	});

	it('orders members by id, numerically', () => {
		const text = [
			'server.10=h10:2888:3888:participant;h10:2181',
			'server.2=h2:2888:3888:participant;h2:2181',
			'server.1=h1:2888:3888:participant;h1:2181',
		].join('\n');
		expect(parseEnsembleConfig(text).map(member => member.id)).toEqual([1, 2, 10]);
	});

	it.each(['0.0.0.0', '::', '[::]'])('replaces the wildcard client host %s with the quorum host', wildcard => {
		expect(parseEnsembleConfig(`server.1=zk1.example.com:2888:3888:participant;${wildcard}:2181`)).toEqual([
			{id: 1, role: 'participant', quorumHost: 'zk1.example.com', client: {host: 'zk1.example.com', port: 2181}},
		]);
	});

	it('takes the quorum host for a client part that is only a port', () => {
		expect(parseEnsembleConfig('server.1=zk1:2888:3888:participant;2181')[0]!.client).toEqual({host: 'zk1', port: 2181});
	});

	it('leaves the client undefined for a line without a client address', () => {
		expect(parseEnsembleConfig('server.1=zk1:2888:3888\nserver.2=zk2:2888:3888:participant')).toEqual([
			{id: 1, role: 'participant', quorumHost: 'zk1', client: undefined},
			{id: 2, role: 'participant', quorumHost: 'zk2', client: undefined},
		]);
	});

	it('leaves the client undefined when its port is not a port', () => {
		const text = 'server.1=zk1:2888:3888:participant;zk1:0\nserver.2=zk2:2888:3888:participant;zk2:abc';
		expect(parseEnsembleConfig(text).map(member => member.client)).toEqual([undefined, undefined]);
	});

	it('reads CRLF line endings and skips blank and foreign lines', () => {
		const text = `\r\n# comment\r\n${localEnsemble.replaceAll('\n', '\r\n')}\r\nclientPort=2181\r\n`;
		expect(parseEnsembleConfig(text).map(member => member.client?.port)).toEqual([2181, 2182, 2183]);
	});

	it('reads the classic lines ZooKeeper 3.8 shows for a zoo.cfg with clientPort= and no client addresses', () => {
		// Read from the local ensemble started with KTOP_ZK_CLASSIC_CONFIG=1.
		const text = 'server.1=127.0.0.1:3091:4091:participant\nserver.2=127.0.0.1:3092:4092:participant\nserver.3=127.0.0.1:3093:4093:participant\nversion=0';
		expect(parseEnsembleConfig(text).map(member => [member.id, member.role, member.client])).toEqual([
			[1, 'participant', undefined], [2, 'participant', undefined], [3, 'participant', undefined],
		]);
	});

	it('returns no members for an empty config', () => {
		expect(parseEnsembleConfig('')).toEqual([]);
	});
});
