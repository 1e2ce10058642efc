import {brokersPane} from './brokers.js';
import {eventsPane} from './events.js';
import {groupPane} from './group.js';
import {groupsPane} from './groups.js';
import {healthPane} from './health.js';
import type {Pane, ViewId} from './pane.js';
import {partitionsPane} from './partitions.js';
import {topicsPane} from './topics.js';
import {zookeeperPane} from './zookeeper.js';

/** Every view the shell can show, by id. */
export const panes: Record<ViewId, Pane> = {
	health: healthPane,
	zookeeper: zookeeperPane,
	brokers: brokersPane,
	topics: topicsPane,
	partitions: partitionsPane,
	groups: groupsPane,
	group: groupPane,
	events: eventsPane,
};

const byAlias = new Map<string, Pane>();
for (const pane of Object.values(panes)) {
	for (const alias of pane.aliases) {
		// Two panes answering one alias would make `:x` depend on declaration order.
		if (byAlias.has(alias)) throw new Error(`pane alias "${alias}" is taken twice`);
		byAlias.set(alias, pane);
	}
}

/** The pane a `:` command names ("zk", "cg"), ignoring case and surrounding blanks; drill-down panes have no alias. */
export function paneForAlias(alias: string): Pane | undefined {
	return byAlias.get(alias.trim().toLowerCase());
}
