import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import type ZooKeeper from 'zookeeper';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {repoRoot, secureLayout, zookeeperConnect} from '../../cluster/layout.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {removeTree, zookeeperWriter} from '../helpers/zookeeper-writer.js';

const run = promisify(execFile);

/**
`:ctx` in the built ktop, in tmux: a config file with `local` (the plain cluster) and `scratch`
(a chroot on the same ensemble laid out as another cluster: its own cluster id, no brokers, no
topics), and `nowhere` (nothing listens). Switching must rebuild everything: the header names
the context, the old cluster's topics and events are gone, and an unreachable one is shown as
such rather than crashing ktop.
*/
const chroot = `/ktop-ctx-${randomBytes(4).toString('hex')}`;
const scratchId = `ctxScratch${randomBytes(3).toString('hex')}`;
const topic = uniqueTopic('tui-ctx');
let client: ZooKeeper;
let folder: string;
let session: TmuxSession | undefined;

/** Rows of the body (below the header and breadcrumbs) that start with `text`. */
function rowsStartingWith(screen: string, text: string): string[] {
	return screen.split('\n').slice(4).filter(line => line.startsWith(text));
}

async function command(line: string): Promise<void> {
	await session!.send([line], {literal: true});
	await session!.send(['Enter']);
}

async function ktopIn(config: string): Promise<TmuxSession> {
	const ktop = `node ${path.join(repoRoot, 'dist', 'cli.js')} -i 1`;
	return startTmux(`sh -c '${ktop}; echo "AFTER-KTOP rc=$?"; sleep 600'`, {columns: 160, rows: 40, env: {KTOP_CONFIG: config, KTOP_ZOOKEEPER: '', KTOP_BOOTSTRAP: ''}});
}

describe(':ctx switches cluster in the live view', () => {
	const admin = testKafka().admin();

	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
		await admin.connect();
		await admin.createTopics({topics: [{topic, numPartitions: 1, replicationFactor: 1}], waitForLeaders: true});
		client = await zookeeperWriter();
		for (const [node, data] of [
			[chroot, ''], [`${chroot}/cluster`, ''], [`${chroot}/cluster/id`, JSON.stringify({version: '1', id: scratchId})],
			[`${chroot}/brokers`, ''], [`${chroot}/brokers/ids`, ''], [`${chroot}/brokers/topics`, ''],
		] as const) await client.create(node, data, 0);
		folder = mkdtempSync(path.join(tmpdir(), 'ktop-tui-ctx-'));
	});

	afterAll(async () => {
		await session?.kill();
		await admin.deleteTopics({topics: [topic]}).catch(() => undefined);
		await admin.disconnect();
		if (client) {
			await removeTree(client, chroot);
			client.close();
		}

		rmSync(folder, {recursive: true, force: true});
	});

	it('starts on current-context local, lists both contexts, switches to scratch and back; nothing of the old cluster remains', async () => {
		const config = path.join(folder, 'config.yaml');
		writeFileSync(config, `current-context: local
contexts:
  local:
    zookeeper: ${zookeeperConnect}
  scratch:
    zookeeper: ${zookeeperConnect.split(',')[0]}${chroot}
    read-only: true
  nowhere:
    zookeeper: 127.0.0.1:1
`, {mode: 0o600});
		session = await ktopIn(config);
		await session.waitForScreen('the local cluster, named in the header', screen => /^ktop ctx local │ zk 3\/3 leader/m.test(screen) && /brokers 3\/3 up/.test(screen));
		await command(':topics');
		await session.send(['/']);
		await command(topic);
		await session.waitForScreen('the local topic', screen => rowsStartingWith(screen, topic).length === 1);

		await command(':ctx');
		const listed = await session.waitForScreen('the contexts listed', screen => screen.includes('READ-ONLY') && /^ {2}scratch\s/m.test(screen));
		expect(listed).toMatch(/^\* local\s+127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+\s+-\s+PLAINTEXT\s+no$/m);
		expect(listed).toMatch(new RegExp(`^ {2}scratch\\s+127\\.0\\.0\\.1:\\d+${chroot}\\s+-\\s+PLAINTEXT\\s+yes`, 'm'));
		await session.send(['Down', 'Enter']);

		const scratch = await session.waitForScreen('the scratch cluster, named in the header', screen => /^ktop ctx scratch read-only/m.test(screen) && screen.includes(`cluster ${scratchId}`));
		expect(scratch).not.toContain('brokers 3/3 up');
		await command(':topics');
		await session.send(['/']);
		await command(topic);
		const noTopic = await session.waitForScreen('the scratch cluster\'s (empty) topics', screen => /^topics › \(0\)|^topics \(0\)/m.test(screen) || screen.includes('no rows match'));
		expect(rowsStartingWith(noTopic, topic)).toEqual([]);
		await command(':events');
		const events = await session.waitForScreen('the switch on the new timeline', screen => screen.includes('context-switched'));
		expect(events).toContain('switched to context scratch from local');
		// The new timeline starts at the switch: nothing the local cluster did is on it.
		expect(events).not.toMatch(/broker-joined|topic-created|leader-changed/);

		await command(':ctx local');
		await session.waitForScreen('back on local', screen => /^ktop ctx local │ zk 3\/3 leader/m.test(screen) && /brokers 3\/3 up/.test(screen) && !screen.includes(scratchId));
		await command(':topics');
		await session.send(['/']);
		await command(topic);
		await session.waitForScreen('the local topic again', screen => rowsStartingWith(screen, topic).length === 1);
		await command(':events');
		const back = await session.waitForScreen('the switch back on the timeline', screen => screen.includes('switched to context local from scratch'));
		expect(back).not.toContain('switched to context scratch');
	});

	it('a context that cannot be reached is shown as such, and ktop goes on; an unknown one is refused in place', async () => {
		await command(':ctx nowhere');
		await session!.waitForScreen('the unreachable context', screen => /^ktop ctx nowhere/m.test(screen) && /cannot read the cluster yet|STALE|QUORUM LOST|unreachable/.test(screen), 60_000);
		await command(':ctx nosuch');
		const refused = await session!.waitForScreen('the refusal', screen => screen.includes('cannot switch to context nosuch'));
		expect(refused).toMatch(/^ktop ctx nowhere/m);
		await command(':ctx local');
		await session!.waitForScreen('local again', screen => /^ktop ctx local │ zk 3\/3 leader/m.test(screen));
		await session!.send(['q']);
		await session!.waitForScreen('ktop ended', screen => screen.includes('AFTER-KTOP rc=0'));
	});

	it('switches from local to secure-scram with the secure harness\'s ktop.yaml, showing no secret', async () => {
		const config = secureLayout.files.ktopConfig;
		expect(existsSync(config), `${config} (npm run cluster -- up --secure writes it)`).toBe(true);
		await session?.kill();
		session = await ktopIn(config);
		await session.waitForScreen('local from the harness\'s file', screen => /^ktop ctx local │ zk 3\/3 leader/m.test(screen));
		await command(':ctx');
		const listed = await session.waitForScreen('the secure contexts', screen => /^ {2}secure-scram\s.*SASL_SSL/m.test(screen));
		expect(listed).toMatch(/^ {2}secure-mtls\s.*\bSSL\b/m);
		await session.send(['Escape']);
		await command(':ctx secure-scram');
		const secure = await session.waitForScreen('the secure cluster over SCRAM', screen => /^ktop ctx secure-scram │ zk 1\/1/m.test(screen) && /brokers 2\/2 up/.test(screen), 60_000);
		const passwords = JSON.parse(readFileSync(secureLayout.tls.passwords, 'utf8')) as Record<string, unknown>;
		const secrets = JSON.stringify(passwords).match(/"[^"]{6,}"/g)?.map(quoted => quoted.slice(1, -1)).filter(value => !/^[a-z-]+$/.test(value)) ?? [];
		for (const secret of secrets) expect(secure).not.toContain(secret);
		await command(':ctx local');
		await session.waitForScreen('local again', screen => /^ktop ctx local │ zk 3\/3 leader/m.test(screen) && /brokers 3\/3 up/.test(screen));
	});
});
