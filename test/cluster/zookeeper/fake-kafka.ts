import {fixture} from '../../helpers/fixture.js';
import {FakeZooKeeper} from './fake-zookeeper.js';

export type FakeTopic = {partitions: number; replicas?: number[]; config?: Record<string, string>};

/** A partition state as Kafka 3.9 writes it. */
export function stateJson(leader: number, isr: number[], leaderEpoch = 0): string {
	return JSON.stringify({controller_epoch: 3, leader, version: 1, leader_epoch: leaderEpoch, isr});
}

/** A topic znode (version 3) with every partition on `replicas`. */
export function topicJson(partitions: number, replicas: number[]): string {
	const map = Object.fromEntries(Array.from({length: partitions}, (_, partition) => [String(partition), replicas]));
	return JSON.stringify({partitions: map, topic_id: 'AAAAAAAAAAAAAAAAAAAAAA', adding_replicas: {}, removing_replicas: {}, version: 3});
}

/** Writes a topic the way the controller does: assignment, config, then each partition's state. */
export function addTopic(tree: FakeZooKeeper, name: string, topic: FakeTopic): void {
	const replicas = topic.replicas ?? [1, 2, 3];
	tree.set(`/brokers/topics/${name}`, topicJson(topic.partitions, replicas));
	tree.set(`/config/topics/${name}`, JSON.stringify({version: 1, config: topic.config ?? {}}));
	for (let partition = 0; partition < topic.partitions; partition++) {
		tree.set(`/brokers/topics/${name}/partitions/${partition}/state`, stateJson(replicas[0]!, replicas));
	}
}

/** The local cluster's znodes as recorded (cluster id, controller, three brokers), plus `topics`. */
export function fakeKafka(topics: Record<string, FakeTopic> = {}): FakeZooKeeper {
	const tree = new FakeZooKeeper();
	tree.set('/cluster/id', fixture('znodes/cluster-id.json'));
	tree.set('/controller', fixture('znodes/controller.json'));
	tree.set('/controller_epoch', fixture('znodes/controller-epoch.txt'));
	const broker1 = fixture('znodes/broker-1.json');
	for (const id of [1, 2, 3]) {
		tree.set(`/brokers/ids/${id}`, broker1.replace('127.0.0.1:9092', `127.0.0.1:${9091 + id}`).replace('rack-a', `rack-${'abc'[id - 1]}`));
	}

	tree.set('/brokers/topics', '');
	tree.set('/admin/delete_topics', '');
	tree.set('/config/topics', '');
	for (const [name, topic] of Object.entries(topics)) addTopic(tree, name, topic);
	tree.reads.length = 0;
	return tree;
}
