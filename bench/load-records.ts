import {spawn} from 'node:child_process';
import type {Kafka} from 'kafkajs';
import {bootstrapServers} from '../cluster/layout.js';
import {mapLimit} from '../source/cluster/map-limit.js';

export type ProduceMethod = 'kcat' | 'kafkajs';

export type ProduceResult = {
	method: ProduceMethod;
	topic: string;
	records: number;
	recordBytes: number;
	seconds: number;
	recordsPerSecond: number;
	megabytesPerSecond: number;
};

/** A block of distinct printable records, `size` bytes each: what both producers send, over and over. */
function recordBlock(size: number, count: number): string[] {
	const filler = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.repeat(Math.ceil(size / 62) + 1);
	return Array.from({length: count}, (_, index) => {
		const head = `${String(index).padStart(6, '0')}:`;
		return (head + filler.slice(index % 62)).slice(0, size);
	});
}

const blockSize = 1000;

/**
`kcat -P` with acks=1, fed newline-delimited records on its standard input (generated here, as
a file would be, without writing a gigabyte to disk first). librdkafka batches on its own
(linger.ms 5, up to 10,000 records per batch); kcat exits once every record is acknowledged.
*/
async function produceWithKcat(topic: string, records: number, size: number): Promise<void> {
	const child = spawn('kcat', ['-P', '-b', bootstrapServers.join(','), '-t', topic, '-X', 'acks=1', '-X', 'linger.ms=20'], {stdio: ['pipe', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => {
		stderr = (stderr + chunk).slice(-2000);
	});
	const exited = new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	const block = Buffer.from(`${recordBlock(size, blockSize).join('\n')}\n`);
	for (let sent = 0; sent < records; sent += blockSize) {
		const chunk = records - sent >= blockSize ? block : block.subarray(0, (records - sent) * (size + 1));
		if (!child.stdin.write(chunk)) await new Promise(resolve => child.stdin.once('drain', resolve));
	}

	child.stdin.end();
	const code = await exited;
	if (code !== 0) throw new Error(`kcat -P exited with ${code}: ${stderr.trim()}`);
}

/** kafkajs sends of 1,000 records (acks 1, no compression), eight in flight, spread over the partitions round-robin. */
async function produceWithKafkajs(kafka: Kafka, topic: string, records: number, size: number): Promise<void> {
	const producer = kafka.producer({allowAutoTopicCreation: false});
	await producer.connect();
	try {
		const messages = recordBlock(size, blockSize).map(value => ({value: Buffer.from(value)}));
		const sends = Array.from({length: Math.ceil(records / blockSize)}, (_, index) => Math.min(blockSize, records - index * blockSize));
		await mapLimit(sends, 8, async count => producer.send({topic, acks: 1, messages: messages.slice(0, count)}));
	} finally {
		await producer.disconnect();
	}
}

export async function produce(method: ProduceMethod, kafka: Kafka, topic: string, records: number, size: number): Promise<ProduceResult> {
	const started = performance.now();
	if (method === 'kcat') await produceWithKcat(topic, records, size);
	else await produceWithKafkajs(kafka, topic, records, size);
	const seconds = (performance.now() - started) / 1000;
	return {
		method, topic, records, recordBytes: size, seconds,
		recordsPerSecond: records / seconds, megabytesPerSecond: (records * size) / seconds / 1024 / 1024,
	};
}
