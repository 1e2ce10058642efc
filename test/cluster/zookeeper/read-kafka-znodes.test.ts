import {describe, expect, it, vi} from 'vitest';
import {readKafkaView, readKafkaZnodes} from '../../../source/cluster/zookeeper/read-kafka-znodes.js';
import {ZnodeCache} from '../../../source/cluster/zookeeper/znode-cache.js';
import {fixture} from '../../helpers/fixture.js';
import {addTopic, fakeKafka, stateJson, topicJson} from './fake-kafka.js';
import {FakeZooKeeper} from './fake-zookeeper.js';

const fixedReads = [
	'data:/cluster/id', 'data:/controller', 'data:/controller_epoch', 'data:/admin/reassign_partitions',
	'data:/admin/preferred_replica_election', 'children:/brokers/ids', 'children:/brokers/topics', 'children:/admin/delete_topics', 'config',
];

/** A watched cache over a fresh session of `tree`, and a read that returns the view. */
function watched(tree: FakeZooKeeper, concurrency?: number) {
	const session = tree.openSession();
	const cache = new ZnodeCache(session, {concurrency});
	return {session, cache, read: async () => readKafkaView(cache)};
}

/** The reads a step caused, sorted. */
async function readsDuring(tree: FakeZooKeeper, step: () => Promise<unknown>): Promise<string[]> {
	tree.reads.length = 0;
	await step();
	return [...tree.reads].sort();
}

describe('readKafkaView: a full read', () => {
	it('reads the recorded znodes into the view', async () => {
		const tree = fakeKafka({orders: {partitions: 2, config: {'min.insync.replicas': '2'}}});
		tree.set('/brokers/topics/orders', fixture('znodes/topic-orders.json'));
		tree.set('/brokers/topics/orders/partitions/0/state', fixture('znodes/state-orders-0.json'));
		tree.set('/config/topics/orders', fixture('znodes/config-topic-orders.json'));
		const {view, errors, ensembleConfig} = await readKafkaZnodes(tree.openSession());

		expect(errors).toEqual([]);
		expect(ensembleConfig).toBe(tree.config);
		expect(view.clusterId).toBe('n3vcL_kPQBqE_SPkveCh6Q');
		expect(view.controller).toEqual({brokerId: 2, since: 1_795_293_201_327});
		expect(view.controllerEpoch).toBe(3);
		expect(view.registrations.map(broker => [broker.id, broker.rack, broker.endpoints])).toEqual([
			[1, 'rack-a', ['PLAINTEXT://127.0.0.1:9092']],
			[2, 'rack-b', ['PLAINTEXT://127.0.0.1:9093']],
			[3, 'rack-c', ['PLAINTEXT://127.0.0.1:9094']],
		]);
		expect(view.topics).toHaveLength(1);
		const [orders] = view.topics;
		expect(orders!.name).toBe('orders');
		expect(orders!.assignment).toEqual({0: [2, 3, 1], 1: [3, 1, 2], 2: [1, 2, 3], 3: [2, 1, 3], 4: [3, 2, 1], 5: [1, 3, 2]});
		expect(orders!.configOverrides).toEqual({'min.insync.replicas': '2'});
		// Partitions 2-5 have no state znode in this tree: they are left out, not invented.
		expect(orders!.states).toEqual([
			{partition: 0, leader: 2, isr: [2, 1, 3], leaderEpoch: 3, controllerEpoch: 3},
			{partition: 1, leader: 1, isr: [1, 2, 3], leaderEpoch: 0, controllerEpoch: 3},
		]);
		expect(view.topicsPendingDeletion).toEqual([]);
		expect(view.reassignments).toEqual([]);
		expect(view.preferredElections).toEqual([]);
	});

	it('sorts topics by name and partitions and brokers by number', async () => {
		const tree = fakeKafka({zeta: {partitions: 12}, alpha: {partitions: 1}});
		tree.set('/brokers/ids/10', tree.nodes.get('/brokers/ids/1')!);
		const {view} = await readKafkaZnodes(tree.openSession());
		expect(view.topics.map(topic => topic.name)).toEqual(['alpha', 'zeta']);
		expect(view.topics[1]!.states.map(state => state.partition)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(view.registrations.map(broker => broker.id)).toEqual([1, 2, 3, 10]);
	});

	it('reads topics pending deletion, reassignments (admin znode and topic znode) and preferred elections', async () => {
		const tree = fakeKafka({orders: {partitions: 2}, gone: {partitions: 1}});
		tree.set('/admin/delete_topics/gone', '');
		tree.set('/admin/reassign_partitions', '{"version":1,"partitions":[{"topic":"orders","partition":1,"replicas":[3,2,1]}]}');
		tree.set('/admin/preferred_replica_election', '{"version":1,"partitions":[{"topic":"orders","partition":0}]}');
		tree.set('/brokers/topics/orders', JSON.stringify({
			version: 3, partitions: {0: [1, 2, 3, 4], 1: [1, 2, 3]}, adding_replicas: {0: [4]}, removing_replicas: {0: [1]},
		}));
		const {view} = await readKafkaZnodes(tree.openSession());
		expect(view.topicsPendingDeletion).toEqual(['gone']);
		expect(view.reassignments).toEqual([
			{topic: 'orders', partition: 1, replicas: [3, 2, 1]},
			{topic: 'orders', partition: 0, replicas: [2, 3, 4]},
		]);
		expect(view.preferredElections).toEqual([{topic: 'orders', partition: 0}]);
	});

	it('reads missing znodes as empty, not as errors', async () => {
		const tree = new FakeZooKeeper();
		tree.set('/brokers/ids', '');
		const {view, errors} = await readKafkaZnodes(tree.openSession());
		expect(errors).toEqual([]);
		expect(view).toEqual({
			clusterId: undefined, controller: undefined, controllerEpoch: undefined, registrations: [], topics: [],
			topicsPendingDeletion: [], reassignments: [], preferredElections: [],
		});
	});

	it('says so when there is no Kafka under the path at all', async () => {
		const {errors} = await readKafkaZnodes(new FakeZooKeeper().openSession());
		expect(errors).toEqual([{source: 'zookeeper', message: 'no Kafka cluster here: /brokers does not exist (is the chroot right?)'}]);
	});

	it('keeps the rest of the view when one znode holds something else, naming it', async () => {
		const tree = fakeKafka({good: {partitions: 2}, bad: {partitions: 1}});
		tree.set('/brokers/topics/bad', 'created by zk-mkdir-p');
		tree.set('/brokers/topics/good/partitions/1/state', '{"leader":1}');
		tree.set('/brokers/ids/2', 'not json');
		const {view, errors} = await readKafkaZnodes(tree.openSession());
		expect(view.topics.map(topic => [topic.name, topic.states.length])).toEqual([['good', 1]]);
		expect(view.registrations.map(broker => broker.id)).toEqual([1, 3]);
		expect(errors.map(error => error.source).sort()).toEqual([
			'zookeeper:/brokers/ids/2', 'zookeeper:/brokers/topics/bad', 'zookeeper:/brokers/topics/good/partitions/1/state',
		]);
		expect(errors.find(error => error.source === 'zookeeper:/brokers/topics/bad')!.message).toContain('does not hold JSON');
	});

	it('without watches, reads everything again each time and leaves no watch behind', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const session = tree.openSession();
		const first = await readsDuring(tree, async () => readKafkaZnodes(session));
		const second = await readsDuring(tree, async () => readKafkaZnodes(session));
		expect(second).toEqual(first);
		expect(first).toHaveLength(fixedReads.length + 3 + 2 + 3);
		expect(tree.pendingWatches()).toBe(0);
	});
});

describe('readKafkaView through a watched cache', () => {
	it('reads every znode once, then nothing while nothing changes', async () => {
		const tree = fakeKafka({orders: {partitions: 6}, audit: {partitions: 1}});
		const {read} = watched(tree);
		const first = await readsDuring(tree, read);
		expect(first).toEqual([
			...fixedReads,
			'data:/brokers/ids/1', 'data:/brokers/ids/2', 'data:/brokers/ids/3',
			'data:/brokers/topics/audit', 'data:/brokers/topics/orders', 'data:/config/topics/audit', 'data:/config/topics/orders',
			'data:/brokers/topics/audit/partitions/0/state',
			...[0, 1, 2, 3, 4, 5].map(partition => `data:/brokers/topics/orders/partitions/${partition}/state`),
		].sort());
		expect(await readsDuring(tree, read)).toEqual([]);
		expect(await readsDuring(tree, read)).toEqual([]);
	});

	it('gives the same view from the cache as from a full read', async () => {
		const tree = fakeKafka({orders: {partitions: 6, config: {'retention.ms': '1000'}}});
		const {read} = watched(tree);
		await read();
		expect((await read()).view).toEqual((await readKafkaZnodes(tree.openSession())).view);
	});

	it('returns the very same result while no watch has fired, and a new one once one has', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const {read} = watched(tree);
		const first = await read();
		expect(await read()).toBe(first);
		tree.set('/config/topics/orders', '{"version":1,"config":{"retention.ms":"1"}}');
		const changed = await read();
		expect(changed).not.toBe(first);
		expect(changed.view.topics[0]!.configOverrides).toEqual({'retention.ms': '1'});
		// Unchanged parts keep their parsed objects.
		expect(changed.view.topics[0]!.states[0]).toBe(first.view.topics[0]!.states[0]);
		expect(await read()).toBe(changed);
	});

	it('re-reads exactly the partition state whose watch fired, and re-arms its watch', async () => {
		const tree = fakeKafka({orders: {partitions: 6}});
		const {read} = watched(tree);
		await read();
		const watches = tree.pendingWatches();

		tree.set('/brokers/topics/orders/partitions/4/state', stateJson(2, [2, 3], 1));
		expect(await readsDuring(tree, read)).toEqual(['data:/brokers/topics/orders/partitions/4/state']);
		const {view} = await read();
		expect(view.topics[0]!.states[4]).toEqual({partition: 4, leader: 2, isr: [2, 3], leaderEpoch: 1, controllerEpoch: 3});
		expect(tree.pendingWatches()).toBe(watches);

		// The watch is armed again: the next change is seen too.
		tree.set('/brokers/topics/orders/partitions/4/state', stateJson(1, [1, 2, 3], 2));
		expect(await readsDuring(tree, read)).toEqual(['data:/brokers/topics/orders/partitions/4/state']);
	});

	it('re-reads only the controller when it moves', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const {read} = watched(tree);
		await read();
		tree.set('/controller', '{"version":2,"brokerid":3,"timestamp":"1795293300000","kraftControllerEpoch":-1}');
		tree.set('/controller_epoch', '4');
		expect(await readsDuring(tree, read)).toEqual(['data:/controller', 'data:/controller_epoch']);
		const {view} = await read();
		expect([view.controller, view.controllerEpoch]).toEqual([{brokerId: 3, since: 1_795_293_300_000}, 4]);
	});

	it('reads a new topic: the listing, its znode, its config and its states, nothing else', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const {read} = watched(tree);
		await read();
		addTopic(tree, 'fresh', {partitions: 2, config: {'min.insync.replicas': '2'}});
		expect(await readsDuring(tree, read)).toEqual([
			'children:/brokers/topics', 'data:/brokers/topics/fresh', 'data:/brokers/topics/fresh/partitions/0/state',
			'data:/brokers/topics/fresh/partitions/1/state', 'data:/config/topics/fresh',
		]);
		const fresh = (await read()).view.topics.find(topic => topic.name === 'fresh');
		expect(fresh?.configOverrides).toEqual({'min.insync.replicas': '2'});
		expect(fresh?.states).toHaveLength(2);
	});

	it('sees a partition state created after its topic (the controller writes it later)', async () => {
		const tree = fakeKafka();
		const {read} = watched(tree);
		tree.set('/brokers/topics/slow', topicJson(1, [1, 2, 3]));
		expect((await read()).view.topics[0]!.states).toEqual([]);
		tree.set('/brokers/topics/slow/partitions/0/state', stateJson(1, [1, 2, 3]));
		expect(await readsDuring(tree, read)).toEqual(['data:/brokers/topics/slow/partitions/0/state']);
		expect((await read()).view.topics[0]!.states).toHaveLength(1);
	});

	it('reads the new partition\'s state when partitions are added', async () => {
		const tree = fakeKafka({orders: {partitions: 2}});
		const {read} = watched(tree);
		await read();
		tree.set('/brokers/topics/orders', topicJson(3, [1, 2, 3]));
		tree.set('/brokers/topics/orders/partitions/2/state', stateJson(1, [1, 2, 3]));
		expect(await readsDuring(tree, read)).toEqual(['data:/brokers/topics/orders', 'data:/brokers/topics/orders/partitions/2/state']);
	});

	it('re-reads only the config of a topic whose override changed', async () => {
		const tree = fakeKafka({orders: {partitions: 3}});
		const {read} = watched(tree);
		await read();
		tree.set('/config/topics/orders', '{"version":1,"config":{"retention.ms":"60000"}}');
		expect(await readsDuring(tree, read)).toEqual(['data:/config/topics/orders']);
		expect((await read()).view.topics[0]!.configOverrides).toEqual({'retention.ms': '60000'});
	});

	it('drops a deleted topic from the view and from the cache', async () => {
		const tree = fakeKafka({orders: {partitions: 3}, doomed: {partitions: 4}});
		const {read, cache} = watched(tree);
		await read();
		const entries = cache.stats().entries;
		tree.set('/admin/delete_topics/doomed', '');
		expect((await read()).view.topicsPendingDeletion).toEqual(['doomed']);

		tree.remove('/brokers/topics/doomed');
		tree.remove('/config/topics/doomed');
		tree.remove('/admin/delete_topics/doomed');
		const {view} = await read();
		expect(view.topics.map(topic => topic.name)).toEqual(['orders']);
		expect(view.topicsPendingDeletion).toEqual([]);
		expect(cache.stats().entries).toBe(entries - 6);
	});

	it('sees a broker leave and come back', async () => {
		const tree = fakeKafka();
		const {read} = watched(tree);
		await read();
		const registration = tree.nodes.get('/brokers/ids/2')!;
		tree.remove('/brokers/ids/2');
		expect((await read()).view.registrations.map(broker => broker.id)).toEqual([1, 3]);
		tree.set('/brokers/ids/2', registration.replace('"timestamp":"1795293201293"', '"timestamp":"1795293999999"'));
		expect(await readsDuring(tree, read)).toEqual(['children:/brokers/ids', 'data:/brokers/ids/2']);
		expect((await read()).view.registrations.find(broker => broker.id === 2)?.registeredAt).toBe(1_795_293_999_999);
	});

	it('sees a reassignment start and end', async () => {
		const tree = fakeKafka({orders: {partitions: 1}});
		const {read} = watched(tree);
		await read();
		tree.set('/admin/reassign_partitions', '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[2,3]}]}');
		expect(await readsDuring(tree, read)).toEqual(['data:/admin/reassign_partitions']);
		expect((await read()).view.reassignments).toEqual([{topic: 'orders', partition: 0, replicas: [2, 3]}]);
		tree.remove('/admin/reassign_partitions');
		expect((await read()).view.reassignments).toEqual([]);
	});

	it('does not lose a change that fires the watch while its read is on the way', async () => {
		const tree = fakeKafka({orders: {partitions: 1}});
		const {read} = watched(tree);
		await read();
		const path = '/brokers/topics/orders/partitions/0/state';
		tree.set(path, stateJson(2, [2, 3], 1));

		// Hold replies back: the server answers the re-read (leader 2) and arms its watch, then the
		// state changes again and the watch fires before that reply has arrived.
		let deliver: () => void = () => undefined;
		tree.replyGate = new Promise(resolve => {
			deliver = resolve;
		});
		tree.reads.length = 0;
		const pending = read();
		await vi.waitFor(() => {
			expect(tree.reads).toContain(`data:${path}`);
		});
		tree.set(path, stateJson(3, [3], 2));
		tree.replyGate = undefined;
		deliver();
		expect((await pending).view.topics[0]!.states[0]!.leader).toBe(2);

		// The reply was already old when it came: the entry stays stale and the next read fetches the latest.
		expect(await readsDuring(tree, read)).toEqual([`data:${path}`]);
		expect((await read()).view.topics[0]!.states[0]!.leader).toBe(3);
	});

	it('keeps no more reads in flight than its concurrency, even for thousands of partitions', async () => {
		const tree = fakeKafka({big: {partitions: 2000}, other: {partitions: 500}});
		const {read} = watched(tree, 16);
		const {view} = await read();
		expect(view.topics.map(topic => topic.states.length)).toEqual([2000, 500]);
		// The ensemble config is read beside the fixed znodes, so one more may be in flight then.
		expect(tree.maxInFlight).toBeLessThanOrEqual(17);
		expect(tree.maxInFlight).toBeGreaterThanOrEqual(16);
	});

	it('at 10,000 partitions, a refresh after one change reads one znode', async () => {
		const topics = Object.fromEntries(Array.from({length: 100}, (_, index) => [`t${String(index).padStart(3, '0')}`, {partitions: 100}]));
		const tree = fakeKafka(topics);
		const {read} = watched(tree);
		const first = await readsDuring(tree, read);
		expect(first).toHaveLength(fixedReads.length + 3 + 200 + 10_000);
		tree.set('/brokers/topics/t042/partitions/17/state', stateJson(2, [2, 3]));
		expect(await readsDuring(tree, read)).toEqual(['data:/brokers/topics/t042/partitions/17/state']);
		const {view} = await read();
		expect(view.topics.reduce((sum, topic) => sum + topic.states.length, 0)).toBe(10_000);
	});
});
