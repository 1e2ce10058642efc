import {randomBytes} from 'node:crypto';
import type {Kafka} from 'kafkajs';
import {localKafka} from '../../cluster/local-kafka.js';

export function testKafka(clientId = 'ktop-test'): Kafka {
	return localKafka(clientId, {
		retry: {retries: 8, initialRetryTime: 200, maxRetryTime: 2000},
	});
}

/** Each test gets its own topic, so tests never see each other's records. */
export function uniqueTopic(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
Commits offsets for a group that has no members, as an operator's tooling would. On a fresh
cluster this also creates __consumer_offsets, so a test never depends on an earlier one having
run a consumer.
*/
export async function commitGroupOffsets(kafka: Kafka, groupId: string, topic: string, offsets: Array<{partition: number; offset: string}>): Promise<void> {
	const admin = kafka.admin();
	await admin.connect();
	try {
		await admin.setOffsets({groupId, topic, partitions: offsets});
	} finally {
		await admin.disconnect();
	}
}
