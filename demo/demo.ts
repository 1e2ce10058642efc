import {up} from '../cluster/harness.js';
import {kafkaClient} from './client.js';
import {type Member, demoGroups, startGroups, waitForGroups} from './consumers.js';
import {type KtopExit, launchKtop} from './ktop.js';
import {createLog, logFile} from './log.js';
import {recordMakers} from './records.js';
import {firstStopSignal, within} from './signals.js';
import {demoTopics, describeTopic, ensureTopics} from './topics.js';
import {type Stream, type Traffic, startTraffic} from './traffic.js';

/**
`npm run demo`: the local cluster with topics, live traffic and consumer groups, and ktop on top.
Start-up runs in phases: until traffic starts the demo owns nothing, so a signal simply exits;
from then on every stop path disconnects the producer and consumers before exiting.
*/

const {log, mute, unmute} = createLog();
const stopSignal = firstStopSignal();
let stopRequested: NodeJS.Signals | undefined;
void stopSignal.then(signal => {
	stopRequested = signal;
});

/** Disconnecting waits on brokers; a dead cluster must not keep the demo alive forever. */
const cleanupDeadlineMs = 20_000;

const makers = recordMakers();
const streams: Stream[] = [
	{topic: 'orders', everyMs: 250, acks: -1, next: makers.order},
	{topic: 'payments', everyMs: 500, acks: 1, next: makers.payment},
	{topic: 'audit', everyMs: 1000, acks: 1, next: makers.audit},
];

const admin = kafkaClient('ktop-demo-admin').admin();
const prepared = await within((async () => {
	await up(log);
	await admin.connect();
	await ensureTopics(admin, demoTopics, log);
	return true;
})(), Number.POSITIVE_INFINITY).catch((error: unknown) => error as Error);
