import ZooKeeper from 'zookeeper';
import {zookeeperConnect} from '../../cluster/layout.js';

/**
A raw client of the local ensemble that can write, for tests that lay out a scratch chroot as
Kafka would (ktop's own session only reads).
*/
export async function zookeeperWriter(connect = zookeeperConnect): Promise<ZooKeeper> {
	const client = new ZooKeeper({connect, timeout: 10_000, debug_level: 0, host_order_deterministic: false});
	await new Promise<void>(resolve => {
		client.once('connect', () => {
			resolve();
		});
		client.init({});
	});
	return client;
}

/** Deletes a scratch znode and everything below it; missing nodes are fine (a test that failed half-way). */
export async function removeTree(client: ZooKeeper, node: string): Promise<void> {
	const children = await client.get_children(node, false).catch(() => []) as string[];
	for (const child of children) await removeTree(client, `${node}/${child}`);
	await client.delete_(node, -1).catch(() => undefined);
}
