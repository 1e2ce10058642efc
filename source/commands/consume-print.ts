import type {ConsumeArgs} from '../config/consume-args.js';
import {resolveBootstrap} from '../model/consume-opener.js';
import {openConsumeSession} from '../model/consume-session.js';
import type {ConsumedRecord, ConsumeSession} from '../model/consume-types.js';
import type {Connection} from '../model/reach.js';
import {sanitize} from '../text/sanitize.js';

export type PrintIo = {
	/** Record lines; returns false when the reader is behind (a pipe's buffer is full). */
	stdout: NodeJS.WritableStream;
	/** Notices and errors, so stdout stays one record per line. */
	stderr: (text: string) => void;
	/** Ends the run (Ctrl-C); the CLI ties it to SIGINT and SIGTERM. */
	signal: AbortSignal;
};

/** Characters of a key, value or header value printed before "…". */
export const previewChars = 1000;

/**
`ktop consume <topic>` without a terminal: one line per record, for scripts and tests —
  partition TAB offset TAB time TAB key TAB value [TAB h:name=value]...
every field sanitized (escape sequences and control characters made visible, so a line is one
line and the terminal it may end up on is safe), null shown as (null), a cut value marked with
the record's full size. Runs until Ctrl-C, or with --exit until every partition reaches the high
watermark it had at the start (like kcat -e). A slow reader slows the fetching: nothing queues.
Returns the exit status: 0, or 1 when the session could not be opened.
*/
export async function runConsumePrint(connection: Connection, args: ConsumeArgs, io: PrintIo): Promise<number> {
	let session: ConsumeSession;
	try {
		session = await openConsumeSession({
			bootstrap: await resolveBootstrap(connection),
			security: connection.security,
			topic: args.topic,
			start: args.start,
			partitions: args.partitions,
			// The printer gets every record through onRecords; the ring only has to exist.
			capacity: 1,
			onRecords: async records => writeLines(io.stdout, records),
		});
	} catch (error) {
		io.stderr(`ktop: ${(error as Error).message}\n`);
		return 1;
	}

	try {
		await untilDone(session, args.exitAtEnd, io);
	} finally {
		await session.close();
	}

	return 0;
}

async function untilDone(session: ConsumeSession, exitAtEnd: boolean, io: PrintIo): Promise<void> {
	const targets = new Map<number, bigint>();
	const notices = new Map<number, string>();
	let lastError: string | undefined;
	await new Promise<void>(resolve => {
		const finish = () => {
			unsubscribe();
			io.signal.removeEventListener('abort', finish);
			io.stdout.off('error', finish);
			resolve();
		};

		const check = () => {
			const stats = session.getStats();
			for (const partition of stats.partitions) {
				if (partition.notice !== undefined && notices.get(partition.partition) !== partition.notice) {
					notices.set(partition.partition, partition.notice);
					io.stderr(`ktop: partition ${partition.partition}: ${sanitize(partition.notice)}\n`);
				}

				// The end of each partition as first seen: records arriving later are not waited for.
				if (partition.highWatermark !== undefined && !targets.has(partition.partition)) targets.set(partition.partition, BigInt(partition.highWatermark));
			}

			if (stats.error !== lastError) {
				lastError = stats.error;
				if (stats.error !== undefined) io.stderr(`ktop: ${sanitize(stats.error)}\n`);
			}

			if (exitAtEnd && stats.partitions.every(partition => {
				const target = targets.get(partition.partition);
				return target !== undefined && partition.position !== '' && BigInt(partition.position) >= target;
			})) finish();
		};

		const unsubscribe = session.subscribe(check);
		io.signal.addEventListener('abort', finish);
		// The reader went away (EPIPE from `| head`): stop quietly.
		io.stdout.on('error', finish);
		if (io.signal.aborted) finish();
		else check();
	});
}

async function writeLines(stdout: NodeJS.WritableStream, records: readonly ConsumedRecord[]): Promise<void> {
	let text = '';
	for (const record of records) text += `${formatRecordLine(record)}\n`;
	if (!stdout.write(text)) {
		await new Promise<void>(resolve => {
			const done = () => {
				stdout.off('drain', done);
				stdout.off('error', done);
				stdout.off('close', done);
				resolve();
			};

			stdout.on('drain', done);
			stdout.on('error', done);
			stdout.on('close', done);
		});
	}
}

/** One record as one safe line (see runConsumePrint). */
export function formatRecordLine(record: ConsumedRecord): string {
	const fields = [
		String(record.partition),
		record.offset,
		record.timestamp >= 0 ? new Date(record.timestamp).toISOString() : '-',
		preview(record.key),
		preview(record.value) + (record.truncated ? ` …(cut; record is ${record.size} bytes)` : ''),
		...record.headers.map(header => `h:${sanitize(header.key)}=${preview(header.value)}`),
	];
	return fields.join('\t');
}

function preview(bytes: Buffer | null): string {
	if (bytes === null) return '(null)';
	// Invalid UTF-8 reads as U+FFFD; control characters become visible escapes.
	let text = bytes.toString('utf8', 0, Math.min(bytes.length, previewChars * 4));
	if (text.length > previewChars) {
		// Never cut between the two halves of a surrogate pair.
		const end = /[\uD800-\uDBFF]/.test(text[previewChars - 1]!) ? previewChars - 1 : previewChars;
		text = `${text.slice(0, end)}…`;
	} else if (bytes.length > previewChars * 4) {
		text += '…';
	}

	return sanitize(text);
}
