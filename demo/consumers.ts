import type {Admin, Consumer} from 'kafkajs';
import {Unready, waitFor} from '../cluster/wait-for.js';
import {kafkaClient} from './client.js';
import type {Log} from './log.js';

export type DemoGroup = {
	groupId: string;
	topic: string;
	/** Consumers started in this group; more than one splits the partitions between them. */
	members: number;
	/** Time spent on each record: slower than the topic's produce rate makes the group's lag grow. */
	msPerRecord?: number;
	note: string;
};

/**
The layouts operators check: one group load-balancing a topic over two members, and two
independent groups each receiving every payments record (a broadcast), plus one falling behind.
*/
export const demoGroups: DemoGroup[] = [
	{groupId: 'orders-processor', topic: 'orders', members: 2, note: '2 members share orders\' 6 partitions'},
	{groupId: 'payments-ledger', topic: 'payments', members: 1, note: 'reads every payments record'},
	{groupId: 'payments-audit', topic: 'payments', members: 1, note: 'reads every payments record too'},
	{groupId: 'audit-archiver', topic: 'audit', members: 1, msPerRecord: 1500, note: 'slower than audit is written: lag grows'},
];

export type Member = {
	name: string;
	group: DemoGroup;
	consumer: Consumer;
	consumed: number;
};

/** The consumers, not yet connected: the caller holds them before any can join, so every way out can disconnect them. */
export function createMembers(groups: DemoGroup[]): Member[] {
	return groups.flatMap(group => Array.from({length: group.members}, (_, index) => {
		const name = `${group.groupId}-${index + 1}`;
		const consumer = kafkaClient(name).consumer({
			groupId: group.groupId,
			allowAutoTopicCreation: false,
			// A member leaves only after its current fetch returns; the 5 s default made Ctrl-C feel stuck.
			maxWaitTimeInMs: 1000,
		});
		return {name, group, consumer, consumed: 0};
	}));
}

/**
Starts all members at once: kafkajs' run() returns only after the member has joined, and members
of one group joining together share a single rebalance instead of one per member.
Every start settles before a failure is thrown, so none is still joining while the caller disconnects.
*/
export async function startMembers(members: Member[], log: Log): Promise<void> {
	const results = await Promise.allSettled(members.map(async member => startMember(member, log)));
	const failure = results.find(result => result.status === 'rejected');
	if (failure) throw failure.reason;
}

async function startMember(member: Member, log: Log): Promise<void> {
	const {consumer, group} = member;
	consumer.on(consumer.events.CRASH, event => {
		log(`${member.name}: consumer crashed (${event.payload.error.message}); restart: ${String(event.payload.restart)}`);
	});
	await consumer.connect();
	await consumer.subscribe({topic: group.topic, fromBeginning: true});
	await consumer.run({
		// A slow member commits as it goes, not only when a whole fetched batch is done.
		autoCommitInterval: 5000,
		async eachMessage() {
			member.consumed += 1;
			if (group.msPerRecord) await sleep(group.msPerRecord);
		},
	});
}

/** Waits until each group is Stable with all its members; a group still rebalancing is only reported, since ktop can show that too. */
export async function waitForGroups(admin: Admin, groups: DemoGroup[], log: Log): Promise<void> {
	try {
		await waitFor(async () => {
			const {groups: described} = await admin.describeGroups(groups.map(group => group.groupId));
			const pending = groups.flatMap(group => {
				const found = described.find(candidate => candidate.groupId === group.groupId);
				return found?.state === 'Stable' && found.members.length === group.members
					? []
					: [`${group.groupId} ${found?.state ?? 'unknown'} with ${found?.members.length ?? 0}/${group.members} members`];
			});
			return pending.length === 0 ? true : new Unready(pending.join(', '));
		}, {timeoutMs: 60_000, intervalMs: 500, what: 'the demo consumer groups to settle'});
	} catch (error) {
		log(`${(error as Error).message}; going on`);
	}
}

async function sleep(ms: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}
