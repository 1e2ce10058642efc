import {afterAll, describe, expect, it} from 'vitest';
import {commitGroupOffsets, testKafka, uniqueTopic} from '../helpers/kafka.js';
import {watchCluster} from '../helpers/watch-cluster.js';

describe('group events on the real cluster', () => {
	const watcher = watchCluster(1000);
	const kafka = testKafka('ktop-group-events');
	const admin = kafka.admin();
	const topic = uniqueTopic('group-events');
	const groupId = uniqueTopic('group-events-g');

	afterAll(async () => {
		await watcher.close();
		await admin.deleteGroups([groupId]).catch(() => undefined);
		await admin.deleteTopics({topics: [topic]}).catch(() => undefined);
		await admin.disconnect();
	});

	it('records a new group appearing and a deleted one disappearing, once each', async () => {
		await admin.connect();
		await admin.createTopics({topics: [{topic, numPartitions: 1, replicationFactor: 3}], waitForLeaders: true});
		await watcher.until('a first snapshot', snapshot => (snapshot.groups.length >= 0 ? true : undefined));
		const before = Date.now();
		await commitGroupOffsets(kafka, groupId, topic, [{partition: 0, offset: '0'}]);
		await watcher.until('the new group', snapshot => (snapshot.groups.some(group => group.groupId === groupId) ? true : undefined), {after: before});
		const appeared = watcher.events(before).filter(event => event.subject === `group ${groupId}`);
		// kafkajs commits through a short-lived member, so the group may first be seen Stable.
		expect(appeared.map(event => event.kind)).toEqual(['group-appeared']);
		expect(appeared[0]!.message).toMatch(new RegExp(`^group ${groupId} appeared \\((Empty|Stable|PreparingRebalance|CompletingRebalance)\\)$`));

		const deletedAt = Date.now();
		await admin.deleteGroups([groupId]);
		await watcher.until('the group gone', snapshot => (snapshot.groups.some(group => group.groupId === groupId) ? undefined : true), {after: deletedAt});
		const gone = watcher.events(deletedAt).filter(event => event.subject === `group ${groupId}`);
		expect(gone.map(event => [event.kind, event.message])).toEqual([['group-disappeared', `group ${groupId} disappeared (deleted, or its offsets expired)`]]);
	});
});
