import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {repoRoot, zookeeperConnect} from '../../cluster/layout.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

const run = promisify(execFile);

/**
The built ktop in tmux, given only ZooKeeper (so the writer's brokers come from a refresh), as an
operator runs it; the effect of each action is checked with kafkajs' admin, never ktop's reads.
*/
async function startKtop(flags = ''): Promise<TmuxSession> {
	const ktop = `node ${path.join(repoRoot, 'dist', 'cli.js')} -z ${zookeeperConnect} -i 2 ${flags}`;
	return startTmux(`sh -c '${ktop}; echo "AFTER-KTOP rc=$?"; sleep 600'`, {columns: 100, rows: 30});
}

describe('topic actions in the TUI, driven in tmux against the real cluster', () => {
	const admin = testKafka().admin();
	const topic = uniqueTopic('tui-actions');
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
		await admin.connect();
	});

	afterAll(async () => {
		await session?.kill();
		await admin.deleteTopics({topics: [topic]}).catch(() => undefined);
		await admin.disconnect();
	});

	it('n creates a topic: form, preview naming the cluster, applied, and the new row after the refresh', async () => {
		session = await startKtop();
		await session.waitForScreen('the topics pane', screen => /topics \(\d+\)/.test(screen));
		await session.send(['n']);
		await session.waitForScreen('the create form', screen => screen.includes('Create topic') && /› Name/.test(screen));
		await session.send([topic], {literal: true});
		// Partitions 2, replication factor 1, no configs.
		await session.send(['Tab', 'BSpace', 'BSpace', '2', 'Tab', 'BSpace', 'BSpace', '1', 'Enter', 'Enter']);
		const preview = await session.waitForScreen('the preview', screen => screen.includes('Enter applies it'));
		expect(preview).toMatch(/cluster \S+ · bootstrap 127\.0\.0\.1:\d+/);
		expect(preview).toMatch(/partitions +2/);
		expect(await admin.listTopics()).not.toContain(topic);
		await session.send(['Enter']);
		await session.waitForScreen('the outcome', screen => /^applied$/m.test(screen));
		// CreateTopics answers once the controller made the topic; the broker asked here may learn of it a moment later.
		const partitions = await waitFor(async () => {
			try {
				return (await admin.fetchTopicMetadata({topics: [topic]})).topics[0]!.partitions;
			} catch (error) {
				return new Unready(`metadata for ${topic}: ${(error as Error).message}`);
			}
		}, {timeoutMs: 15_000, intervalMs: 250, what: 'the new topic in the brokers\' metadata'});
		expect(partitions).toHaveLength(2);
		await session.send(['Enter']);
		await session.waitForScreen('the new topic in the table', screen => new RegExp(`^${topic} +2 +1 `, 'm').test(screen));
	});

	it('Ctrl-D deletes it only once its name is typed exactly', async () => {
		await session!.send(['/']);
		await session!.send([topic], {literal: true});
		await session!.send(['Enter', 'C-d']);
		await session!.waitForScreen('the delete form', screen => screen.includes(`Delete topic ${topic}`));
		await session!.send(['Enter']);
		await session!.waitForScreen('the typed confirmation', screen => screen.includes(`type ${topic} to confirm:`));
		await session!.send([`${topic}x`], {literal: true});
		await session!.send(['Enter']);
		await session!.waitForScreen('the mismatch', screen => screen.includes(`that does not match ${topic}`));
		expect(await admin.listTopics()).toContain(topic);
		await session!.send(['BSpace', 'Enter']);
		await session!.waitForScreen('the outcome', screen => /^applied$/m.test(screen));
		await waitFor(async () => ((await admin.listTopics()).includes(topic) ? new Unready(`${topic} still listed`) : true), {timeoutMs: 30_000, intervalMs: 300, what: 'the topic gone'});
		// Apart: ESC and q in one write would read as Alt-q.
		await session!.send(['Escape']);
		await session!.waitForScreen('the table again', screen => screen.includes('no rows match') || screen.includes('DELETING'));
		await session!.send(['q']);
		await session!.waitForScreen('the shell after ktop', text => text.includes('AFTER-KTOP rc=0'));
		await session!.kill();
		session = undefined;
	});

	it('--read-only binds no action key', async () => {
		session = await startKtop('--read-only');
		await session.waitForScreen('the topics pane', screen => /topics \(\d+\)/.test(screen) && screen.includes('read-only'));
		await session.send(['n', 'C-d', 'e']);
		await session.send(['?']);
		const help = await session.waitForScreen('help', screen => screen.includes('Anywhere'));
		expect(help).not.toContain('Create topic');
		expect(help).not.toContain('Actions');
	});
});
