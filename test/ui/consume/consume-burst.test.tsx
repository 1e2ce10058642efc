import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {ConsumeSession} from '../../../source/model/consume-types.js';
import {fakeStore, keys, renderOnTerminal, tick} from '../harness.js';
import {healthySnapshot} from '../snapshots.js';
import {fakeSession} from './fake-session.js';

const unmounts: Array<() => void> = [];
afterEach(() => {
	for (const unmount of unmounts.splice(0)) unmount();
});

async function onTerminal(columns: number, rows: number) {
	const session = fakeSession();
	const app = await renderOnTerminal(fakeStore(healthySnapshot()), columns, rows, {
		consume: async (): Promise<ConsumeSession> => session,
		initialStack: [{view: 'topics'}, {view: 'consume', subject: 'orders'}],
	});
	unmounts.push(app.unmount);
	await tick();
	return {...app, session};
}

function expectFits(frame: string, columns: number, rows: number) {
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
	for (const line of lines) expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(columns);
}

describe('consume view under load', () => {
	it('takes 100,000 records: the buffer stays bounded, frames stay few and small, keys are still handled at once', async () => {
		const {frame, stdout, type, session} = await onTerminal(80, 24);
		const framesBefore = stdout.frames.length;
		const started = performance.now();
		let keyLatency = 0;
		for (let batch = 0; batch < 100; batch++) {
			// 1,000 records a batch every 10 ms, as fetch responses deliver them: 100,000 a second.
			session.pushMany(1000, index => ({partition: index % 3, key: `k${batch}-${index}`, value: `{"batch":${batch},"n":${index},"pad":"${'x'.repeat(100)}"}`}));
			await new Promise(resolve => setTimeout(resolve, 10));
			if (batch === 50) {
				const pressed = performance.now();
				await type('k');
				keyLatency = performance.now() - pressed;
				expect(frame()).toContain('follow off');
				await type('f');
			}
		}

		const pushed = performance.now() - started;
		await new Promise(resolve => setTimeout(resolve, 300));
		await tick();
		const frames = stdout.frames.length - framesBefore;
		console.info(`100,000 records in ${pushed.toFixed(0)} ms; ${frames} frames drawn; a key press handled in ${keyLatency.toFixed(1)} ms`);
		expect(session.getStats().received).toBe(100_000);
		expect(session.getStats().held).toBe(10_000);
		expect(frame()).toContain('100,000 received');
		expect(frame()).toContain('held 10,000/10,000');
		expect(frame()).toContain('"batch":99,"n":999');
		expectFits(frame(), 80, 24);
		// Throttled: a frame per record (or per batch) would be 100,000 (or 100).
		expect(frames).toBeLessThan(60);
	});

	it('fits 80x24 and 200x60 in the list and the detail, with long keys and values', async () => {
		for (const [columns, rows] of [[80, 24], [200, 60]] as const) {
			const {frame, type, session} = await onTerminal(columns, rows);
			session.push(
				{key: 'k'.repeat(300), value: 'v'.repeat(5000)},
				{key: '注文-'.repeat(50), value: `{"text":"${'日本語'.repeat(200)}"}`},
				{value: Buffer.alloc(4096, 0xAB)},
			);
			await new Promise(resolve => setTimeout(resolve, 300));
			await tick();
			expectFits(frame(), columns, rows);
			for (const steps of [['k', keys.enter], [keys.escape, 'k', keys.enter], [keys.escape, 'g', keys.enter, keys.pageDown]]) {
				await type(...steps);
				expectFits(frame(), columns, rows);
			}
		}
	});
});
