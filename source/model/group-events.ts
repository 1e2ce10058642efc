import {compareNatural} from './natural-order.js';
import {plural, some} from './phrases.js';
import type {ClusterEvent, ClusterSnapshot} from './types.js';

/**
Groups that appeared or disappeared between two snapshots. Only when both read every broker's
ListGroups: a broker that did not answer hides the groups it coordinates, which have not gone.
Past `most` of a kind, one event names the first few and counts the rest, so 500 groups
expiring at once write one line.
*/
export function groupPresenceEvents(prev: ClusterSnapshot, next: ClusterSnapshot, most: number): ClusterEvent[] {
	if (!readAllGroups(prev) || !readAllGroups(next)) return [];
	const before = new Set(prev.groups.map(group => group.groupId));
	const after = new Set(next.groups.map(group => group.groupId));
	const appeared = [...after].filter(id => !before.has(id)).sort(compareNatural);
	const gone = [...before].filter(id => !after.has(id)).sort(compareNatural);
	const at = next.takenAt;
	const events = (ids: string[], kind: 'group-appeared' | 'group-disappeared', did: string): ClusterEvent[] => {
		if (ids.length <= most) return ids.map(id => ({at, kind, subject: `group ${id}`, severity: 'info', message: `group ${id} ${did}`}));
		return [{at, kind, subject: 'cluster', severity: 'info', message: `${plural(ids.length, 'group')} ${did}: ${some(ids)}`}];
	};

	const states = new Map(next.groups.map(group => [group.groupId, group.state]));
	return [
		...events(appeared, 'group-appeared', 'appeared').map(event => (event.subject === 'cluster' ? event : {...event, message: `${event.message} (${states.get(event.subject.slice('group '.length))})`})),
		...events(gone, 'group-disappeared', 'disappeared (deleted, or its offsets expired)'),
	];
}

/** The brokers answered and every ListGroups with them. */
function readAllGroups(snapshot: ClusterSnapshot): boolean {
	return snapshot.brokers.some(broker => broker.inMetadata) && !snapshot.errors.some(error => error.source === 'kafka' || error.source === 'kafka:groups');
}
