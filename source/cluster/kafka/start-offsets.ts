import type {StartPosition} from '../../model/consume-types.js';
import type {Round} from './broker-connections.js';
import {errorName} from './kafkajs-wire.js';
import type {RawListOffsets} from './wire-types.js';

/** What a partition's reading position is resolved from: a start position, or an offset the broker said is out of range. */
export type PositionWanted = StartPosition | {kind: 'out-of-range'; offset: bigint};

export type OffsetRange = {
	/** Log start offset. */
	earliest: bigint;
	/** Log end offset (high watermark): where new records will go. */
	latest: bigint;
	/** First offset whose record timestamp is at or after the time asked for; undefined when none is. */
	atTimestamp?: bigint | undefined;
};

export type ChosenStart = {offset: bigint; notice?: string};

/**
Where to read from, given the partition's range. An offset outside the range is clamped, never
refused, and the notice says so: an operator asking for offset 5000 of a topic whose partitions
hold 0-9000 and 0-3000 wants the one partition read from 5000 and the other followed from its end,
not an error. Likewise a timestamp later than every record follows from the end.
*/
export function chooseStart(wanted: PositionWanted, range: OffsetRange): ChosenStart {
	switch (wanted.kind) {
		case 'end': return {offset: range.latest};
		case 'beginning': return {offset: range.earliest};
		case 'last': {
			const from = range.latest - BigInt(wanted.count);
			return {offset: from > range.earliest ? from : range.earliest};
		}

		case 'timestamp': {
			if (range.atTimestamp === undefined) {
				return {offset: range.latest, notice: `no record at or after ${new Date(wanted.at).toISOString()}: following from the end (${range.latest})`};
			}

			return {offset: range.atTimestamp};
		}

		case 'offset': {
			const offset = BigInt(wanted.offset);
			if (offset < range.earliest) return {offset: range.earliest, notice: `offset ${offset} is before the first one kept (${range.earliest}): reading from ${range.earliest}`};
			if (offset > range.latest) return {offset: range.latest, notice: `offset ${offset} is past the end (${range.latest}): following from the end`};
			return {offset};
		}

		case 'out-of-range': {
			if (wanted.offset < range.earliest) {
				return {offset: range.earliest, notice: `offsets ${wanted.offset}-${range.earliest - 1n} were deleted (retention) before they were read: skipped to ${range.earliest}`};
			}

			// The log was truncated below our position (an unclean leader election): follow the new end.
			const to = wanted.offset > range.latest ? range.latest : wanted.offset;
			return {offset: to, notice: `offset ${wanted.offset} is past the end (${range.latest}) after a leader change: reading from ${to}`};
		}
	}
}

/** ListOffsets timestamps: the log start offset and the log end offset. */
const earliestTimestamp = -2;
const latestTimestamp = -1;
const readUncommitted = 0;

export type RangeReply = Map<number, OffsetRange | {error: string}>;

/**
The offset range of `partitions` (all led by `leader`), and the offset at `timestamp` when one is
given: two or three ListOffsets requests side by side, one per kind, since a request may name a
partition only once. A partition the broker reports an error for gets that error.
*/
export async function readOffsetRanges(round: Round, leader: number, topic: string, partitions: number[], timestamp?: number): Promise<RangeReply> {
	const ask = async (at: number) => round.call(leader, async wire => wire.listOffsets(readUncommitted, [
		{topic, partitions: partitions.map(partition => ({partition, timestamp: at}))},
	]));
	const [earliest, latest, atTimestamp] = await Promise.all([
		ask(earliestTimestamp),
		ask(latestTimestamp),
		timestamp === undefined ? undefined : ask(timestamp),
	]);
	const result: RangeReply = new Map();
	for (const partition of partitions) {
		const low = offsetIn(earliest, topic, partition);
		const high = offsetIn(latest, topic, partition);
		const at = atTimestamp === undefined ? {offset: undefined} : offsetIn(atTimestamp, topic, partition);
		if ('error' in low || 'error' in high || 'error' in at) {
			result.set(partition, {error: [low, high, at].flatMap(answer => ('error' in answer ? [answer.error] : []))[0]!});
			continue;
		}

		const range: OffsetRange = {earliest: low.offset ?? 0n, latest: high.offset ?? 0n};
		// -1 (no record that late) comes through as undefined.
		if (timestamp !== undefined) range.atTimestamp = at.offset;
		result.set(partition, range);
	}

	return result;
}

function offsetIn(reply: RawListOffsets, topic: string, partition: number): {offset: bigint | undefined} | {error: string} {
	const answer = reply.responses.find(entry => entry.topic === topic)?.partitions.find(entry => entry.partition === partition);
	if (!answer) return {error: 'missing from the ListOffsets reply'};
	if (answer.errorCode !== 0) return {error: errorName(answer.errorCode)};
	const raw = answer.offset ?? answer.offsets?.[0];
	if (raw === undefined) return {offset: undefined};
	const offset = BigInt(raw);
	return {offset: offset < 0n ? undefined : offset};
}
