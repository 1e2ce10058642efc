import {describe, expect, it, vi} from 'vitest';
import {
	parseBrokerRegistration, readBrokerRegistrations, readClusterId, readControllerId,
} from '../../../source/cluster/zookeeper/kafka-znodes.js';
import type {ZkSession} from '../../../source/cluster/zookeeper/session.js';

/** Kafka 3.9.1's registration of broker 2, as written to /brokers/ids/2. */
const broker2 = '{"features":{},"listener_security_protocol_map":{"PLAINTEXT":"PLAINTEXT"},"endpoints":["PLAINTEXT://127.0.0.1:9093"],"rack":"rack-b","jmx_port":-1,"port":9093,"host":"127.0.0.1","version":5,"timestamp":"1763756400000"}';

function registration(id: number, rack: string): string {
	return JSON.stringify({
		features: {},
		listener_security_protocol_map: {PLAINTEXT: 'PLAINTEXT'},
		endpoints: [`PLAINTEXT://127.0.0.1:${9091 + id}`],
		rack,
		jmx_port: -1,
		port: 9091 + id,
		host: '127.0.0.1',
		version: 5,
		timestamp: String(1_763_756_400_000 + id),
	});
}

/** A session over fixed znodes; a path missing from `znodes` does not exist. */
function fakeSession(znodes: Record<string, string>, children: Record<string, string[]> = {}): ZkSession {
	return {
		getChildren: vi.fn(async (path: string) => {
			const found = children[path];
			if (!found) throw new Error(`ZooKeeper read of ${path} failed: -101 no node`);
			return found;
		}),
		getChildrenIfExists: vi.fn(async (path: string) => children[path]),
		getData: vi.fn(async (path: string) => {
			const data = znodes[path];
			return data === undefined ? undefined : {data, ctime: 1, mtime: 2};
		}),
		getConfig: vi.fn(async () => ''),
		onEnd: vi.fn(),
		connected: vi.fn(() => true),
		close: vi.fn(),
	};
}

describe('parseBrokerRegistration', () => {
	it('reads a Kafka 3.9 registration', () => {
		expect(parseBrokerRegistration(2, broker2)).toEqual({
			id: 2,
			endpoints: ['PLAINTEXT://127.0.0.1:9093'],
			securityProtocols: {PLAINTEXT: 'PLAINTEXT'},
			rack: 'rack-b',
			registeredAt: 1_763_756_400_000,
			jmxPort: undefined,
			version: 5,
		});
	});

	it('keeps a real JMX port', () => {
		expect(parseBrokerRegistration(2, broker2.replace('"jmx_port":-1', '"jmx_port":9999')).jmxPort).toBe(9999);
	});

	it('reads several listeners in order', () => {
		const json = broker2.replace('["PLAINTEXT://127.0.0.1:9093"]', '["PLAINTEXT://10.0.0.2:9092","SSL://10.0.0.2:9093"]');
		expect(parseBrokerRegistration(2, json).endpoints).toEqual(['PLAINTEXT://10.0.0.2:9092', 'SSL://10.0.0.2:9093']);
	});

	it('leaves out what a minimal registration lacks (no rack, no timestamp, no version)', () => {
		expect(parseBrokerRegistration(7, '{"endpoints":["PLAINTEXT://h:9092"],"rack":null}')).toEqual({
			id: 7,
			endpoints: ['PLAINTEXT://h:9092'],
			rack: undefined,
			registeredAt: undefined,
			jmxPort: undefined,
			version: undefined,
		});
	});

	it('skips endpoints that are not strings and ignores a non-numeric timestamp', () => {
		const parsed = parseBrokerRegistration(3, '{"endpoints":["PLAINTEXT://h:9092",42,null],"timestamp":"soon"}');
		expect(parsed.endpoints).toEqual(['PLAINTEXT://h:9092']);
		expect(parsed.registeredAt).toBeUndefined();
	});

	it('names the znode when its data is not JSON', () => {
		expect(() => parseBrokerRegistration(4, 'not json at all')).toThrow('/brokers/ids/4 does not hold JSON (not json at all)');
	});
});

describe('readClusterId', () => {
	it('reads the id from /cluster/id', async () => {
		const session = fakeSession({'/cluster/id': '{"version":"1","id":"x6BZb0lrSUaLfWj8x0nV4Q"}'});
		expect(await readClusterId(session)).toBe('x6BZb0lrSUaLfWj8x0nV4Q');
		expect(session.getData).toHaveBeenCalledWith('/cluster/id');
	});

	it('is undefined before Kafka has written one', async () => {
		expect(await readClusterId(fakeSession({}))).toBeUndefined();
	});

	it('names /cluster/id when it does not hold JSON', async () => {
		await expect(readClusterId(fakeSession({'/cluster/id': 'hbase'}))).rejects.toThrow('/cluster/id does not hold JSON');
	});
});

describe('readControllerId', () => {
	it('reads the broker id from /controller', async () => {
		const session = fakeSession({'/controller': '{"version":2,"brokerid":3,"timestamp":"1763756400123","kraftControllerEpoch":-1}'});
		expect(await readControllerId(session)).toBe(3);
		expect(session.getData).toHaveBeenCalledWith('/controller');
	});

	it('is undefined while no broker is controller', async () => {
		expect(await readControllerId(fakeSession({}))).toBeUndefined();
	});

	it('is undefined when brokerid is not a number', async () => {
		expect(await readControllerId(fakeSession({'/controller': '{"version":2,"brokerid":"3"}'}))).toBeUndefined();
	});
});

describe('readBrokerRegistrations', () => {
	it('reads every registered broker, ordered by id', async () => {
		const session = fakeSession({
			'/brokers/ids/1': registration(1, 'rack-a'),
			'/brokers/ids/2': registration(2, 'rack-b'),
			'/brokers/ids/3': registration(3, 'rack-c'),
		}, {'/brokers/ids': ['3', '1', '2']});
		const brokers = await readBrokerRegistrations(session);
		expect(brokers.map(broker => [broker.id, broker.rack, broker.endpoints[0], broker.registeredAt])).toEqual([
			[1, 'rack-a', 'PLAINTEXT://127.0.0.1:9092', 1_763_756_400_001],
			[2, 'rack-b', 'PLAINTEXT://127.0.0.1:9093', 1_763_756_400_002],
			[3, 'rack-c', 'PLAINTEXT://127.0.0.1:9094', 1_763_756_400_003],
		]);
		expect(session.getChildren).toHaveBeenCalledWith('/brokers/ids');
	});

	it('orders ids numerically, not as text', async () => {
		const session = fakeSession({
			'/brokers/ids/9': registration(9, 'r'),
			'/brokers/ids/10': registration(10, 'r'),
			'/brokers/ids/100': registration(100, 'r'),
		}, {'/brokers/ids': ['100', '10', '9']});
		expect((await readBrokerRegistrations(session)).map(broker => broker.id)).toEqual([9, 10, 100]);
	});

	it('skips a broker that left between the listing and the read', async () => {
		const session = fakeSession({
			'/brokers/ids/1': registration(1, 'rack-a'),
			'/brokers/ids/3': registration(3, 'rack-c'),
		}, {'/brokers/ids': ['1', '2', '3']});
		expect((await readBrokerRegistrations(session)).map(broker => broker.id)).toEqual([1, 3]);
		expect(session.getData).toHaveBeenCalledWith('/brokers/ids/2');
	});

	it('returns none when no broker is registered', async () => {
		expect(await readBrokerRegistrations(fakeSession({}, {'/brokers/ids': []}))).toEqual([]);
	});

	it('passes on the session\'s error when /brokers/ids cannot be listed', async () => {
		await expect(readBrokerRegistrations(fakeSession({}))).rejects.toThrow('ZooKeeper read of /brokers/ids failed');
	});
});
