import {WriteError, type WriteFailure} from '../../cluster/write-types.js';
import type {Outcome} from './types.js';

/** "message; next (broker's own words)": what went wrong, what to do, and the evidence last. */
export function failureText(failure: WriteFailure): string {
	const head = failure.next ? `${failure.message}; ${failure.next}` : failure.message;
	// The broker's text often repeats ours word for word; showing it twice only adds noise.
	return failure.detail && failure.detail !== failure.message ? `${head} (${failure.detail})` : head;
}

/** Any error as one line for an operator: a WriteError by its failure, anything else by its message. */
export function errorText(error: unknown): string {
	if (error instanceof WriteError) return failureText(error.failure);
	return error instanceof Error ? error.message : String(error);
}

export function failedOutcome(error: unknown, before: string[] = []): Outcome {
	return {status: 'failed', lines: [...before, errorText(error)]};
}

/** 'applied' when every part applied, 'failed' when none did, 'partial' in between. */
export function statusOf(applied: number, failed: number): Outcome['status'] {
	if (failed === 0) return 'applied';
	return applied === 0 ? 'failed' : 'partial';
}

/** Runs an apply body so that it never throws: anything unexpected becomes a failed outcome. */
export async function guardApply(body: () => Promise<Outcome>): Promise<Outcome> {
	try {
		return await body();
	} catch (error) {
		return failedOutcome(error);
	}
}
