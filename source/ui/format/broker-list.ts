import {notApplicable} from './number.js';

/**
Broker ids as a compact list, "1,2!,3", each followed by its marker (if any). Markers carry
the meaning that colour alone must not: "!" for a replica out of the ISR, for example.
*/
export function brokerList(ids: readonly number[], marker?: (id: number) => string): string {
	if (ids.length === 0) return notApplicable;
	let text = '';
	for (const [index, id] of ids.entries()) {
		text += `${index === 0 ? '' : ','}${id}${marker ? marker(id) : ''}`;
	}

	return text;
}
