import type {StartPosition} from './consume-types.js';

const units: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000};
const maxOffset = 2n ** 63n - 1n;
/** Epoch milliseconds below this (3 March 1973) are almost surely seconds given by mistake. */
const smallestPlausibleMs = 1e11;

export const startPositionHelp = 'end, beginning, an offset (1234), last:N, a time ago (-10m, -1h30m, -2d), or a time (@1718000000000 in epoch ms, or ISO 8601 like 2024-06-10T08:00:00Z)';

/** The same forms in one short line, for a usage message where the room is a terminal line. */
export const startPositionSyntax = 'end|beginning|1234|last:N|-10m|@ms|ISO-time';

/** A start position that cannot be read: `reason` alone ("not understood"), for callers that phrase their own usage. */
export class StartPositionError extends Error {
	constructor(readonly text: string, readonly reason: string) {
		super(`--from ${JSON.stringify(text)}: ${reason}; expected ${startPositionHelp}`);
		this.name = 'StartPositionError';
	}
}

/**
Reads a `--from` value:
  end | latest            follow new records (the default)
  beginning | earliest    from the first record kept
  1234                    that offset, in every partition read
  last:N                  the last N records of each partition
  -10m, -1h30m, -2d       that long ago (units ms, s, m, h, d)
  @1718000000000          epoch milliseconds
  2024-06-10T08:00:00Z    ISO 8601; a date or time without a zone is local time
Plain digits are an offset, so epoch milliseconds take the @ (kcat uses s@ for the same reason).
Throws a StartPositionError with the reason and the accepted forms.
*/
export function parseStartPosition(text: string, now = Date.now()): StartPosition {
	const value = text.trim();
	const fail = (reason: string): never => {
		throw new StartPositionError(text, reason);
	};

	switch (value.toLowerCase()) {
		case 'end': case 'latest': return {kind: 'end'};
		case 'beginning': case 'earliest': return {kind: 'beginning'};
		case '': return fail('empty');
		default: break;
	}

	if (/^\d+$/.test(value)) {
		if (BigInt(value) > maxOffset) fail('larger than any offset');
		return {kind: 'offset', offset: BigInt(value).toString()};
	}

	const last = /^last:(\d+)$/i.exec(value);
	if (last) {
		const count = Number(last[1]);
		if (!Number.isSafeInteger(count) || count < 1) fail('last:N needs N of at least 1');
		return {kind: 'last', count};
	}

	if (/^[-+]/.test(value)) {
		if (value.startsWith('+')) fail('a time ago is negative, like -10m');
		const ago = parseDuration(value.slice(1));
		if (ago === undefined) fail('not a duration like -10m or -1h30m');
		return {kind: 'timestamp', at: now - ago!};
	}

	if (value.startsWith('@')) {
		if (!/^@\d+$/.test(value)) fail('@ takes epoch milliseconds');
		const at = Number(value.slice(1));
		if (at < smallestPlausibleMs) fail(`that is ${new Date(at).toISOString()}: epoch seconds? give milliseconds (@${value.slice(1)}000)`);
		if (!Number.isSafeInteger(at)) fail('too large for a time');
		return {kind: 'timestamp', at};
	}

	if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
		// Date.parse reads a bare date as UTC but a date-time without a zone as local time: make both local.
		const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00` : value);
		if (Number.isNaN(at)) fail('not a valid ISO 8601 time');
		return {kind: 'timestamp', at};
	}

	return fail('not understood');
}

/** "1h30m" -> 5400000; undefined when it is not a sequence of <number><unit>. */
export function parseDuration(text: string): number | undefined {
	if (!/^(\d+(?:\.\d+)?(ms|s|m|h|d))+$/.test(text)) return undefined;
	let total = 0;
	for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(amount) * units[unit!]!;
	return Math.round(total);
}

/** How a start position reads back, for headers and messages: "from the beginning", "last 100 per partition". */
export function describeStartPosition(start: StartPosition): string {
	switch (start.kind) {
		case 'end': return 'new records';
		case 'beginning': return 'from the beginning';
		case 'offset': return `from offset ${start.offset}`;
		case 'timestamp': return `from ${new Date(start.at).toISOString()}`;
		case 'last': return `last ${start.count} per partition`;
	}
}
