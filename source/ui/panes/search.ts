import type {Cell} from './pane.js';

/**
A row's `/` filter text when something not shown should match too (all of a broker's listeners,
a member's full id): the cells' texts first, so the row still matches whatever it shows.
*/
export function searchText(cells: readonly Cell[], extra: string): string {
	let text = '';
	for (const cell of cells) text += `${cell.text} `;
	return text + extra;
}
