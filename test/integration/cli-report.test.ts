import {describe, expect, it} from 'vitest';
import {bootstrapServers, zkNodes, zookeeperConnect} from '../../cluster/layout.js';
import {openZkSession} from '../../source/cluster/zookeeper/session.js';
import {ktop} from '../helpers/run-ktop.js';

async function clusterIdFromZookeeper(): Promise<string> {
	const session = await openZkSession(zookeeperConnect);
	try {
		return (JSON.parse((await session.getData('/cluster/id'))!.data) as {id: string}).id;
	} finally {
		session.close();
	}
}

describe('ktop --once against the local cluster', () => {
	it('reports the cluster id, every ZooKeeper server with its mode, and the brokers', async () => {
		const result = await ktop(['--once', '-z', zookeeperConnect]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`cluster ${await clusterIdFromZookeeper()}`);
		const zkPort = `(${zkNodes.map(node => node.clientPort).join('|')})`;
		expect(result.stdout).toMatch(new RegExp(`3/3 serving, leader 127\\.0\\.0\\.1:${zkPort}`));
		expect(result.stdout.match(new RegExp(`^ {2}127\\.0\\.0\\.1:${zkPort} {2}(leader|follower)`, 'gm'))).toHaveLength(3);
		expect(result.stdout).toMatch(/brokers answering metadata via .*: 1, 2, 3;/);
	});

	it('finds ensemble members missing from the connect string through /zookeeper/config', async () => {
		const result = await ktop(['--once', '-z', `127.0.0.1:${zkNodes[0]!.clientPort}`]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/3\/3 serving/);
	});

	it('reaches the brokers alone from the bootstrap list, also via KTOP_BOOTSTRAP', async () => {
		const result = await ktop(['--once'], {KTOP_BOOTSTRAP: bootstrapServers[1]});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`cluster ${await clusterIdFromZookeeper()}`);
		expect(result.stdout).not.toContain('zookeeper');
	});

	it('exits 1 with the reason when nothing answers, 2 without a terminal, and 2 with guidance when no cluster is given', async () => {
		const dead = await ktop(['--once', '-b', '127.0.0.1:1']);
		expect(dead.code).toBe(1);
		expect(dead.stdout).toMatch(/brokers: brokers 127\.0\.0\.1:1 did not answer metadata/);

		// Without a terminal the live view refuses, and says what to use instead.
		const piped = await ktop(['-z', zookeeperConnect]);
		expect(piped.code).toBe(2);
		expect(piped.stdout).toBe('');
		expect(piped.stderr).toContain('the live view needs a terminal');
		expect(piped.stderr).toContain('ktop snapshot');

		const none = await ktop([], {KTOP_ZOOKEEPER: '', KTOP_BOOTSTRAP: ''});
		expect(none.code).toBe(2);
		expect(none.stderr).toContain('--zookeeper');
	});
});
