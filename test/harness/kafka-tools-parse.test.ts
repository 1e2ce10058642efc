import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {repoRoot} from '../../cluster/layout.js';
import {parseGroupDescribe, parseTopicDescribe} from '../compat/kafka-tools.js';

const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'kafka-tools', name), 'utf8');

describe('the compat suite reads Kafka 3.3.1\'s own tools', () => {
	it('kafka-topics --describe: leader, replicas in order and ISR per partition, the topic line skipped', () => {
		expect(parseTopicDescribe(fixture('topics-describe-3.3.1.txt'))).toEqual([
			{partition: 0, leader: 2, replicas: [2, 3, 1], isr: [1, 2, 3]},
			{partition: 1, leader: 3, replicas: [3, 1, 2], isr: [1, 2, 3]},
			{partition: 2, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3]},
		]);
	});

	it('kafka-consumer-groups --describe: offsets by the header\'s columns', () => {
		expect(parseGroupDescribe(fixture('consumer-groups-describe-3.3.1.txt'))).toEqual([
			{topic: 'compat-probe', partition: 0, current: '0', end: '8', lag: '8'},
			{topic: 'compat-probe', partition: 1, current: '0', end: '5', lag: '5'},
			{topic: 'compat-probe', partition: 2, current: '0', end: '7', lag: '7'},
		]);
	});

	it('kafka-consumer-groups --describe without a GROUP column (older releases\' layout, hand-written)', () => {
		const text = [
			'TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID',
			'compat-probe    1          2               5               3               -               -               -',
		].join('\n');
		expect(parseGroupDescribe(text)).toEqual([{topic: 'compat-probe', partition: 1, current: '2', end: '5', lag: '3'}]);
	});

	it('nothing when the tool printed an error instead of a table', () => {
		expect(parseGroupDescribe('Error: Executing consumer group command failed due to org.apache.kafka.common.errors.CoordinatorNotAvailableException')).toEqual([]);
	});
});
