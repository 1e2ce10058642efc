import type {StartPosition} from '../model/consume-types.js';
import {parseStartPosition} from '../model/start-position.js';
import {ConfigError} from './connection.js';
import {parsePartitionList as parsePartitions} from '../model/actions/partition-list.js';

export type ConsumeFlags = {
	from?: string | undefined;
	partitions?: string | undefined;
	buffer?: number | undefined;
	exit?: boolean | undefined;
};

export type ConsumeArgs = {
	topic: string;
	start: StartPosition;
	/** Undefined: all partitions. */
	partitions: number[] | undefined;
	/** Records the view holds (--buffer). */
	capacity: number;
	/** Stop at the high watermarks seen at the start (--exit, like kcat -e); only without a terminal. */
	exitAtEnd: boolean;
};

export const defaultBuffer = 10_000;
/** A ceiling so a typo (--buffer 100000000) cannot ask for gigabytes; the byte bound applies as well. */
export const maxBuffer = 1_000_000;

/**
`ktop consume <topic> [--from …] [--partitions 0,2] [--buffer N] [--exit]`: the arguments after
`consume`, checked. Throws ConfigError saying what is wrong and what is expected. Whether the
topic exists is only known once connected (openConsumeSession says so, with similar names).
*/
export function parseConsumeArgs(input: readonly string[], flags: ConsumeFlags, now = Date.now()): ConsumeArgs {
	if (input.length === 0) throw new ConfigError('consume: which topic? usage: ktop consume <topic> [--from end|beginning|<offset>|<time>|-10m|last:N] [--partitions 0,2] [--buffer N]');
	if (input.length > 1) throw new ConfigError(`consume: one topic at a time; unexpected "${input[1]}"`);
	const topic = input[0]!;
	// Kafka's own rule (Topic.validate): 1-249 of [a-zA-Z0-9._-], and not "." or "..".
	if (!/^[\w.-]{1,249}$/.test(topic) || topic === '.' || topic === '..') {
		throw new ConfigError(`consume: "${topic}" is not a valid topic name (1-249 letters, digits, ".", "_" or "-")`);
	}

	let start: StartPosition = {kind: 'end'};
	if (flags.from !== undefined) {
		try {
			start = parseStartPosition(flags.from, now);
		} catch (error) {
			throw new ConfigError((error as Error).message);
		}
	}

	const capacity = flags.buffer ?? defaultBuffer;
	if (!Number.isInteger(capacity) || capacity < 1 || capacity > maxBuffer) {
		throw new ConfigError(`--buffer ${String(capacity)}: expected a whole number of records from 1 to ${maxBuffer.toLocaleString('en-US')}`);
	}

	return {
		topic,
		start,
		partitions: flags.partitions === undefined ? undefined : parsePartitionList(flags.partitions),
		capacity,
		exitAtEnd: flags.exit ?? false,
	};
}

/** "0,2,5-7" -> [0, 2, 5, 6, 7]: the grammar the action forms read (model/actions/partition-list.ts), without their "all". */
export function parsePartitionList(text: string): number[] {
	const parsed = parsePartitions(text);
	if (!Array.isArray(parsed)) throw new ConfigError(`--partitions ${JSON.stringify(text)}: expected partition numbers like 0,2 or 0-3`);
	return parsed;
}

/**
Makes `--from -10m` reach meow as `--from=-10m`: its parser reads a separate "-10m" as short
flags (-1 -0 -m) and rejects them, and a time ago is the most natural thing to type there.
*/
export function joinNegativeFromValue(argv: readonly string[]): string[] {
	const joined: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const next = argv[index + 1];
		if (argv[index] === '--from' && next !== undefined && /^-\d/.test(next)) {
			joined.push(`--from=${next}`);
			index++;
		} else {
			joined.push(argv[index]!);
		}
	}

	return joined;
}
