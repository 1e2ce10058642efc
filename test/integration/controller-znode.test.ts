import {randomBytes} from 'node:crypto';
import type ZooKeeper from 'zookeeper';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {kafkaNodes, zookeeperConnect} from '../../cluster/layout.js';
import {ktop} from '../helpers/run-ktop.js';
import {removeTree, zookeeperWriter} from '../helpers/zookeeper-writer.js';

/**
A scratch chroot on the real ensemble laid out as Kafka would, its /brokers/ids naming the real
brokers, with a /controller that no broker wrote: garbage, then a broker that is not registered.
ktop is pointed at it with `-z host:port/chroot`, as an operator would at a chrooted cluster.
*/
const chroot = `/ktop-controller-${randomBytes(4).toString('hex')}`;
const connect = `${zookeeperConnect.split(',')[0]}${chroot}`;
let client: ZooKeeper;

async function setController(data: string): Promise<void> {
	await client.set(`${chroot}/controller`, data, -1);
}

async function check(): Promise<{code: number; stdout: string}> {
	// Two samples: CONTROLLER_UNKNOWN must be seen twice before it is raised.
	return ktop(['check', '-z', connect, '--samples', '2', '--interval', '1']);
}

describe('/controller that names no live controller', () => {
	beforeAll(async () => {
		client = await zookeeperWriter();
		const nodes: Array<[string, string]> = [
			[chroot, ''], [`${chroot}/cluster`, ''], [`${chroot}/cluster/id`, '{"version":"1","id":"controllerTestCluster0"}'],
			[`${chroot}/controller`, '{"version":2,"brokerid":1,"timestamp":"1795293201327","kraftControllerEpoch":-1}'],
			[`${chroot}/controller_epoch`, '3'], [`${chroot}/brokers`, ''], [`${chroot}/brokers/ids`, ''], [`${chroot}/brokers/topics`, ''],
			...kafkaNodes.map(node => [`${chroot}/brokers/ids/${node.id}`, JSON.stringify({
				endpoints: [`PLAINTEXT://127.0.0.1:${node.port}`], rack: null, jmx_port: -1, version: 5, timestamp: '1795293201293',
			})] as [string, string]),
		];
		for (const [path, data] of nodes) await client.create(path, data, 0);
	});

	afterAll(async () => {
		if (!client) return;
		await removeTree(client, chroot);
		client.close();
	});

	it('a registered controller raises neither finding (the control case)', async () => {
		const result = await check();
		expect(result.stdout).not.toMatch(/CONTROLLER_UNKNOWN|CONTROLLER_UNREADABLE|NO_CONTROLLER/);
	});

	it('garbage in /controller is CONTROLLER_UNREADABLE, critical, instead of a SOURCE_FAILED', async () => {
		await setController('this is not json');
		const result = await check();
		expect(result.code).toBe(2);
		expect(result.stdout).toMatch(/^CRITICAL\s+CONTROLLER_UNREADABLE\s+cluster: \/controller does not hold JSON \("this is not json"\).*no controller can be elected while it stays$/m);
		expect(result.stdout).not.toMatch(/SOURCE_FAILED\s+zookeeper:\/controller/);
	});

	it('JSON without a broker id is CONTROLLER_UNREADABLE too', async () => {
		await setController('{"version":2,"timestamp":"1795293201327"}');
		const result = await check();
		expect(result.stdout).toMatch(/^CRITICAL\s+CONTROLLER_UNREADABLE\s+cluster: \/controller names no broker: /m);
	});

	it('a controller that is not registered in /brokers/ids is CONTROLLER_UNKNOWN, critical', async () => {
		await setController('{"version":2,"brokerid":99,"timestamp":"1795293201327","kraftControllerEpoch":-1}');
		const result = await check();
		expect(result.code).toBe(2);
		expect(result.stdout).toMatch(/^CRITICAL\s+CONTROLLER_UNKNOWN\s+broker 99: .*broker 99, which is not registered in \/brokers\/ids/m);
		const snapshot = JSON.parse((await ktop(['snapshot', '--json', '-z', connect])).stdout) as {controller: {brokerId: number}};
		expect(snapshot.controller.brokerId).toBe(99);
	});
});
