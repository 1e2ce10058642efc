import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openConsumeSession} from '../../source/model/consume-session.js';
import type {ConsumeSession} from '../../source/model/consume-types.js';
import {testKafka} from '../helpers/kafka.js';
import {kcatProduce, TestTopics} from './consume-helpers.js';

const run = promisify(execFile);
const admin = testKafka('ktop-consume-burst-test').admin();
const topics = new TestTopics(admin);
const sessions: ConsumeSession[] = [];
const total = 100_000;
const capacity = 10_000;
const mib = 1024 * 1024;

/** 100,000 records of 100 bytes each, numbered. */
const burst = Array.from({length: total}, (_, index) => `record-${String(index).padStart(7, '0')}-${'x'.repeat(85)}`).join('\n') + '\n';

/** Largest RSS and event-loop delay while `work` runs: the delay is how long a key press would wait. */
async function measured<T>(work: () => Promise<T>): Promise<{result: T; ms: number; rssGrowthMib: number; maxLoopDelayMs: number}> {
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	let rssMax = rssBefore;
	let maxLoopDelayMs = 0;
	let expected = performance.now() + 10;
	const sampler = setInterval(() => {
		const now = performance.now();
		maxLoopDelayMs = Math.max(maxLoopDelayMs, now - expected);
		expected = now + 10;
		rssMax = Math.max(rssMax, process.memoryUsage().rss);
	}, 10);
	const started = performance.now();
	try {
		const result = await work();
		return {result, ms: performance.now() - started, rssGrowthMib: (rssMax - rssBefore) / mib, maxLoopDelayMs};
	} finally {
		clearInterval(sampler);
	}
}

async function received(session: ConsumeSession, count: number): Promise<void> {
	await waitFor(async () => {
		const stats = session.getStats();
		// The buffer stays bounded at every moment, not only at the end.
		if (stats.held > stats.capacity) throw new Error(`held ${stats.held} > capacity ${stats.capacity}`);
		return stats.received >= count ? true : new Unready(`${stats.received} received`);
	}, {timeoutMs: 120_000, intervalMs: 5, what: `${count} records`});
}

let topic: string;

beforeAll(async () => {
	await admin.connect();
	topic = await topics.create('ktop-consume-burst', 3);
	await kcatProduce(topic, burst, []);
});

afterAll(async () => {
	await Promise.all(sessions.map(async session => session.close()));
	await topics.deleteAll();
	await admin.disconnect();
});

describe('a burst of 100,000 records of 100 bytes', () => {
	it('read from the beginning: the buffer holds the newest 10,000, memory stays bounded, the event loop free', async () => {
		const {result: session, ms, rssGrowthMib, maxLoopDelayMs} = await measured(async () => {
			const opened = await openConsumeSession({bootstrap: bootstrapServers, topic, start: {kind: 'beginning'}, capacity});
			sessions.push(opened);
			await received(opened, total);
			return opened;
		});
		const stats = session.getStats();
		const kcat = await measured(async () => run('kcat', ['-C', '-b', bootstrapServers.join(','), '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%o\n'], {maxBuffer: 64 * mib}));
		console.log(`[consume burst] from the beginning: ${total} records in ${ms.toFixed(0)} ms = ${Math.round(total / (ms / 1000))} records/s (kcat -C -e: ${kcat.ms.toFixed(0)} ms, process included); RSS +${rssGrowthMib.toFixed(1)} MiB; largest event-loop delay ${maxLoopDelayMs.toFixed(1)} ms; held ${stats.held}, evicted ${stats.evicted}`);
		expect(stats).toMatchObject({received: total, held: capacity, evicted: total - capacity, error: undefined});
		expect(session.getRecords()).toHaveLength(capacity);
		expect(rssGrowthMib).toBeLessThan(256);
		// Key presses are handled between fetch replies, not after the burst.
		expect(maxLoopDelayMs).toBeLessThan(500);
		const newest = session.getRecords().at(-1)!.value!.toString().slice(0, 14);
		session.setFilter(`^${newest}-`);
		expect(session.getRecords().map(record => record.value!.toString().slice(0, 14))).toEqual([newest]);
	});

	it('followed live while kcat produces it', async () => {
		const session = await openConsumeSession({bootstrap: bootstrapServers, topic, start: {kind: 'end'}, capacity});
		sessions.push(session);
		let peakRate = 0;
		const {ms, rssGrowthMib, maxLoopDelayMs} = await measured(async () => {
			const unsubscribe = session.subscribe(() => {
				peakRate = Math.max(peakRate, session.getStats().ratePerSecond);
			});
			await kcatProduce(topic, burst, []);
			await received(session, total);
			unsubscribe();
		});
		console.log(`[consume burst] followed while produced: ${total} records in ${ms.toFixed(0)} ms (kcat producing included); peak rate shown ${Math.round(peakRate)}/s; RSS +${rssGrowthMib.toFixed(1)} MiB; largest event-loop delay ${maxLoopDelayMs.toFixed(1)} ms`);
		expect(session.getStats()).toMatchObject({received: total, held: capacity});
		expect(peakRate).toBeGreaterThan(0);
	});

	it('paused: every record counted, none held', async () => {
		const session = await openConsumeSession({bootstrap: bootstrapServers, topic, start: {kind: 'beginning'}, capacity});
		sessions.push(session);
		session.pause();
		await received(session, 2 * total);
		const stats = session.getStats();
		expect(stats).toMatchObject({received: 2 * total, paused: true});
		expect(stats.receivedWhilePaused + stats.held).toBe(2 * total);
		expect(stats.held).toBeLessThanOrEqual(capacity);
	});
});
