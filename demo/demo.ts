import {HarnessError, abortStarts, up} from '../cluster/harness.js';
import {kafkaClient} from './client.js';
import {type Member, createMembers, demoGroups, startMembers, waitForGroups} from './consumers.js';
import {type KtopExit, launchKtop} from './ktop.js';
import {createLog, logFile} from './log.js';
import {recordMakers} from './records.js';
import {firstStopSignal, within} from './signals.js';
import {demoTopics, describeTopic, ensureTopics} from './topics.js';
import {type Stream, type Traffic, startTraffic} from './traffic.js';

/**
`npm run demo`: the local cluster with topics, live traffic and consumer groups, and ktop on top.
Until traffic starts the demo owns no clients, so a signal simply exits; from then on every way
out disconnects the producer and the consumers first, so the groups are left empty, not stale.
*/

const {log, mute, unmute} = createLog();
const stopSignal = firstStopSignal();
let stopRequested: NodeJS.Signals | undefined;
void stopSignal.then(signal => {
	stopRequested = signal;
});

/** Disconnecting waits on the brokers; a dead cluster must not keep the demo alive for ever. */
const cleanupDeadlineMs = 20_000;

const makers = recordMakers();
const streams: Stream[] = [
	{topic: 'orders', everyMs: 250, acks: -1, next: makers.order},
	{topic: 'payments', everyMs: 500, acks: 1, next: makers.payment},
	{topic: 'audit', everyMs: 1000, acks: 1, next: makers.audit},
];

/** Runs `work` unless a stop signal comes first; the work is then abandoned, not awaited. */
async function unlessStopped(work: Promise<unknown>): Promise<'done' | 'stopped'> {
	return Promise.race([work.then(() => 'done' as const), stopSignal.then(() => 'stopped' as const)]);
}

function describeSetup(): void {
	log(`topics: ${demoTopics.map(topic => describeTopic(topic)).join('; ')}`);
	log(`producing ${streams.map(stream => `~${1000 / stream.everyMs}/s to ${stream.topic}${stream.acks === -1 ? ' (acks=all)' : ''}`).join(', ')}`);
	for (const group of demoGroups) log(`group ${group.groupId}: ${group.note}`);
	log(`starting ktop; until it exits the demo writes only to ${logFile}`);
}

async function cleanUp(traffic: Traffic | undefined, members: Member[]): Promise<void> {
	const closing = Promise.allSettled([
		traffic?.stop(),
		...members.map(async member => member.consumer.disconnect()),
	]);
	const results = await within(closing, cleanupDeadlineMs);
	if (!results) {
		log(`gave up after ${cleanupDeadlineMs / 1000} s of disconnecting; groups drop the remaining members when their sessions expire`);
		return;
	}

	for (const result of results) {
		if (result.status === 'rejected') log(`disconnect failed: ${(result.reason as Error).message}`);
	}

	if (traffic) {
		const counts = Object.entries(traffic.counts());
		log(`traffic stopped: ${counts.map(([topic, {sent, failed}]) => `${topic} ${sent} sent${failed > 0 ? `, ${failed} failed` : ''}`).join('; ')}`);
	}

	if (members.length > 0) {
		log(`consumers left their groups: ${members.map(member => `${member.name} read ${member.consumed}`).join(', ')}`);
	}
}

/** The demo's exit code once ktop is gone: ktop's own failure is passed on, a normal quit or interrupt is 0. */
function exitCodeFor(exit: KtopExit): number {
	if (exit.error) {
		log(`could not start ktop: ${exit.error.message}`);
		return 1;
	}

	if (exit.code === 0 || exit.signal === 'SIGINT' || exit.signal === 'SIGTERM' || exit.code === 130 || exit.code === 143) return 0;
	log(`ktop exited with ${exit.signal ?? `code ${exit.code}`}`);
	return exit.code ?? 1;
}

async function main(): Promise<number> {
	const admin = kafkaClient('ktop-demo-admin').admin();
	const prepared = await unlessStopped((async () => {
		await up(log);
		await admin.connect();
		await ensureTopics(admin, demoTopics, log);
	})());
	if (prepared === 'stopped') {
		// As `npm run cluster -- up` does when interrupted: nodes this start had launched are killed, not orphaned.
		abortStarts(log);
		log(`${stopRequested} during start-up; no traffic or consumers were started`);
		return 0;
	}

	let traffic: Traffic | undefined;
	const members = createMembers(demoGroups);
	let code = 0;
	try {
		traffic = await startTraffic(streams, log);
		await startMembers(members, log);
		if (!stopRequested) await unlessStopped(waitForGroups(admin, demoGroups, log));
		await admin.disconnect();
		if (!stopRequested) {
			describeSetup();
			mute();
			const ktop = launchKtop();
			const first = await Promise.race([ktop.exited, stopSignal]);
			const exit = typeof first === 'string' ? await ktop.stop(first) : first;
			unmute();
			code = stopRequested ? 0 : exitCodeFor(exit);
		}
	} catch (error) {
		unmute();
		log(`failed: ${(error as Error).message}`);
		code = 1;
	}

	if (stopRequested) log(`${stopRequested}: stopping traffic and consumers`);
	await cleanUp(traffic, members);
	log('cluster left running; `npm run cluster -- down` stops it');
	return code;
}

let code: number;
try {
	code = await main();
} catch (error) {
	// Only start-up can get here (the cluster or the topics); nothing is running yet.
	log(`failed: ${(error as Error).message}${error instanceof HarnessError && error.hint ? `\n  → ${error.hint}` : ''}`);
	code = 1;
}

process.exit(code);
