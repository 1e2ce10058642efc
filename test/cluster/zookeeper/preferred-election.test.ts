import {describe, expect, it} from 'vitest';
import {preferredElectionJson, preferredElectionRunning, requestPreferredElection} from '../../../source/cluster/zookeeper/preferred-election.js';

/** A session that records what it was asked to create; `existing` stands for a znode already there. */
function fakeOpen(existing?: string) {
	const opened: Array<{connect: string; created: Array<[string, string]>; closed: boolean}> = [];
	const open = async (connect: string) => {
		const session = {connect, created: [] as Array<[string, string]>, closed: false};
		opened.push(session);
		return {
			async createIfAbsent(path: string, data: string) {
				if (existing !== undefined) return false;
				session.created.push([path, data]);
				return true;
			},
			async getData() {
				return existing === undefined ? undefined : {data: existing, ctime: 0, mtime: 0};
			},
			close() {
				session.closed = true;
			},
		};
	};

	return {opened, open};
}

const partitions = [{topic: 'orders', partition: 0}, {topic: 'orders', partition: 2}, {topic: 'users', partition: 1}];

describe('the preferred election znode', () => {
	it('holds exactly the planned partitions, each once, as kafka-preferred-replica-election.sh writes them', () => {
		expect(JSON.parse(preferredElectionJson([...partitions, {topic: 'orders', partition: 0}]))).toEqual({
			version: 1,
			partitions: [{topic: 'orders', partition: 0}, {topic: 'orders', partition: 2}, {topic: 'users', partition: 1}],
		});
	});

	it('is created at /admin/preferred_replica_election in a session of its own, closed after', async () => {
		const {opened, open} = fakeOpen();
		expect(await requestPreferredElection('zk:2181', partitions, {readOnly: false, open})).toEqual({requested: true});
		expect(opened).toEqual([{connect: 'zk:2181', created: [['/admin/preferred_replica_election', preferredElectionJson(partitions)]], closed: true}]);
	});

	it('is not overwritten when it exists: an election is running', async () => {
		const {opened, open} = fakeOpen('{"version":1,"partitions":[]}');
		const result = await requestPreferredElection('zk:2181', partitions, {readOnly: false, open});
		expect(result).toEqual({requested: false, reason: expect.stringContaining('/admin/preferred_replica_election exists: a preferred leader election is already running; nothing was written')});
		expect(opened[0]).toMatchObject({created: [], closed: true});
	});

	it('opens no session in read-only mode, while ZooKeeper is in trouble, or for no partition', async () => {
		const {opened, open} = fakeOpen();
		expect(await requestPreferredElection('zk:2181', partitions, {readOnly: true, open})).toEqual({requested: false, reason: 'ktop is read-only: nothing was written to ZooKeeper'});
		expect(await requestPreferredElection('zk:2181', partitions, {readOnly: false, open, zookeeperTrouble: () => 'ZooKeeper has no quorum'}))
			.toEqual({requested: false, reason: 'ZooKeeper has no quorum: nothing was written to ZooKeeper'});
		expect(await requestPreferredElection('zk:2181', [], {readOnly: false, open})).toMatchObject({requested: false});
		expect(opened).toEqual([]);
	});

	it('is read before the preview to tell whether an election is running, in read-only mode too', async () => {
		const running = fakeOpen('{"version":1,"partitions":[]}');
		expect(await preferredElectionRunning('zk:2181', {readOnly: true, open: running.open})).toBe(true);
		expect(running.opened[0]).toMatchObject({created: [], closed: true});
		expect(await preferredElectionRunning('zk:2181', {readOnly: true, open: fakeOpen().open})).toBe(false);
	});
});
