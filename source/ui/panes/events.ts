import {plural} from '../../model/phrases.js';
import type {ClusterEvent} from '../../model/types.js';
import {sanitize} from '../../text/sanitize.js';
import {clock} from '../format/clock.js';
import {severityCell} from '../format/severity.js';
import type {Pane, Row, Tone} from './pane.js';

/** The model's timeline (the cluster's changes and ktop's own writes), newest first as the store keeps it; `/` filters it like any table. */
export const eventsPane: Pane = {
	id: 'events',
	title: () => 'events',
	aliases: ['events', 'ev'],
	columns: [
		{title: 'TIME', width: 8, sortKey: 'T'},
		{title: 'SEV', width: 4, sortKey: 'S'},
		{title: 'KIND', width: 19, sortKey: 'K'},
		{title: 'SUBJECT', width: 'flex', minWidth: 12, sortKey: 'U'},
		{title: 'MESSAGE', width: 'flex', minWidth: 20, sortKey: 'M'},
	],
	rows({events}) {
		// Events carry no id. Their content is the key, numbered among identical ones from the
		// oldest end: new events arrive at the front and old ones leave at the back, so counting
		// from the oldest keeps a key as long as its event stays and its older twins do too.
		const seen = new Map<string, number>();
		const rows: Row[] = Array.from({length: events.length});
		for (let index = events.length - 1; index >= 0; index--) {
			const event = events[index]!;
			const content = `${event.at}\u0000${event.kind}\u0000${event.subject}\u0000${event.message}`;
			const twin = seen.get(content) ?? 0;
			seen.set(content, twin + 1);
			rows[index] = eventRow(event, twin === 0 ? content : `${content}\u0000${twin}`);
		}

		return rows;
	},
	summary({events}) {
		return events.length === 0 ? undefined : `${plural(events.length, 'event')}, newest first; times are local`;
	},
	empty: 'no events yet: changes to the cluster appear here as they happen',
	defaultSort: {column: 0, descending: true},
};

/** Most events are routine, so info stays plain here (unlike a finding, where info is the least of them). */
const tones: Record<ClusterEvent['severity'], Tone | undefined> = {critical: 'bad', warning: 'warn', info: undefined};

/**
A write ktop applied stands out from what the cluster did by itself (a partial or failed one is a
warning, toned as such); the KIND says which either way, for a terminal without colour.
*/
function toneOf(event: ClusterEvent): Tone | undefined {
	return event.kind === 'action-applied' ? 'accent' : tones[event.severity];
}

function eventRow(event: ClusterEvent, key: string): Row {
	const tone = toneOf(event);
	return {
		key,
		...(tone ? {tone} : {}),
		cells: [
			{text: clock(event.at), sort: event.at},
			severityCell(event.severity),
			{text: event.kind},
			{text: sanitize(event.subject)},
			{text: sanitize(event.message)},
		],
	};
}
