/*
A child process of `npm run bench`: the two halves of ktop's read, each alone, first cold (a
fresh source, as `ktop snapshot` starts) then warm, so the snapshot's time can be split between
ZooKeeper and the brokers. Prints one JSON object.

	node --import tsx bench/probes/read-parts-probe.ts <zookeeper> <bootstrap> <warm reads>

The cluster reader runs them one after the other (ZooKeeper first), so a snapshot's read is about
their sum.
*/
import {createKafkaSource} from '../../source/cluster/kafka/kafka-source.js';
import {createZkSource} from '../../source/cluster/zookeeper/zk-source.js';

export type ReadPart = {coldMs: number; warmMs: number[]; errors: number};
export type ReadPartsProbeResult = {zookeeper: ReadPart; kafka: ReadPart};

const [zookeeper = '', bootstrap = '', warmArgument = '3'] = process.argv.slice(2);
const warmReads = Number(warmArgument);

async function time(read: () => Promise<{errors: unknown[]}>): Promise<ReadPart> {
	let started = performance.now();
	const cold = await read();
	const part: ReadPart = {coldMs: performance.now() - started, warmMs: [], errors: cold.errors.length};
	for (let index = 0; index < warmReads; index++) {
		started = performance.now();
		await read();
		part.warmMs.push(performance.now() - started);
	}

	return part;
}

const zk = createZkSource(zookeeper);
const zookeeperPart = await time(async () => zk.read());
zk.close();
const kafka = createKafkaSource(bootstrap.split(','));
const kafkaPart = await time(async () => kafka.read());
await Promise.race([kafka.close(), new Promise(resolve => setTimeout(resolve, 3000))]);
const result: ReadPartsProbeResult = {zookeeper: zookeeperPart, kafka: kafkaPart};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
