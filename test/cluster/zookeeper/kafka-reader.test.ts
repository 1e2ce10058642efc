import {afterEach, describe, expect, it, vi} from 'vitest';
import {createKafkaReader, type KafkaReader, type KafkaReaderOptions} from '../../../source/cluster/zookeeper/kafka-reader.js';
import {addTopic, fakeKafka, stateJson} from './fake-kafka.js';
import type {FakeSession, FakeZooKeeper} from './fake-zookeeper.js';

const readers: KafkaReader[] = [];
afterEach(() => {
	for (const reader of readers.splice(0)) reader.close();
});

/** A reader over `tree`, keeping every session it opened. */
function reader(tree: FakeZooKeeper, options: Omit<KafkaReaderOptions, 'openSession'> & {open?: () => Promise<FakeSession>} = {}) {
	const sessions: FakeSession[] = [];
	const open = vi.fn(options.open ?? (async () => tree.openSession()));
	const created = createKafkaReader('127.0.0.1:2181', {
		...options,
		async openSession() {
			const session = await open();
			sessions.push(session);
			return session;
		},
	});
	readers.push(created);
	return {reader: created, sessions, open};
}

/** A promise that never settles, and a way to end it. */
function hold(): {promise: Promise<void>; release: () => void} {
	let release: () => void = () => undefined;
	const promise = new Promise<void>(resolve => {
		release = resolve;
	});
	return {promise, release};
}

describe('createKafkaReader', () => {
	it('reads everything first, then only what changed', async () => {
		const tree = fakeKafka({orders: {partitions: 6}});
		const {reader: kafka} = reader(tree);
		const first = await kafka.read();
		expect(first.fullRead).toBe(true);
		expect(first.znodesRead).toBe(9 + 3 + 2 + 6);
		expect(first.kafka?.topics[0]?.states).toHaveLength(6);
		expect(first.ensembleConfig).toBe(tree.config);

		const second = await kafka.read();
		expect([second.fullRead, second.znodesRead, second.errors]).toEqual([false, 0, []]);
		expect(second.kafka).toEqual(first.kafka);

		tree.set('/brokers/topics/orders/partitions/3/state', stateJson(2, [2, 3]));
		const third = await kafka.read();
		expect([third.fullRead, third.znodesRead]).toEqual([false, 1]);
		expect(third.kafka?.topics[0]?.states[3]?.isr).toEqual([2, 3]);
	});

	it('does not vouch for its cache while the session is disconnected (a refused session); past the session timeout it opens a new one', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const {reader: kafka, sessions} = reader(tree, {sessionTimeoutMs: 60_000, readTimeoutMs: 3000});
		expect((await kafka.read()).kafka).toBeDefined();
		// The server refuses the session ("has seen zxid …"): the client keeps reconnecting, no watch fires.
		sessions[0]!.away = Date.now();
		const away = await kafka.read();
		expect(away.kafka).toBeUndefined();
		expect(away.errors).toEqual([{source: 'zookeeper', message: expect.stringMatching(/^not connected to ZooKeeper since .*: the client is reconnecting/)}]);
		expect(sessions).toHaveLength(1);

		sessions[0]!.away = Date.now() - 61_000;
		const renewed = await kafka.read();
		expect(sessions).toHaveLength(2);
		expect(sessions[0]!.closed).toBe(true);
		expect([renewed.fullRead, renewed.errors, renewed.kafka?.topics[0]?.states.length]).toEqual([true, [], 3]);
	});

	it('after the session expires, opens a new one, drops the cache and reads everything again', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const {reader: kafka, sessions} = reader(tree);
		await kafka.read();
		sessions[0]!.expire();
		// Changes while no session watched: only a full read can see them.
		addTopic(tree, 'while-expired', {partitions: 2});

		tree.reads.length = 0;
		const after = await kafka.read();
		expect(sessions).toHaveLength(2);
		expect(sessions[0]!.closed).toBe(true);
		expect(after.fullRead).toBe(true);
		expect(after.errors).toEqual([]);
		expect(after.znodesRead).toBe(9 + 3 + 4 + 5);
		expect(tree.reads).toHaveLength(after.znodesRead);
		expect(after.kafka?.topics.map(topic => topic.name)).toEqual(['orders', 'while-expired']);

		// The new session's watches work as the old ones did.
		expect((await kafka.read()).znodesRead).toBe(0);
		tree.set('/brokers/topics/orders/partitions/0/state', stateJson(3, [3]));
		expect((await kafka.read()).znodesRead).toBe(1);
	});

	it('retries on a new session, within the same read, when the session expires under it', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const {reader: kafka, sessions} = reader(tree);
		await kafka.read();
		tree.set('/controller', '{"version":2,"brokerid":1,"timestamp":"1"}');

		const held = hold();
		tree.gate = held.promise;
		const pending = kafka.read();
		await vi.waitFor(() => {
			expect(tree.inFlight).toBeGreaterThan(0);
		});
		sessions[0]!.expire();
		tree.gate = undefined;
		held.release();

		const result = await pending;
		expect(result.errors).toEqual([]);
		expect(result.fullRead).toBe(true);
		expect(result.kafka?.controller?.brokerId).toBe(1);
		expect(sessions).toHaveLength(2);
	});

	it('treats a read failing with SESSIONEXPIRED (-112) as the end of the session', async () => {
		const tree = fakeKafka({orders: {partitions: 1}});
		const {reader: kafka, sessions} = reader(tree);
		await kafka.read();
		// The server says so on a read before any close event arrives.
		sessions[0]!.expired = true;
		tree.set('/controller', '{"version":2,"brokerid":3,"timestamp":"1"}');
		const result = await kafka.read();
		expect(result.errors).toEqual([]);
		expect(result.kafka?.controller?.brokerId).toBe(3);
		expect(sessions).toHaveLength(2);
	});

	it('reports a session that cannot be opened as an error, never a throw, and tries again next time', async () => {
		const tree = fakeKafka();
		let fail = true;
		const {reader: kafka, open} = reader(tree, {
			async open() {
				if (fail) throw new Error('could not open a ZooKeeper session with 127.0.0.1:2181 within 5 s');
				return tree.openSession();
			},
		});
		expect(await kafka.read()).toEqual({
			kafka: undefined,
			ensembleConfig: undefined,
			errors: [{source: 'zookeeper', message: 'could not open a ZooKeeper session with 127.0.0.1:2181 within 5 s'}],
			fullRead: true,
			znodesRead: 0,
		});
		fail = false;
		const next = await kafka.read();
		expect(next.kafka?.registrations).toHaveLength(3);
		expect(open).toHaveBeenCalledTimes(2);
	});

	it('gives up on a session that never opens within the read time limit', async () => {
		const tree = fakeKafka();
		const {reader: kafka} = reader(tree, {readTimeoutMs: 150, open: async () => new Promise(() => undefined)});
		const started = performance.now();
		const result = await kafka.read();
		expect(performance.now() - started).toBeLessThan(1000);
		expect(result.kafka).toBeUndefined();
		expect(result.errors[0]!.message).toMatch(/could not open a ZooKeeper session with 127\.0\.0\.1:2181 within \d+ ms/);
	});

	it('gives up on reads that hang, within the time limit, and recovers when they answer', async () => {
		const tree = fakeKafka({orders: {partitions: 2}});
		const {reader: kafka, sessions} = reader(tree, {readTimeoutMs: 200});
		await kafka.read();
		tree.set('/controller', '{"version":2,"brokerid":3,"timestamp":"1"}');

		const held = hold();
		tree.gate = held.promise;
		const started = performance.now();
		const result = await kafka.read();
		const elapsed = performance.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(190);
		expect(elapsed).toBeLessThan(1000);
		expect(result.kafka).toBeUndefined();
		expect(result.errors).toEqual([{source: 'zookeeper', message: 'no reply from ZooKeeper within 200 ms'}]);

		tree.gate = undefined;
		held.release();
		const recovered = await kafka.read();
		expect(recovered.errors).toEqual([]);
		expect(recovered.kafka?.controller?.brokerId).toBe(3);
		// One slow spell is not a reason to give up the session and its watches.
		expect(sessions).toHaveLength(1);
	});

	it('replaces a session whose reads time out three times in a row', async () => {
		const tree = fakeKafka();
		const {reader: kafka, sessions} = reader(tree, {readTimeoutMs: 50});
		await kafka.read();
		tree.set('/controller', '{"version":2,"brokerid":3,"timestamp":"1"}');
		tree.gate = hold().promise;
		for (let attempt = 0; attempt < 3; attempt++) expect((await kafka.read()).kafka).toBeUndefined();
		tree.gate = undefined;
		const result = await kafka.read();
		expect(sessions).toHaveLength(2);
		expect(sessions[0]!.closed).toBe(true);
		expect(result.fullRead).toBe(true);
		expect(result.kafka?.controller?.brokerId).toBe(3);
	});

	it('keeps the session of a read too slow for the time limit that still makes progress, and finishes it', async () => {
		const tree = fakeKafka({big: {partitions: 200}});
		tree.delayMs = 10;
		const {reader: kafka, sessions} = reader(tree, {readTimeoutMs: 60, concurrency: 8});
		const results = [];
		for (let attempt = 0; attempt < 40; attempt++) {
			const result = await kafka.read();
			results.push(result);
			if (result.kafka) break;
		}

		expect(results.length).toBeGreaterThan(3);
		expect(results.at(-1)!.kafka?.topics[0]?.states).toHaveLength(200);
		expect(sessions).toHaveLength(1);
		// Each znode was read once: the reads that timed out left their work to the next.
		expect(tree.reads).toHaveLength(9 + 3 + 2 + 200);
	});

	it('shares one read between overlapping calls', async () => {
		const tree = fakeKafka({orders: {partitions: 2}});
		const {reader: kafka} = reader(tree);
		const [a, b] = await Promise.all([kafka.read(), kafka.read()]);
		expect(a).toBe(b);
		expect(tree.reads).toHaveLength(9 + 3 + 2 + 2);
	});

	it('closes its session and reads nothing once closed', async () => {
		const tree = fakeKafka();
		const {reader: kafka, sessions} = reader(tree);
		await kafka.read();
		kafka.close();
		expect(sessions[0]!.closed).toBe(true);
		expect(await kafka.read()).toMatchObject({kafka: undefined, errors: [{source: 'zookeeper', message: 'the ZooKeeper reader is closed'}]});
	});
});

describe('createKafkaReader with a ZooKeeper that refuses ktop', () => {
	it('says it was refused instead of failing, and asks again only after a doubling backoff', async () => {
		const tree = fakeKafka({orders: {partitions: 1}});
		let now = 1_000_000;
		const {reader: kafka, open, sessions} = reader(tree, {
			now: () => now,
			open: async () => Object.assign(tree.openSession(), {refuse: -124}),
		});
		const first = await kafka.read();
		expect(first.kafka).toBeUndefined();
		expect(first.errors).toEqual([]);
		expect(first.refused).toMatch(/^ZooKeeper 127\.0\.0\.1:2181 refused ktop: it requires authentication .*\(asked again in 10 s\)$/);
		expect(sessions[0]!.closed).toBe(true);

		// Within the backoff no session is opened: the same refusal, at once.
		now += 9000;
		expect((await kafka.read()).refused).toMatch(/asked again in 1 s\)$/);
		expect(open).toHaveBeenCalledTimes(1);

		now += 1000;
		expect((await kafka.read()).refused).toMatch(/asked again in 20 s\)$/);
		expect(open).toHaveBeenCalledTimes(2);
	});

	it('sends the auth it was given to every session, and reads once ZooKeeper accepts it', async () => {
		const tree = fakeKafka({orders: {partitions: 1}});
		const auth = [{scheme: 'digest', auth: 'ktop:x'}];
		const openSession = vi.fn(async () => tree.openSession());
		const kafka = createKafkaReader('127.0.0.1:2181', {auth, openSession});
		readers.push(kafka);
		const read = await kafka.read();
		expect(read.refused).toBeUndefined();
		expect(read.kafka?.topics).toHaveLength(1);
		expect(openSession).toHaveBeenCalledWith('127.0.0.1:2181', expect.any(Number), expect.any(Number), auth);
	});

	it('takes NOAUTH on a read as a refusal naming the znode and the user, without the password', async () => {
		const tree = fakeKafka({orders: {partitions: 1}});
		const {reader: kafka} = reader(tree, {
			auth: [{scheme: 'digest', auth: 'reader:pw-123'}],
			open: async () => Object.assign(tree.openSession(), {refuse: -102}),
		});
		const read = await kafka.read();
		expect(read.refused).toMatch(/refused ktop with digest user reader \(NOAUTH: the znodes' ACLs do not let it read \/\S+\)/);
		expect(read.refused).not.toContain('pw-123');
	});
});
