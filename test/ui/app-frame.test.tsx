import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import type {ClusterSnapshot} from '../../source/model/types.js';
import {paneForAlias, panes} from '../../source/ui/panes/index.js';
import type {PaneRegistry} from '../../source/ui/pane-registry.js';
import {fakeStore, keys, renderOnTerminal} from './harness.js';
import {textWidth} from '../../source/text/text-width.js';
import {group} from './panes/fixtures.js';
import {brokenSnapshot, healthySnapshot, partition, topic} from './snapshots.js';
import {stubRegistry} from './stub-panes.js';

const realRegistry: PaneRegistry = {panes, paneForAlias};

/** Long names, wide characters and many rows: what must still be cut, not wrapped. */
function awkwardSnapshot(): ClusterSnapshot {
	const snapshot = brokenSnapshot();
	return {
		...snapshot,
		clusterId: `cluster-${'x'.repeat(250)}`,
		topics: [
			topic(`very-long-topic-name-${'y'.repeat(200)}`, [partition(0, 1, [1, 2, 3], [1])]),
			topic('注文-トピック-日本語-とても長い名前-'.repeat(6), [partition(0, 1, [1, 2, 3])]),
			...Array.from({length: 300}, (_, index) => topic(`bulk-${index}`, [partition(0, 1, [1, 2, 3])])),
			topic('👍🏽'.repeat(40), [partition(0, 1, [1, 2, 3])]),
			...snapshot.topics,
		],
		// Emoji that tmux draws wider than string-width (and Ink) count them: 👍🏽 is 4 columns there, not 2.
		groups: [
			group('👍🏽'.repeat(40), {
				partitions: [{topic: '👍🏽'.repeat(40), partition: 0, committed: 1, highWatermark: 2, lag: 1, owner: '👍🏽'.repeat(20), status: 'OK'}],
			}),
			group('👩\u200D👩\u200D👧 🇯🇵 1️⃣ ⚠️ é·→ 日本 क्षि กำ '.repeat(4)),
			...snapshot.groups,
		],
	};
}

function expectFits(frame: string, columns: number, rows: number, what: string) {
	const lines = frame.split('\n');
	expect(lines.length, `${what}: lines`).toBeLessThanOrEqual(rows - 1);
	// ktop's own measure, the widest any terminal draws a line (text-width.ts), not Ink's.
	for (const line of lines) expect(textWidth(line), `${what}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(columns);
}

const views = [
	[':health', keys.enter], [':zk', keys.enter], [':brokers', keys.enter], [':groups', keys.enter], [keys.enter], [keys.escape],
	[':events', keys.enter], [':topics', keys.enter], [keys.enter], [keys.escape, '?'],
];

describe('frame size', () => {
	for (const [columns, rows] of [[80, 24], [200, 60]] as const) {
		for (const [name, registry] of [['stub panes', stubRegistry], ['real panes', realRegistry]] as const) {
			it(`stays below ${rows} lines and within ${columns} columns in every view (${name})`, async () => {
				for (const snapshot of [healthySnapshot(), brokenSnapshot(), awkwardSnapshot()]) {
					const app = await renderOnTerminal(fakeStore(snapshot), columns, rows, {registry});
					expectFits(app.frame(), columns, rows, 'start');
					// Cut, not wrapped: the long cluster id ends its line with an ellipsis and goes no further.
					if (snapshot.clusterId!.length > 100) {
						const [first, second] = app.frame().split('\n');
						expect(first).toMatch(/…$/);
						expect(second).not.toMatch(/^x/);
					}

					for (const sequence of views) {
						await app.type(...sequence);
						expectFits(app.frame(), columns, rows, sequence.join(''));
					}

					app.unmount();
				}
			// Thirty frames of three snapshots: several seconds on a loaded machine; the limit only stops a hang.
			}, 60_000);
		}
	}

	it('uses the height it has: more rows on a taller terminal, the hint line last', async () => {
		const small = await renderOnTerminal(fakeStore(healthySnapshot()), 80, 24);
		const large = await renderOnTerminal(fakeStore(healthySnapshot()), 200, 60);
		const count = (frame: string) => frame.split('\n').filter(line => /^(orders|payments|topic-\d\d) /.test(line)).length;
		expect(count(small.frame())).toBe(16);
		expect(count(large.frame())).toBe(42);
		expect(small.frame().split('\n')).toHaveLength(23);
		expect(small.frame().split('\n').at(-1)).toContain('q quit');
		small.unmount();
		large.unmount();
	});

	it('follows a resize live', async () => {
		const app = await renderOnTerminal(fakeStore(healthySnapshot()), 200, 60);
		expect(app.frame().split('\n')).toHaveLength(59);
		app.stdout.resize(80, 24);
		await new Promise(resolve => setTimeout(resolve, 50));
		expectFits(app.frame(), 80, 24, 'after resize');
		expect(app.frame().split('\n')).toHaveLength(23);
		app.stdout.resize(120, 30);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(app.frame().split('\n')).toHaveLength(29);
		expect(app.frame().split('\n').some(line => stringWidth(line) > 100)).toBe(true);
		app.unmount();
	});

	it('says so when the terminal is too small, rather than drawing garbage', async () => {
		const app = await renderOnTerminal(fakeStore(healthySnapshot()), 40, 5);
		expect(app.frame()).toContain('terminal too small');
		expectFits(app.frame(), 40, 5, 'tiny');
		app.unmount();
	});
});
