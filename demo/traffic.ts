import {type Message, type Producer, Partitioners} from 'kafkajs';
import {kafkaClient} from './client.js';
import type {Log} from './log.js';

export type Stream = {
	topic: string;
	/** Mean gap between records; each gap is jittered so the rate looks organic. */
	everyMs: number;
	/** -1 waits for all in-sync replicas, so min.insync.replicas applies. */
	acks: -1 | 1;
	next: () => Message;
};

export type Counts = {sent: number; failed: number};

export type Traffic = {
	counts: () => Record<string, Counts>;
	stop: () => Promise<void>;
};

/** How long to wait after a failed send before trying again. */
const failureBackoffMs = 2000;

export async function startTraffic(streams: Stream[], log: Log): Promise<Traffic> {
	const producer = kafkaClient('ktop-demo-producer').producer({
		createPartitioner: Partitioners.DefaultPartitioner,
		allowAutoTopicCreation: false,
		retry: {retries: 2},
	});
	await producer.connect();
	const loops = streams.map(stream => runStream(producer, stream, log));
	return {
		counts: () => Object.fromEntries(loops.map(loop => [loop.topic, {...loop.counts}])),
		async stop() {
			await Promise.all(loops.map(async loop => loop.stop()));
			await producer.disconnect();
		},
	};
}

/**
One record per tick, each tick scheduled only after the previous send settled (a setTimeout chain):
a slow or failing cluster slows the generator down instead of piling up pending sends.
*/
function runStream(producer: Producer, stream: Stream, log: Log) {
	const counts: Counts = {sent: 0, failed: 0};
	let timer: NodeJS.Timeout | undefined;
	let inFlight: Promise<void> | undefined;
	let stopped = false;
	// Failures are logged when they start, change or end, not once per record.
	let failingWith: string | undefined;
	let failuresInRow = 0;

	async function sendOne(): Promise<void> {
		try {
			await producer.send({topic: stream.topic, acks: stream.acks, timeout: 10_000, messages: [stream.next()]});
			counts.sent += 1;
			if (failingWith !== undefined) log(`${stream.topic}: sends succeed again after ${failuresInRow} failed`);
			failingWith = undefined;
			failuresInRow = 0;
		} catch (error) {
			counts.failed += 1;
			failuresInRow += 1;
			const reason = (error as Error).message;
			if (reason !== failingWith) log(`${stream.topic}: send failed: ${reason}`);
			failingWith = reason;
		}
	}

	function schedule(): void {
		const gap = failingWith === undefined ? stream.everyMs * (0.5 + Math.random()) : failureBackoffMs;
		timer = setTimeout(() => {
			inFlight = sendOne().finally(() => {
				inFlight = undefined;
				if (!stopped) schedule();
			});
		}, gap);
	}

	schedule();
	return {
		topic: stream.topic,
		counts,
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await inFlight;
		},
	};
}
