import {AssignerProtocol} from 'kafkajs';
import type {GroupMember} from '../types.js';
import {compareNames} from './compare-names.js';

/**
The partitions a member was assigned, from the opaque bytes DescribeGroups returns. Only the
"consumer" protocol has a known layout; Kafka Connect's, other protocols' and empty or corrupt
bytes give no assignments rather than an error, since a group is worth showing even when one
member's bytes cannot be read.
*/
export function decodeAssignment(protocolType: string, bytes: Buffer | null | undefined): GroupMember['assignments'] {
	if (protocolType !== 'consumer' || !bytes || bytes.length === 0 || !isWellFormed(bytes)) return [];
	let decoded: {assignment: Record<string, number[]>} | null;
	try {
		decoded = AssignerProtocol.MemberAssignment.decode(bytes);
	} catch {
		return [];
	}

	return Object.entries(decoded?.assignment ?? {})
		.map(([topic, partitions]) => ({topic, partitions: [...partitions].sort((a, b) => a - b)}))
		.sort((a, b) => compareNames(a.topic, b.topic));
}

/**
Walks the consumer protocol's assignment layout (version INT16, [topic STRING, [partition INT32]],
user_data BYTES) checking every length against the bytes left. kafkajs' decoder allocates
`new Array(count)` from a count read out of the bytes before reading any element, so garbage
claiming 27 million topics costs a 200 MB allocation unless it is caught here first.
*/
function isWellFormed(bytes: Buffer): boolean {
	let offset = 0;
	const has = (length: number) => length >= 0 && offset + length <= bytes.length;
	if (!has(2 + 4)) return false;
	offset += 2;
	const topics = bytes.readInt32BE(offset);
	offset += 4;
	if (topics < 0 || topics * 6 > bytes.length - offset) return false;
	for (let topic = 0; topic < topics; topic++) {
		if (!has(2)) return false;
		const nameLength = bytes.readInt16BE(offset);
		offset += 2;
		if (nameLength <= 0 || !has(nameLength + 4)) return false;
		offset += nameLength;
		const partitions = bytes.readInt32BE(offset);
		offset += 4;
		if (partitions < 0 || !has(partitions * 4)) return false;
		for (let index = 0; index < partitions; index++) {
			if (bytes.readInt32BE(offset) < 0) return false;
			offset += 4;
		}
	}

	// user_data: null (-1) or exactly the bytes left.
	if (!has(4)) return false;
	const userData = bytes.readInt32BE(offset);
	offset += 4;
	return userData === -1 || (userData >= 0 && offset + userData === bytes.length);
}
