import {describe, expect, it} from 'vitest';
import {parseConnectString, parseHostPort} from '../../../source/cluster/zookeeper/connect-string.js';

describe('parseConnectString', () => {
	it('splits the local ensemble\'s connect string into three servers', () => {
		expect(parseConnectString('127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183')).toEqual({
			servers: [
				{host: '127.0.0.1', port: 2181},
				{host: '127.0.0.1', port: 2182},
				{host: '127.0.0.1', port: 2183},
			],
			chroot: undefined,
		});
	});

	it('gives a server without a port ZooKeeper\'s default 2181', () => {
		expect(parseConnectString('zk1,zk2:2182').servers).toEqual([
			{host: 'zk1', port: 2181},
			{host: 'zk2', port: 2182},
		]);
	});

	it('takes the chroot after the last server', () => {
		expect(parseConnectString('a:1,b:2/kafka/prod')).toEqual({
			servers: [{host: 'a', port: 1}, {host: 'b', port: 2}],
			chroot: '/kafka/prod',
		});
	});

	it('drops a trailing slash from the chroot', () => {
		expect(parseConnectString('a:1/kafka/').chroot).toBe('/kafka');
		expect(parseConnectString('a:1/kafka//').chroot).toBe('/kafka');
	});

	it('treats a bare slash as no chroot', () => {
		expect(parseConnectString('a:1/')).toEqual({servers: [{host: 'a', port: 1}], chroot: undefined});
	});

	it('reads IPv6 addresses in brackets, with and without a port', () => {
		expect(parseConnectString('[::1]:2182,[fe80::1%eth0],[2001:db8::7]:2183/kafka')).toEqual({
			servers: [
				{host: '::1', port: 2182},
				{host: 'fe80::1%eth0', port: 2181},
				{host: '2001:db8::7', port: 2183},
			],
			chroot: '/kafka',
		});
	});

	it('ignores spaces around the string and around each server', () => {
		expect(parseConnectString('  a:1 , b:2  ').servers).toEqual([{host: 'a', port: 1}, {host: 'b', port: 2}]);
	});

	it.each(['', '   ', '\t\n'])('refuses the empty connect string %j', connect => {
		expect(() => parseConnectString(connect)).toThrow('the ZooKeeper connect string is empty');
	});

	it.each([
		['a:0', 'port 0 is out of range 1-65535'],
		['a:65536', 'port 65536 is out of range 1-65535'],
		['a:1,b:99999/kafka', 'port 99999 is out of range 1-65535'],
	])('refuses %s for its port', (connect, message) => {
		expect(() => parseConnectString(connect)).toThrow(message);
	});

	it.each([
		['a:x', '"a:x" is not a valid ZooKeeper server address'],
		['a:', '"a:" is not a valid ZooKeeper server address'],
		['a:1,,b:2', '"" is not a valid ZooKeeper server address'],
		['::1:2181', '"::1:2181" is not a valid ZooKeeper server address'],
		['a b:2181', '"a b:2181" is not a valid ZooKeeper server address'],
		['/kafka', '"" is not a valid ZooKeeper server address'],
	])('refuses the malformed %j', (connect, message) => {
		expect(() => parseConnectString(connect)).toThrow(message);
	});
});

describe('parseHostPort', () => {
	it('uses the given default port and names the thing in its errors', () => {
		expect(parseHostPort('kafka1', 9092, 'broker')).toEqual({host: 'kafka1', port: 9092});
		expect(parseHostPort('kafka1:9093', 9092, 'broker')).toEqual({host: 'kafka1', port: 9093});
		expect(() => parseHostPort('kafka1:nine', 9092, 'broker')).toThrow('"kafka1:nine" is not a valid broker address; expected host:port');
	});

	it('accepts the port range\'s edges', () => {
		expect(parseHostPort('h:1', 2181, 'x').port).toBe(1);
		expect(parseHostPort('h:65535', 2181, 'x').port).toBe(65_535);
	});
});
