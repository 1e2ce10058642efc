import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers, repoRoot, zookeeperConnect} from '../../cluster/layout.js';
import {textWidth} from '../../source/text/text-width.js';
import {commitGroupOffsets, testKafka, uniqueTopic} from '../helpers/kafka.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'dist', 'cli.js');

// tmux (3.3) draws each of these wider than string-width, and so Ink, counts them: 👍🏽 is 4 columns there, not 2.
const thumbs = '👍🏽'.repeat(40);
const tag = `ktop-wide-${Date.now().toString(36)}`;
const awkward = [
	'👩\u200D👩\u200D👧 family', '🇯🇵🇫🇷 flags', '1️⃣#️⃣ keycaps', '⚠️❤️ VS16', '日本語トピック CJK', 'e\u0301\u0302 combining',
	'é·…→ΩЖ ambiguous', 'क्षि กำ scripts', '👋🏿👋🏻 modifiers', 'ad\u200Bmin zero-width', '\u3164 filler',
];
const awkwardGroups = awkward.map((text, index) => `${tag}-${index} ${text.repeat(3)}`);
const longValue = `${awkward.join(' ')} `.repeat(6);

/** Every line within the terminal, none wrapped by tmux, the first still row 1 of ktop's frame. */
async function expectFits(session: TmuxSession, columns: number, rows: number, firstLine: RegExp, what: string): Promise<string> {
	const {screen, joined} = await settledScreen(session);
	const lines = screen.replace(/\n$/, '').split('\n');
	expect(lines, `${what}: rows\n${screen}`).toHaveLength(rows);
	// capture-pane -J joins the lines tmux wrapped: as many lines means none was wider than the terminal.
	expect(joined.replace(/\n$/, '').split('\n'), `${what}: a line wrapped\n${screen}`).toHaveLength(rows);
	for (const line of lines) expect(textWidth(line), `${what}: ${line}`).toBeLessThanOrEqual(columns);
	expect(lines[0], `${what}: row 1\n${screen}`).toMatch(firstLine);
	return screen;
}

/**
The screen between two of ktop's redraws (the header's clock redraws every second): a capture
taken while a frame is half written is not what the operator sees.
*/
async function settledScreen(session: TmuxSession): Promise<{screen: string; joined: string}> {
	for (;;) {
		const before = await session.screen();
		const joined = await session.joinedScreen();
		await new Promise(resolve => setTimeout(resolve, 100));
		if (await session.screen() === before) return {screen: before, joined};
	}
}

/**
Waits for ktop's redraw at a new size: its hint line is the row above the last (the frame is one
row shorter than the screen), and two captures in a row agree.
*/
async function redrawn(session: TmuxSession, rows: number, what: string, check: (screen: string) => boolean): Promise<void> {
	let previous = '';
	await session.waitForScreen(what, screen => {
		const settled = screen === previous;
		previous = screen;
		return settled && /^(Esc back|↑\/↓ scroll|Space pause)/.test(screen.split('\n')[rows - 2] ?? '') && check(screen);
	});
}

const header = /^ktop │ zk 3\/3 leader 127\.0\.0\.1:\d+/;

describe('wide and invisible characters from the cluster, drawn by the built ktop in tmux', () => {
	const kafka = testKafka('ktop-wide-text-test');
	const admin = kafka.admin();
	const topic = uniqueTopic('ktop-wide');
	const sessions: TmuxSession[] = [];

	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
		await admin.connect();
		await admin.createTopics({topics: [{topic, numPartitions: 1, replicationFactor: 3}], waitForLeaders: true});
		const producer = kafka.producer();
		await producer.connect();
		await producer.send({topic, messages: [
			{key: thumbs, value: longValue, headers: {[thumbs]: longValue}},
			...awkward.map(text => ({key: text, value: text.repeat(12)})),
		]});
		await producer.disconnect();
		// Real consumer groups (committed offsets, no members), named as any client could name them.
		for (const groupId of [thumbs, ...awkwardGroups]) await commitGroupOffsets(kafka, groupId, topic, [{partition: 0, offset: '1'}]);
	});

	afterAll(async () => {
		await Promise.all(sessions.map(async session => session.kill()));
		await admin.deleteGroups([thumbs, ...awkwardGroups]).catch(() => undefined);
		await admin.deleteTopics({topics: [topic]}).catch(() => undefined);
		await admin.disconnect();
	});

	it('keeps :groups and the group view within the terminal at every size, the header on row 1', async () => {
		const session = await startTmux(`node ${cli} -z ${zookeeperConnect} -i 2; sleep 600`, {columns: 80, rows: 24});
		sessions.push(session);
		await session.waitForScreen('the header', screen => header.test(screen));
		await session.send([':groups'], {literal: true});
		await session.send(['Enter']);
		// Only this test's groups: the 👍🏽 one and the ones tagged.
		await session.send(['/']);
		await session.send([`^👍|${tag}`], {literal: true});
		await session.send(['Enter']);
		await session.waitForScreen('the emoji groups', screen => screen.includes('👍🏽👍🏽') && screen.includes(`(${awkwardGroups.length + 1} of `));
		for (const [columns, rows] of [[80, 24], [120, 30], [60, 20], [40, 14], [200, 50], [80, 24]] as const) {
			await session.resize(columns, rows);
			await redrawn(session, rows, `groups at ${columns}x${rows}`, screen => screen.includes('👍🏽👍🏽'));
			const screen = await expectFits(session, columns, rows, header, `:groups at ${columns}x${rows}`);
			// The zero-width space is shown, not hidden: "ad min" and "admin" are told apart.
			if (columns >= 200) expect(screen).toContain(String.raw`ad\u200bmin`);
		}

		// The 👍🏽 group's own view: its name in the breadcrumbs and the rows, cut to the width.
		await session.send(['Escape']);
		await session.send(['/']);
		await session.send(['^👍'], {literal: true});
		await session.send(['Enter']);
		await session.waitForScreen('only the 👍🏽 group', screen => screen.includes('(1 of '));
		await session.send(['Enter']);
		await session.waitForScreen('the group view', screen => /groups › group 👍🏽/.test(screen) && screen.includes('ktop-wide'));
		for (const [columns, rows] of [[80, 24], [50, 16], [120, 30]] as const) {
			await session.resize(columns, rows);
			await redrawn(session, rows, `group at ${columns}x${rows}`, screen => /groups › group 👍🏽/.test(screen));
			await expectFits(session, columns, rows, header, `group view at ${columns}x${rows}`);
		}

		// Too small for the shell: the message, whole, within 20x5 (4 lines: the frame stays below the screen's height).
		await session.resize(20, 5);
		const small = await session.waitForScreen('too small', screen => screen.includes('ktop: terminal too'));
		expect(small.split('\n').slice(0, 3)).toEqual(['ktop: terminal too', 'small (20x5); q', 'quits']);
		await expectFits(session, 20, 5, /^ktop: terminal too$/, 'too small at 20x5');
	});

	it('keeps the consume view and a record\'s detail within the terminal', async () => {
		const session = await startTmux(`node ${cli} consume ${topic} --from beginning -b ${bootstrapServers.join(',')} -i 2; sleep 600`, {columns: 80, rows: 24});
		sessions.push(session);
		await session.waitForScreen('the records', screen => header.test(screen) && screen.includes('👍🏽👍🏽') && screen.includes('scripts'));
		await expectFits(session, 80, 24, header, 'consume at 80x24');
		// The first record (key 👍🏽 × 40, the long value, a header): its detail, wrapped to the width.
		await session.send(['g']);
		await session.send(['Enter']);
		await session.waitForScreen('the detail', screen => screen.includes('partition 0, offset 0') && /value/.test(screen));
		for (const [columns, rows] of [[80, 24], [47, 20], [120, 40]] as const) {
			await session.resize(columns, rows);
			await redrawn(session, rows, `detail at ${columns}x${rows}`, screen => screen.includes('partition 0, offset 0'));
			const screen = await expectFits(session, columns, rows, header, `detail at ${columns}x${rows}`);
			expect(screen).toContain('👍🏽👍🏽');
		}
	});
});
