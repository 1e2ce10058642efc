import type {WriteFailure} from '../../write-types.js';
import {errorName} from '../kafkajs-wire.js';

/** What the writer knows when a reply carries an error code: the words are built from it. */
export type FailureContext = {
	topic?: string;
	partition?: number;
	group?: string;
	/** The replication factor asked for, and the brokers the metadata lists. */
	replicationFactor?: number;
	brokers?: number;
	/** The partition count asked for a new topic. */
	partitions?: number;
	/** The partition count asked for an existing topic, and its count in the metadata. */
	growTo?: number;
	currentPartitions?: number;
	/** DeleteRecords' target offset. */
	offset?: number;
	/** How long the broker waited before REQUEST_TIMED_OUT. */
	timeoutMs?: number;
};

type Words = {message: string; next: string | undefined};

/**
Names Kafka gives codes today, where kafkajs 2.2.4 keeps an older one (NOT_LEADER_FOR_PARTITION
became NOT_LEADER_OR_FOLLOWER in Kafka 2.7...): the code an operator can search for.
*/
const currentNames: Record<number, string> = {
	[-1]: 'UNKNOWN_SERVER_ERROR',
	6: 'NOT_LEADER_OR_FOLLOWER',
	14: 'COORDINATOR_LOAD_IN_PROGRESS',
	15: 'COORDINATOR_NOT_AVAILABLE',
	16: 'NOT_COORDINATOR',
};

const tryAgain = 'try again';
const seeDetail = 'see the broker\'s message below; the broker log has more';
const stopConsumers = 'stop the group\'s consumers first (wait for their session to time out), then try again';

/** "orders", "orders-3": the thing a message is about. */
function topicOf(context: FailureContext): string {
	return context.topic ?? 'the topic';
}

function partitionOf(context: FailureContext): string {
	return context.partition === undefined ? topicOf(context) : `${topicOf(context)}-${context.partition}`;
}

function groupOf(context: FailureContext): string {
	return context.group === undefined ? 'the group' : `group ${context.group}`;
}

function groupHasMembers(context: FailureContext): Words {
	return {message: `${groupOf(context)} has active members: its offsets can only be changed while it is empty`, next: stopConsumers};
}

function tooLarge(context: FailureContext): Words {
	return {message: `the record is larger than ${topicOf(context)} accepts (max.message.bytes, or the broker's message.max.bytes)`, next: 'send a smaller record, or raise max.message.bytes on the topic'};
}

function notEnoughReplicas(context: FailureContext): Words {
	return {message: `${partitionOf(context)} has fewer in-sync replicas than its min.insync.replicas, so an acks=all write was refused`, next: 'bring the lagging replicas back into the ISR, or lower min.insync.replicas on the topic'};
}

function coordinatorBusy(context: FailureContext): Words {
	return {message: `the coordinator of ${groupOf(context)} is not available (moving, or loading the group)`, next: 'try again in a few seconds'};
}

/** Kafka error code -> plain words and the next step. Codes not listed get the protocol's own words. */
const table: Record<number, (context: FailureContext) => Words> = {
	[-1]: () => ({message: 'the broker failed with an unexpected error', next: seeDetail}),
	1: context => ({
		message: `offset ${context.offset ?? '?'} is beyond the end of ${partitionOf(context)}: records can only be deleted below the high watermark`,
		next: 'pick an offset at or below the partition\'s end (latest) offset',
	}),
	3: context => ({message: `${partitionOf(context)} does not exist`, next: 'refresh: it may have just been deleted or not be created yet'}),
	5: context => ({message: `${partitionOf(context)} has no leader right now`, next: 'wait for the partition to come back online, then try again'}),
	6: context => ({message: `the leader of ${partitionOf(context)} moved during the request`, next: tryAgain}),
	7: context => ({
		message: `the broker accepted the request but did not confirm it within ${context.timeoutMs === undefined ? 'its timeout' : `${context.timeoutMs} ms`}; it may still complete`,
		next: 'refresh and check the result before trying again',
	}),
	10: tooLarge,
	14: coordinatorBusy,
	15: coordinatorBusy,
	16: coordinatorBusy,
	17: context => ({
		message: `"${topicOf(context)}" is not a valid topic name`,
		next: 'use 1 to 249 characters from a-z A-Z 0-9 . _ - (not "." or ".."); names starting with __ are Kafka\'s own',
	}),
	18: tooLarge,
	19: notEnoughReplicas,
	20: notEnoughReplicas,
	22: groupHasMembers,
	24: context => ({message: `"${context.group ?? ''}" is not a valid group id`, next: 'use a non-empty group id'}),
	25: groupHasMembers,
	27: groupHasMembers,
	29: context => ({message: `not authorized for this operation on topic ${topicOf(context)}`, next: `ask for the ACL (e.g. kafka-acls --add --operation Alter --topic ${topicOf(context)}) for ktop's principal`}),
	30: context => ({message: `not authorized for this operation on ${groupOf(context)}`, next: `ask for the ACL (e.g. kafka-acls --add --operation Delete --group ${context.group ?? '<group>'}) for ktop's principal`}),
	31: () => ({message: 'not authorized for this operation on the cluster', next: 'ask for the ACL (e.g. kafka-acls --add --operation Alter --cluster) for ktop\'s principal'}),
	35: () => ({message: 'this broker does not support the request at a version ktop speaks', next: 'the cluster\'s Kafka version is too old for this action'}),
	36: context => ({message: `a topic named ${topicOf(context)} already exists`, next: `pick another name, or add partitions to ${topicOf(context)} instead`}),
	37: context => {
		if (context.growTo === undefined) return {message: `${context.partitions ?? 'that'} is not a valid partition count`, next: 'ask for at least 1 partition'};
		// The count comes from this call's metadata read, which can lag a change made moments ago: say it only when it explains the refusal.
		return context.currentPartitions !== undefined && context.growTo <= context.currentPartitions
			? {message: `${topicOf(context)} has ${context.currentPartitions} partitions, and partitions can only be added, never removed`, next: `ask for more than ${context.currentPartitions}, or create a new topic and move the data`}
			: {message: `${topicOf(context)} cannot have ${context.growTo} partitions: partitions can only be added, never removed`, next: 'ask for more partitions than the topic has now'};
	},
	38: context => (context.replicationFactor !== undefined && context.brokers !== undefined && context.replicationFactor > context.brokers
		? {
			message: `replication factor ${context.replicationFactor} is more than the ${context.brokers} brokers alive`,
			next: `use at most ${context.brokers}, or bring the missing brokers back first`,
		}
		: {
			message: context.replicationFactor === undefined ? 'the replication factor is not valid' : `replication factor ${context.replicationFactor} is not valid`,
			next: `use 1 to ${context.brokers ?? 'the number of brokers'}`,
		}),
	39: () => ({message: 'the replica assignment is not valid', next: 'each partition needs distinct, live brokers, as many as the replication factor'}),
	40: () => ({message: 'a config name or value was refused', next: 'check the name and the value (the broker\'s message below says which)'}),
	41: () => ({message: 'the controller moved during the request', next: tryAgain}),
	42: () => ({message: 'the broker refused the request as invalid', next: seeDetail}),
	44: () => ({message: 'the cluster\'s policy refused the change', next: 'see the broker\'s message below; the policy is set by the cluster\'s operators'}),
	45: context => ({message: `a partition reassignment of ${topicOf(context)} is in progress`, next: 'wait for it to finish, then try again'}),
	68: context => ({message: `${groupOf(context)} still has active members`, next: stopConsumers}),
	69: context => ({message: `${groupOf(context)} does not exist`, next: 'refresh: it may already have been deleted'}),
	73: () => ({message: 'topic deletion is disabled on this cluster (delete.topic.enable=false)', next: 'set delete.topic.enable=true on the brokers, or leave the topic'}),
	80: context => ({message: `the preferred leader of ${partitionOf(context)} is not available (down, or not in the ISR)`, next: 'bring that broker back into the ISR, then try again'}),
	83: context => ({message: `no replica of ${partitionOf(context)} is eligible to lead`, next: 'bring a replica of the partition back into the ISR'}),
	84: context => ({message: `the preferred replica already leads ${partitionOf(context)}`, next: undefined}),
	87: () => ({message: 'the broker refused the record', next: seeDetail}),
};

/** The protocol's name for a code, as current Kafka spells it. */
export function kafkaErrorName(code: number): string {
	return currentNames[code] ?? errorName(code);
}

/** A Kafka error code in an operator's words; the broker's own message stays in `detail`, verbatim. */
export function kafkaFailure(code: number, context: FailureContext, detail?: string | null): WriteFailure {
	const words = table[code]?.(context) ?? {message: `the broker refused the request: ${kafkaErrorName(code)}`, next: undefined};
	return {code: kafkaErrorName(code), ...words, detail: detail ?? undefined};
}

export const electionNotNeeded = 84;
export const notController = 41;
export const notLeaderOrFollower = 6;
export const coordinatorMoved = new Set([14, 15, 16]);
