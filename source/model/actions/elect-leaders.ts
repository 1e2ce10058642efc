import {preferredElectionPath, type ClusterWriter, type PartitionLeadership} from '../../cluster/write-types.js';
import {plural} from '../phrases.js';
import {actionSupport, fallbackNote} from './api-support.js';
import {type ActionEnv, findTopic, guardPlan, isUnavailable, refuse, targetOf, type Unavailable, valueOf} from './action-env.js';
import {blockedCells, electionCells, type ElectionRow, leaderText, planElection} from './election-plan.js';
import {failureText, guardApply, statusOf} from './outcome-lines.js';
import {table} from './preview-table.js';
import type {ActionSpec, Outcome} from './types.js';

export const scopeThisTopic = 'this topic';
export const scopeAll = 'all imbalanced partitions';

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
Reads leadership until every elected partition shows its new leader: the controller answers
once the election is decided, and the brokers' metadata follows a moment later.
*/
async function readSettled(writer: ClusterWriter, topics: string[], elected: readonly ElectionRow[], attempts = 10, pauseMs = 300): Promise<PartitionLeadership[]> {
	for (let attempt = 1; ; attempt++) {
		const partitions = await writer.readPartitions(topics);
		const leaders = new Map(partitions.map(p => [key(p.topic, p.partition), p.leader]));
		if (attempt >= attempts || elected.every(row => leaders.get(key(row.topic, row.partition)) === row.preferred)) return partitions;
		await new Promise(resolve => setTimeout(resolve, pauseMs));
	}
}

export async function electionOutcome(writer: ClusterWriter, topics: string[], movable: ElectionRow[], blocked: ElectionRow[]): Promise<Outcome> {
	const results = await writer.electPreferredLeaders(movable.map(({topic, partition}) => ({topic, partition})));
	const result = new Map(results.map(r => [key(r.topic, r.partition), r.outcome]));
	const elected = movable.filter(row => {
		const outcome = result.get(key(row.topic, row.partition));
		return outcome?.ok && !('notNeeded' in outcome);
	});
	const after = new Map((await readSettled(writer, topics, elected)).map(p => [key(p.topic, p.partition), p.leader]));
	const lines: string[] = [];
	let applied = 0;
	let failed = 0;
	for (const row of movable) {
		const name = `${row.topic}-${row.partition}`;
		const outcome = result.get(key(row.topic, row.partition));
		const now = after.get(key(row.topic, row.partition));
		if (!outcome) {
			failed++;
			lines.push(`${name}: no answer from the controller; leader now ${leaderText(now ?? -1)}`);
		} else if (!outcome.ok) {
			failed++;
			lines.push(`${name}: not moved: ${failureText(outcome.failure)}`);
		} else if ('notNeeded' in outcome) {
			applied++;
			lines.push(`${name}: not needed; ${leaderText(now ?? row.preferred)} already leads`);
		} else {
			applied++;
			lines.push(`${name}: leader ${leaderText(row.leader)} → ${leaderText(now ?? row.preferred)}${now === row.preferred ? '' : ` (elected ${row.preferred}; the metadata has not caught up yet)`}`);
		}
	}

	lines.push(...blocked.map(row => `${row.topic}-${row.partition}: not tried: preferred replica ${row.preferred} not in ISR`));
	return {status: statusOf(applied, failed), lines};
}

/**
The election through ZooKeeper (brokers without ElectLeaders): the znode is the whole request, and
the controller elects on its own time, so the outcome is what the leaders show once they settle
(up to ten seconds), partition by partition.
*/
export async function znodeElectionOutcome(writer: ClusterWriter, topics: string[], movable: ElectionRow[], blocked: ElectionRow[]): Promise<Outcome> {
	await writer.requestPreferredElection(movable.map(({topic, partition}) => ({topic, partition})));
	const after = new Map((await readSettled(writer, topics, movable, 20, 500)).map(p => [key(p.topic, p.partition), p.leader]));
	let moved = 0;
	const lines = [`${preferredElectionPath} written with ${plural(movable.length, 'partition')}`];
	for (const row of movable) {
		const now = after.get(key(row.topic, row.partition));
		if (now === row.preferred) moved++;
		lines.push(now === row.preferred
			? `${row.topic}-${row.partition}: leader ${leaderText(row.leader)} → ${leaderText(now)}`
			: `${row.topic}-${row.partition}: not moved yet: leader ${leaderText(now ?? -1)} (the controller elects ${row.preferred} once it is in the ISR; refresh to see)`);
	}

	lines.push(...blocked.map(row => `${row.topic}-${row.partition}: not tried: preferred replica ${row.preferred} not in ISR`));
	return {status: statusOf(moved, movable.length - moved), lines};
}

export function electLeadersAction(env: ActionEnv, topicName: string | undefined): ActionSpec | Unavailable {
	if (topicName !== undefined) {
		const found = findTopic(env.snapshot(), topicName);
		if (isUnavailable(found)) return found;
	}

	const choices = topicName === undefined ? [scopeAll] : [scopeThisTopic, scopeAll];
	return {
		id: 'electLeaders',
		title: topicName === undefined ? 'Preferred leader election' : `Preferred leader election: ${topicName}`,
		fields: [{id: 'scope', label: 'Scope', initial: choices[0]!, choices}],
		async info() {
			const imbalanced = env.snapshot().topics.filter(topic => topicName === undefined || topic.name === topicName)
				.reduce((sum, topic) => sum + topic.partitions.filter(p => !p.preferredLeader).length, 0);
			return {lines: [`${plural(imbalanced, 'partition')} not led by the preferred replica at the last refresh`]};
		},
		plan: guardPlan(async values => {
			const scope = valueOf(values, 'scope') || choices[0]!;
			if (!choices.includes(scope)) return refuse(`scope: one of ${choices.join(', ')}`);
			const topics = scope === scopeThisTopic && topicName !== undefined
				? [topicName]
				: env.snapshot().topics.filter(topic => !topic.pendingDeletion).map(topic => topic.name);
			const {movable, blocked, balanced} = planElection(await env.writer.readPartitions(topics));
			if (movable.length === 0 && blocked.length === 0) return refuse('every partition is led by its preferred replica');
			if (movable.length === 0) return refuse(`no partition can move now: ${table(blocked.map(blockedCells)).join('; ')}`);
			const support = actionSupport('electLeaders', await env.writer.apiVersions());
			const viaZnode = support.mode === 'fallback';
			if (viaZnode && !env.writer.zookeeperWritable) {
				return refuse(`needs Kafka ${support.missing.kafka}+ for ElectLeaders, or ZooKeeper's ${preferredElectionPath} on older brokers: ktop has no ZooKeeper address (brokers only); start it with --zookeeper`);
			}

			if (viaZnode && await env.writer.preferredElectionRunning()) {
				return refuse(`a preferred leader election is already running: ${preferredElectionPath} exists (the controller deletes it when done); try again once it is gone`);
			}

			return {ok: true, preview: {
				title: scope === scopeThisTopic ? `Elect preferred leaders of ${topicName}` : 'Elect preferred leaders of all imbalanced partitions',
				subject: scope === scopeThisTopic ? `topic ${topicName}` : 'all topics',
				target: targetOf(env),
				lines: [
					...table([...movable.map(electionCells), ...blocked.map(blockedCells)]),
					`${plural(movable.length, 'partition')} to move${balanced > 0 ? `; ${balanced} already led by the preferred replica` : ''}`,
					...(viaZnode ? [`through ZooKeeper: ktop creates ${preferredElectionPath} with exactly the ${plural(movable.length, 'partition')} above (refused if an election is already running); the controller elects them and deletes it`] : []),
				],
				warnings: [
					'clients of the moved partitions reconnect to the new leaders: a short pause in their produce and fetch',
					...(viaZnode ? [fallbackNote(support)!] : []),
				],
				typed: undefined,
				apply: async () => guardApply(async () => (viaZnode
					? znodeElectionOutcome(env.writer, topics, movable, blocked)
					: electionOutcome(env.writer, topics, movable, blocked))),
			}};
		}),
	};
}
