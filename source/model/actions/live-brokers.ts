import type {ClusterSnapshot} from '../types.js';

/**
Brokers that can take a replica right now: known to the cluster (registered in ZooKeeper or in
the metadata) and answering. Kafka itself counts registered brokers, so a hung broker would
still be given replicas it cannot follow; ktop counts only the ones that answer.
*/
export function liveBrokers(snapshot: ClusterSnapshot): {alive: number[]; down: number[]} {
	const alive: number[] = [];
	const down: number[] = [];
	for (const broker of [...snapshot.brokers].sort((a, b) => a.id - b.id)) {
		if ((broker.registered || broker.inMetadata) && broker.reachable) alive.push(broker.id);
		else down.push(broker.id);
	}

	return {alive, down};
}

/** "3 brokers alive (1, 2, 3); broker 4 is down". */
export function liveBrokersText(snapshot: ClusterSnapshot): string {
	const {alive, down} = liveBrokers(snapshot);
	const head = `${alive.length} ${alive.length === 1 ? 'broker' : 'brokers'} alive${alive.length > 0 ? ` (${alive.join(', ')})` : ''}`;
	if (down.length === 0) return head;
	return `${head}; ${down.length === 1 ? `broker ${down[0]} is` : `brokers ${down.join(', ')} are`} down`;
}
