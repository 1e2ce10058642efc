import {sleep} from './processes.js';

export type WaitOptions = {
	timeoutMs: number;
	intervalMs?: number;
	/** What is being waited for, used in the timeout error: "zk2 to serve". */
	what: string;
};

/**
Polls `probe` until it returns a value other than undefined, or the deadline passes.
Used everywhere instead of fixed sleeps. The last failure reason reported by the probe
(via `Unready`, or an error it threw) ends up in the timeout error, so a failed wait explains
itself. A `GiveUp` error ends the wait at once.
*/
export async function waitFor<T>(probe: () => Promise<T | Unready | undefined>, options: WaitOptions): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let lastReason = '';
	for (;;) {
		let result: T | Unready | undefined;
		try {
			result = await probe();
		} catch (error) {
			if (error instanceof GiveUp) throw error;
			result = new Unready((error as Error).message);
		}

		if (result instanceof Unready) lastReason = result.reason;
		else if (result !== undefined) return result;
		if (Date.now() >= deadline) {
			throw new WaitTimeout(`timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${options.what}${lastReason ? ` (last seen: ${lastReason})` : ''}`);
		}

		await sleep(options.intervalMs ?? 250);
	}
}

/** A probe's "not yet", with the reason. */
export class Unready {
	constructor(readonly reason: string) {}
}

export class WaitTimeout extends Error {}

/** Thrown by a probe when waiting longer cannot help (the process died): ends the wait at once. */
export class GiveUp extends Error {}
