import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {promisify} from 'node:util';
import type {Admin} from 'kafkajs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {repoRoot, zookeeperConnect} from '../../cluster/layout.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {kcatRead} from './actions-helpers.js';

const run = promisify(execFile);

/**
An operator's whole round trip in one ktop session, keys only: create a topic, produce a record
to it, read that record back in the consume view, delete the topic, quit. Each step's effect is
checked outside ktop: a kafkajs admin made for the check (never ktop's reads), and kcat for the
record. The built CLI runs in tmux given only ZooKeeper, as an operator runs it.
*/
async function startKtop(): Promise<TmuxSession> {
	const ktop = `node ${path.join(repoRoot, 'dist', 'cli.js')} -z ${zookeeperConnect} -i 2`;
	return startTmux(`sh -c 'echo BEFORE-KTOP; ${ktop}; echo "AFTER-KTOP rc=$?"; sleep 600'`, {columns: 100, rows: 30});
}

/** A kafkajs admin of its own for one check, so nothing cached from an earlier step answers it. */
async function withFreshAdmin<T>(check: (admin: Admin) => Promise<T>): Promise<T> {
	const admin = testKafka(`ktop-tui-flow-${randomBytes(3).toString('hex')}`).admin();
	await admin.connect();
	try {
		return await check(admin);
	} finally {
		await admin.disconnect();
	}
}

async function topicNames(): Promise<string[]> {
	return withFreshAdmin(async admin => admin.listTopics());
}

describe('create → produce → consume → delete in one TUI session, driven in tmux against the real cluster', () => {
	const topic = uniqueTopic('tui-flow');
	const refused = uniqueTopic('tui-flow-rf9');
	const tag = randomBytes(3).toString('hex');
	const record = {key: `order-${tag}`, value: `paid ${tag}`, header: {key: 'trace', value: `t-${tag}`}};
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
	});

	afterAll(async () => {
		await session?.kill();
		// Only when a step failed half-way: a passing run has deleted it already.
		await withFreshAdmin(async admin => admin.deleteTopics({topics: [topic]})).catch(() => undefined);
	});

	it('n creates it with 3 partitions, p produces a keyed record with a header, :consume … beginning shows it, Ctrl-D deletes it, q restores the terminal', async () => {
		// No skip when the cluster is down: this fails here, saying why.
		expect(await topicNames()).not.toContain(topic);
		session = await startKtop();
		await session.waitForScreen('the topics pane', screen => /topics \(\d+\)/.test(screen));

		// Create: name, 3 partitions, replication factor 2, the defaults for configs.
		await session.send(['n']);
		await session.waitForScreen('the create form', screen => screen.includes('Create topic') && /› Name/.test(screen));
		await session.send([topic], {literal: true});
		await session.send(['Tab', 'BSpace', 'BSpace', '3', 'Tab', 'BSpace', 'BSpace', '2', 'Enter', 'Enter']);
		const createPreview = await session.waitForScreen('the create preview', screen => screen.includes('Enter applies it'));
		expect(createPreview).toMatch(/partitions +3/);
		expect(createPreview).toMatch(/replication factor +2/);
		await session.send(['Enter']);
		await session.waitForScreen('the create outcome', screen => /^applied$/m.test(screen));
		const created = await withFreshAdmin(async admin => admin.fetchTopicMetadata({topics: [topic]}));
		expect(created.topics[0]!.partitions).toHaveLength(3);
		for (const partition of created.topics[0]!.partitions) expect(partition.replicas).toHaveLength(2);
		await session.send(['Enter']);

		// Select it with the filter, once a refresh has brought its row.
		await session.send(['/']);
		await session.send([topic], {literal: true});
		await session.send(['Enter']);
		await session.waitForScreen('its row, alone', screen => new RegExp(`^${topic} +3 +2 `, 'm').test(screen) && screen.includes('(1 of '));

		// Produce: partition blank (by key), key, value, one header.
		await session.send(['p']);
		await session.waitForScreen('the produce form', screen => screen.includes(`Produce to ${topic}`) && /› Partition/.test(screen));
		await session.send(['Tab']);
		await session.send([record.key], {literal: true});
		await session.send(['Tab']);
		await session.send([record.value], {literal: true});
		await session.send(['Tab']);
		await session.send([`${record.header.key}=${record.header.value}`], {literal: true});
		await session.send(['Enter']);
		const producePreview = await session.waitForScreen('the produce preview', screen => screen.includes('Enter applies it'));
		expect(producePreview).toMatch(new RegExp(`key +${record.key}`));
		expect(producePreview).toMatch(new RegExp(`header ${record.header.key} +${record.header.value}`));
		await session.send(['Enter']);
		const written = await session.waitForScreen('where it was written', screen => /written to partition \d+ at offset \d+/.test(screen));
		const [, partition, offset] = /written to partition (\d+) at offset (\d+)/.exec(written)!.map(Number);
		expect(partition).toBeGreaterThanOrEqual(0);
		expect(partition).toBeLessThan(3);
		// The topic is new: the record is the first of its partition.
		expect(offset).toBe(0);
		const read = await kcatRead(topic, partition!, offset!, 1);
		expect(read).toHaveLength(1);
		expect(read[0]).toMatchObject({partition, offset, key: record.key, payload: record.value, headers: [record.header.key, record.header.value]});
		await session.send(['Enter']);

		// Consume from the beginning: the record shows, with its partition, offset, key and value.
		await session.waitForScreen('the table again', screen => screen.includes('(1 of ') && !screen.includes('written to partition'));
		await session.send([`:consume ${topic} beginning`], {literal: true});
		await session.send(['Enter']);
		const consumed = await session.waitForScreen('the record in the consume view', screen =>
			screen.includes(`consume ${topic} from beginning`) && new RegExp(`^ +${partition} +${offset} +\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ${record.key} +${record.value} +\\d+ B$`, 'm').test(screen));
		expect(consumed).toContain('from beginning │');
		expect(consumed).toMatch(/\b1 received\b/);

		// Back to the topic's row; delete it, typing its name.
		await session.send(['Escape']);
		await session.waitForScreen('the topics pane, still filtered', screen => new RegExp(`^${topic} +3 +2 `, 'm').test(screen) && !screen.includes('from beginning'));
		await session.send(['C-d']);
		await session.waitForScreen('the delete form', screen => screen.includes(`Delete topic ${topic}`));
		await session.send(['Enter']);
		await session.waitForScreen('the typed confirmation', screen => screen.includes(`type ${topic} to confirm:`));
		await session.send([topic], {literal: true});
		await session.send(['Enter']);
		await session.waitForScreen('the delete outcome', screen => /^applied$/m.test(screen));
		await waitFor(async () => ((await topicNames()).includes(topic) ? new Unready(`${topic} still listed`) : true), {timeoutMs: 30_000, intervalMs: 500, what: 'the topic gone'});
		await session.send(['Escape']);
		await session.waitForScreen('the row DELETING or gone', screen => screen.includes('DELETING') || screen.includes(`no rows match /${topic}/`));

		await session.send(['q']);
		const after = await session.waitForScreen('the shell after ktop', screen => screen.includes('AFTER-KTOP rc=0'));
		expect(after).toContain('BEFORE-KTOP');
		expect(await session.modes()).toEqual({alternateScreen: false, cursorVisible: true});
		await session.kill();
		session = undefined;
	});

	it('a replication factor the cluster cannot give shows the error in the form and creates nothing', async () => {
		// A session the first case left behind when it failed half-way.
		await session?.kill();
		expect(await topicNames()).not.toContain(refused);
		session = await startKtop();
		await session.waitForScreen('the topics pane', screen => /topics \(\d+\)/.test(screen));
		await session.send(['n']);
		await session.waitForScreen('the create form', screen => screen.includes('Create topic') && /› Name/.test(screen));
		await session.send([refused], {literal: true});
		await session.send(['Tab', 'BSpace', 'BSpace', '3', 'Tab', 'BSpace', 'BSpace', '9', 'Enter', 'Enter']);
		const form = await session.waitForScreen('the error', screen => screen.includes('✗ replication factor: 9 needs 9 live brokers'));
		// Still the form, focus on the last field, nothing to confirm.
		expect(form).toContain('Create topic');
		expect(form).not.toContain('Enter applies it');
		expect(form).toMatch(/› Configs/);
		// Esc leaves the form; nothing was sent.
		await session.send(['Escape']);
		await session.waitForScreen('the table again', screen => !screen.includes('Create topic') && /topics \(\d+\)/.test(screen));
		expect(await topicNames()).not.toContain(refused);
		await session.send(['q']);
		await session.waitForScreen('the shell after ktop', screen => screen.includes('AFTER-KTOP rc=0'));
		expect(await session.modes()).toEqual({alternateScreen: false, cursorVisible: true});
	});
});
