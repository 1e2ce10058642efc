import {describe, expect, it} from 'vitest';
import {brokerList} from '../../../source/ui/format/broker-list.js';
import {clock} from '../../../source/ui/format/clock.js';
import {severityCell} from '../../../source/ui/format/severity.js';
import {zxidSortKey} from '../../../source/ui/format/zxid.js';

describe('brokerList', () => {
	it('joins ids with their markers, and shows none as "-"', () => {
		expect(brokerList([1, 2, 3], id => (id === 2 ? '!' : ''))).toBe('1,2!,3');
		expect(brokerList([1001, 1002])).toBe('1001,1002');
		expect(brokerList([])).toBe('-');
	});
});

describe('clock', () => {
	it('shows local hours, minutes and seconds with leading zeros', () => {
		expect(clock(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('03:04:05');
		expect(clock(new Date(2026, 0, 2, 23, 59, 59, 999).getTime())).toBe('23:59:59');
	});
});

describe('zxidSortKey', () => {
	it('orders zxids by value where their text would not', () => {
		const zxids = ['0x10', '0x9', '0x500000010', '0x50000000e', '0X1A'];
		expect([...zxids].sort((a, b) => (zxidSortKey(a) < zxidSortKey(b) ? -1 : 1))).toEqual(['0x9', '0x10', '0X1A', '0x50000000e', '0x500000010']);
	});
});

describe('severityCell', () => {
	it('marks severity in text, tones it, and sorts worst first', () => {
		expect(['critical', 'warning', 'info'].map(s => severityCell(s as 'critical'))).toEqual([
			{text: 'CRIT', tone: 'bad', sort: 0}, {text: 'WARN', tone: 'warn', sort: 1}, {text: 'INFO', tone: 'dim', sort: 2},
		]);
	});
});
