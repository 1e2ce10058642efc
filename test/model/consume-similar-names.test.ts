import {describe, expect, it} from 'vitest';
import {editDistance, similarNames} from '../../source/model/similar-names.js';

const topics = ['orders', 'orders-dlq', 'payments', 'customer-events', '__consumer_offsets', 'Orders'];

describe('similarNames', () => {
	it('finds typos, case slips and names containing the one asked for, best first', () => {
		expect(similarNames('ordres', topics)).toEqual(['orders', 'Orders']);
		expect(similarNames('order', topics)).toEqual(['orders', 'Orders', 'orders-dlq']);
		expect(similarNames('ORDERS', topics)).toEqual(['orders', 'Orders', 'orders-dlq']);
		expect(similarNames('paymnt', topics)).toEqual(['payments']);
		expect(similarNames('inventory', topics)).toEqual([]);
	});

	it('computes edit distance', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
	});
});
