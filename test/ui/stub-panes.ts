/**
A small pane registry for the shell's tests, so they exercise the shell (keys, layout,
filter, sort, drill-down) against panes whose output they control, not the real panes'.
*/
import type {Pane, Row, ViewId} from '../../source/ui/panes/pane.js';
import type {PaneRegistry} from '../../source/ui/pane-registry.js';

function simple(id: ViewId, aliases: string[], rows: Pane['rows']): Pane {
	return {id, title: () => id, aliases, columns: [{title: 'NAME', width: 'flex', sortKey: 'N'}], rows, empty: `no ${id}`};
}

const topics: Pane = {
	id: 'topics',
	title: () => 'topics',
	aliases: ['topics', 't'],
	columns: [
		{title: 'NAME', width: 'flex', minWidth: 12, sortKey: 'N'},
		{title: 'PARTS', width: 5, align: 'right', sortKey: 'P'},
		{title: 'LEADERS', width: 12},
		{title: 'URP', width: 4, align: 'right', sortKey: 'U'},
	],
	rows: ({snapshot}) => snapshot.topics.map((topic): Row => {
		const urp = topic.partitions.filter(partition => partition.isr.length < partition.replicas.length).length;
		return {
			key: topic.name,
			cells: [
				{text: topic.name},
				{text: String(topic.partitions.length), sort: topic.partitions.length},
				{text: topic.partitions.map(partition => partition.leader).join(',')},
				{text: String(urp), sort: urp, ...(urp > 0 ? {tone: 'warn' as const} : {})},
			],
			open: {view: 'partitions', subject: topic.name},
			topic: topic.name,
		};
	}),
	summary: ({snapshot}) => `${snapshot.topics.length} topics`,
	empty: 'no topics',
};

const partitions: Pane = {
	id: 'partitions',
	title: subject => `partitions of ${subject}`,
	aliases: [],
	columns: [
		{title: 'P', width: 4, align: 'right', sortKey: 'P'},
		{title: 'LEADER', width: 6, align: 'right', sortKey: 'L'},
		{title: 'REPLICAS', width: 'flex'},
		{title: 'ISR', width: 'flex'},
	],
	rows: ({snapshot, subject}) => (snapshot.topics.find(topic => topic.name === subject)?.partitions ?? []).map(partition => ({
		key: String(partition.partition),
		cells: [
			{text: String(partition.partition), sort: partition.partition},
			{text: partition.leader < 0 ? 'none' : String(partition.leader), sort: partition.leader},
			{text: partition.replicas.join(',')},
			{text: partition.isr.join(',')},
		],
	})),
	empty: 'no partitions',
};

export const stubPanes: Record<ViewId, Pane> = {
	health: simple('health', ['health', 'h'], ({snapshot}) => snapshot.findings.map(finding => ({
		key: `${finding.code} ${finding.subject}`,
		cells: [{text: `${finding.severity.toUpperCase()} ${finding.code} ${finding.subject}`}],
	}))),
	zookeeper: simple('zookeeper', ['zk', 'zookeeper'], ({snapshot}) => (snapshot.zookeeper?.servers ?? []).map(server => ({
		key: server.address, cells: [{text: `${server.address} ${server.mode}`}],
	}))),
	brokers: simple('brokers', ['brokers', 'b'], ({snapshot}) => snapshot.brokers.map(broker => ({key: String(broker.id), cells: [{text: `broker ${broker.id}`}]}))),
	topics,
	partitions,
	groups: simple('groups', ['groups', 'cg'], ({snapshot}) => snapshot.groups.map(group => ({key: group.groupId, cells: [{text: group.groupId}]}))),
	group: {...simple('group', [], () => []), title: subject => `group ${subject}`},
	events: simple('events', ['events', 'ev'], ({events}) => events.map((event, index) => ({key: String(index), cells: [{text: event.message}]}))),
};

export const stubRegistry: PaneRegistry = {
	panes: stubPanes,
	paneForAlias: alias => Object.values(stubPanes).find(pane => pane.aliases.includes(alias.trim().toLowerCase())),
};
