import chalk from 'chalk';
import {type Connection, reachCluster} from '../model/reach.js';
import {reachLines, type Tone} from '../text/reach-lines.js';

const paint: Record<Tone, (text: string) => string> = {ok: chalk.green, warn: chalk.yellow, bad: chalk.red, plain: text => text};

/**
Prints which cluster ktop reached, once. Exit status 0 when both ZooKeeper (if given) and
the brokers answered, 1 otherwise, so scripts can use it as a reachability check.
*/
export async function printReport(connection: Connection, write: (line: string) => void): Promise<number> {
	const reach = await reachCluster(connection);
	for (const line of reachLines(reach)) write(paint[line.tone](line.text));
	const zkOk = reach.zookeeper === undefined || (reach.zookeeper.error === undefined && reach.zookeeper.servers.some(s => s.state === 'serving'));
	return zkOk && reach.kafka.view !== undefined ? 0 : 1;
}
