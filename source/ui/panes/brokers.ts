import {plural} from '../../model/phrases.js';
import type {BrokerSummary, ClusterSnapshot} from '../../model/types.js';
import {sanitize} from '../../text/sanitize.js';
import {countCell, yesNoCell} from '../format/cell.js';
import {age} from '../format/duration.js';
import {notApplicable, unknown} from '../format/number.js';
import type {Cell, Pane, Row, Tone} from './pane.js';
import {searchText} from './search.js';

/**
Every broker either source knows, including one that holds replicas although neither lists it.
ZK and META say where the broker is known from; when a source told nothing about any broker
(it failed), its column shows "?" rather than a row of false NOs, as the model's findings do.
*/
export const brokersPane: Pane = {
	id: 'brokers',
	title: () => 'brokers',
	aliases: ['brokers', 'b'],
	columns: [
		{title: 'ID', width: 8, sortKey: 'I'},
		{title: 'ENDPOINT', width: 'flex', minWidth: 15, sortKey: 'E'},
		{title: 'RACK', width: 6, sortKey: 'K'},
		{title: 'REACH', width: 5, sortKey: 'H'},
		{title: 'SINCE', width: 6, align: 'right', sortKey: 'A'},
		{title: 'LEAD', width: 5, align: 'right', sortKey: 'L'},
		{title: 'REPL', width: 5, align: 'right', sortKey: 'P'},
		{title: 'URP', width: 4, align: 'right', sortKey: 'U'},
		{title: 'ZK', width: 3, sortKey: 'Z'},
		{title: 'META', width: 4, sortKey: 'M'},
		{title: 'ERROR', width: 'flex', minWidth: 8},
	],
	rows({snapshot, now}) {
		const underReplicated = underReplicatedByLeader(snapshot);
		const registrationsKnown = snapshot.brokers.some(broker => broker.registered);
		const metadataKnown = snapshot.brokers.some(broker => broker.inMetadata);
		return snapshot.brokers.map((broker): Row => {
			const tone: Tone | undefined = !broker.reachable ? 'bad'
				: (registrationsKnown && !broker.registered) || (metadataKnown && !broker.inMetadata) ? 'warn' : undefined;
			const cells: Cell[] = [
				// "ctl" rather than colour alone marks the controller.
				broker.isController ? {text: `${broker.id} ctl`, sort: broker.id, tone: 'accent'} : {text: String(broker.id), sort: broker.id},
				{text: endpoint(broker)},
				{text: broker.rack === undefined ? notApplicable : sanitize(broker.rack)},
				yesNoCell(broker.reachable),
				broker.registeredAt === undefined ? {text: notApplicable, sort: -1} : {text: age(now - broker.registeredAt), sort: now - broker.registeredAt},
				countCell(broker.leaderCount),
				countCell(broker.replicaCount),
				urpCell(underReplicated.get(broker.id) ?? 0),
				registrationsKnown ? yesNoCell(broker.registered, 'warn') : {text: unknown, sort: -1, tone: 'dim'},
				metadataKnown ? yesNoCell(broker.inMetadata, 'warn') : {text: unknown, sort: -1, tone: 'dim'},
				broker.error === undefined ? {text: ''} : {text: sanitize(broker.error), tone: 'bad'},
			];
			// Every listener, not only the one shown, so `/SSL` finds the brokers that have one.
			return {key: String(broker.id), tone, cells, search: searchText(cells, sanitize(broker.endpoints.join(' ')))};
		});
	},
	summary({snapshot}) {
		const {brokers, controller} = snapshot;
		const reachable = brokers.filter(broker => broker.reachable).length;
		const registered = brokers.filter(broker => broker.registered).length;
		const ctl = controller ? `controller ${controller.brokerId}${controller.epoch === undefined ? '' : ` (epoch ${controller.epoch})`}` : 'NO CONTROLLER';
		const registrations = snapshot.brokersOnly ? 'registrations not read (brokers only)' : `${registered} registered`;
		return `${plural(brokers.length, 'broker')}: ${reachable} reachable, ${registrations} · ${ctl} · URP = under-replicated partitions it leads`;
	},
	empty: 'no brokers known',
	defaultSort: {column: 0, descending: false},
};

/** Partitions each broker leads whose ISR is short of their replicas: what the broker's own URP metric counts. */
function underReplicatedByLeader(snapshot: ClusterSnapshot): Map<number, number> {
	const counts = new Map<number, number>();
	for (const topic of snapshot.topics) {
		for (const partition of topic.partitions) {
			if (partition.leader >= 0 && partition.isr.length < partition.replicas.length) {
				counts.set(partition.leader, (counts.get(partition.leader) ?? 0) + 1);
			}
		}
	}

	return counts;
}

function urpCell(count: number): Cell {
	return count > 0 ? {...countCell(count), tone: 'warn'} : countCell(count);
}

/** host:port as the model chose it (metadata first, then the PLAINTEXT registration); IPv6 in brackets. */
function endpoint(broker: BrokerSummary): string {
	if (broker.host === undefined) return broker.endpoints.length > 0 ? sanitize(broker.endpoints[0]!) : unknown;
	const host = broker.host.includes(':') ? `[${broker.host}]` : broker.host;
	return sanitize(`${host}:${broker.port ?? unknown}`);
}
