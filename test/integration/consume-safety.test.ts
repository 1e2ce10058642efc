import {spawn} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers, repoRoot} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openConsumeSession} from '../../source/model/consume-session.js';
import type {StartPosition} from '../../source/model/consume-types.js';
import {testKafka} from '../helpers/kafka.js';
import {caughtUp, kcatProduce, TestTopics} from './consume-helpers.js';

const kafka = testKafka('ktop-consume-safety-test');
const admin = kafka.admin();
const topics = new TestTopics(admin);
let topic: string;

const groupIds = async () => (await admin.listGroups()).groups.map(group => group.groupId).sort();
const openSockets = () => process.getActiveResourcesInfo().filter(resource => resource === 'TCPSocketWrap').length;

beforeAll(async () => {
	await admin.connect();
	topic = await topics.create('ktop-consume-safety', 3);
	// librdkafka's sticky partitioner would put a quick burst in one partition: name each one.
	await Promise.all([0, 1, 2].map(async partition => kcatProduce(topic, Array.from({length: 100}, (_, index) => `p${partition}-r${index}`).join('\n') + '\n', ['-p', String(partition)])));
});

afterAll(async () => {
	await topics.deleteAll();
	await admin.disconnect();
});

describe('reading disturbs nothing', () => {
	it('joins, creates and commits to no consumer group, and closes every connection it opened', async () => {
		const before = await groupIds();
		const socketsBefore = openSockets();
		const starts: StartPosition[] = [{kind: 'beginning'}, {kind: 'end'}, {kind: 'offset', offset: '10'}, {kind: 'last', count: 5}, {kind: 'timestamp', at: Date.now() - 60_000}];
		const sessions = await Promise.all(starts.map(async start => openConsumeSession({bootstrap: bootstrapServers, topic, start})));
		await caughtUp(sessions[0]!, 300);
		// Not even a group that comes and goes: none exists while reading.
		expect(await groupIds()).toEqual(before);
		const closing = performance.now();
		await Promise.all(sessions.map(async session => session.close()));
		// Fetches in flight (a broker holds one up to 500 ms when there is nothing new) do not delay it.
		expect(performance.now() - closing).toBeLessThan(1000);
		expect(openSockets()).toBeLessThanOrEqual(socketsBefore);

		expect(await groupIds()).toEqual(before);
		// No group anywhere has an offset committed for the topic.
		for (const groupId of before) {
			const offsets = await admin.fetchOffsets({groupId, topics: [topic]});
			expect(offsets.flatMap(entry => entry.partitions.map(partition => partition.offset)).every(offset => offset === '-1')).toBe(true);
		}
	});

	it('`ktop consume` without a terminal stops on Ctrl-C (SIGINT) at once, exit 0, nothing left behind', async () => {
		const before = await groupIds();
		const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [path.join(repoRoot, 'source', 'cli.tsx'), 'consume', topic, '-b', bootstrapServers.join(','), '--from', 'last:1'], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		const exited = new Promise<number | null>(resolve => child.on('close', resolve));
		try {
			// Three records, one per partition, printed: it is reading and following.
			await waitFor(async () => (stdout.split('\n').length >= 4 ? true : new Unready(`stdout so far: ${JSON.stringify(stdout)}`)), {timeoutMs: 30_000, intervalMs: 50, what: 'the last record of each partition'});
			expect(stdout.split('\n').filter(Boolean)).toHaveLength(3);
			const interrupted = performance.now();
			child.kill('SIGINT');
			expect(await exited).toBe(0);
			expect(performance.now() - interrupted).toBeLessThan(3000);
		} finally {
			child.kill('SIGKILL');
		}

		expect(await groupIds()).toEqual(before);
	});
});
