import {mapLimit} from '../map-limit.js';
import type {ConsumerGroup, SourceError} from '../types.js';
import type {Round} from './broker-connections.js';
import {chunk} from './chunk.js';
import {compareNames} from './compare-names.js';
import {errorName} from './kafkajs-wire.js';
import {translateGroup, type GroupReplies} from './translate-group.js';

export type GroupReadOptions = {concurrency: number; batchSize: number};

/**
Every consumer group with its members and committed offsets. ListGroups is asked of each broker,
and each answers with the groups it coordinates: that names every group's coordinator without a
FindCoordinator per group. Descriptions go to each coordinator in batches, offsets one group per
request (OffsetFetch takes several groups only from v8; kafkajs speaks up to v4), both with
bounded concurrency.
*/
export async function readGroups(round: Round, brokerIds: number[], options: GroupReadOptions): Promise<{groups: ConsumerGroup[]; errors: SourceError[]}> {
	const errors: SourceError[] = [];
	const replies = new Map<string, GroupReplies & {coordinator: number}>();
	await Promise.all(brokerIds.map(async brokerId => {
		try {
			const listed = await round.call(brokerId, async wire => wire.listGroups());
			if (listed.errorCode !== 0) throw new Error(`broker ${brokerId}: ${errorName(listed.errorCode)}`);
			for (const {groupId, protocolType} of listed.groups) {
				// During a coordinator move two brokers can list a group: the first answer is as good as the other.
				if (!replies.has(groupId)) replies.set(groupId, {groupId, protocolType, coordinator: brokerId, description: undefined, offsets: undefined, failures: []});
			}
		} catch (error) {
			errors.push({source: 'kafka:groups', message: `${(error as Error).message} (the groups it coordinates are missing)`});
		}
	}));

	const byCoordinator = new Map<number, string[]>();
	for (const group of replies.values()) byCoordinator.set(group.coordinator, [...(byCoordinator.get(group.coordinator) ?? []), group.groupId]);
	const describeBatches = [...byCoordinator].flatMap(([coordinator, ids]) => chunk(ids.sort(compareNames), options.batchSize).map(batch => ({coordinator, batch})));

	await Promise.all([
		mapLimit(describeBatches, options.concurrency, async ({coordinator, batch}) => {
			try {
				const described = await round.call(coordinator, async wire => wire.describeGroups(batch));
				for (const description of described.groups) {
					const group = replies.get(description.groupId);
					if (group) group.description = description;
				}
			} catch (error) {
				for (const id of batch) replies.get(id)!.failures.push(`describe: ${(error as Error).message}`);
			}
		}),
		mapLimit([...replies.values()], options.concurrency, async group => {
			try {
				group.offsets = await round.call(group.coordinator, async wire => wire.offsetFetch(group.groupId));
			} catch (error) {
				group.failures.push(`offsets: ${(error as Error).message}`);
			}
		}),
	]);

	const groups = [...replies.values()].map(replies => translateGroup(replies)).sort((a, b) => compareNames(a.groupId, b.groupId));
	for (const group of groups) if (group.error) errors.push({source: `kafka:group:${group.groupId}`, message: group.error});
	return {groups, errors};
}
