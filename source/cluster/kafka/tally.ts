import type {SourceError} from '../types.js';

/**
Collects what failed during one part of a refresh, by reason, so 2,000 partitions behind one
hung broker become one line: "broker 3 (127.0.0.1:9094): no reply within 3000 ms (2000
partitions, e.g. orders-0, orders-3, payments-1)", not 2,000 errors.
*/
export class Tally {
	readonly #subjects = new Map<string, string[]>();

	add(reason: string, subjects: string | string[]): void {
		const list = this.#subjects.get(reason) ?? [];
		if (typeof subjects === 'string') list.push(subjects);
		else for (const subject of subjects) list.push(subject);
		this.#subjects.set(reason, list);
	}

	get size(): number {
		return this.#subjects.size;
	}

	/** One SourceError per reason; `noun` names the subjects ("partition", "topic"). */
	errors(source: string, noun: string, examples = 3): SourceError[] {
		return [...this.#subjects].map(([reason, subjects]) => {
			const count = subjects.length;
			const shown = subjects.slice(0, examples).join(', ');
			const more = count > examples ? `, e.g. ${shown}` : `: ${shown}`;
			return {source, message: `${reason} (${count} ${noun}${count === 1 ? '' : 's'}${more})`};
		});
	}
}
