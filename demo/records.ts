import type {Message} from 'kafkajs';

/**
What the generator writes: small keyed JSON records that look like a shop's traffic.
Keys repeat (30 customers, recent orders) so each key sticks to one partition, as in production:
orders' partitions get uneven but non-zero traffic (fewer customers left one partition empty).
Only counters are kept, so memory stays flat however long the demo runs.
*/

const customers = Array.from({length: 30}, (_, index) => `customer-${String(index + 1).padStart(2, '0')}`);
const methods = ['card', 'sepa', 'paypal'];
const actors = ['svc-orders', 'svc-payments', 'alice', 'bob'];
const auditEvents = ['login', 'refund.approved', 'price.changed', 'user.invited'];
const headers = {source: 'ktop-demo'};

function pick<T>(items: T[]): T {
	return items[Math.floor(Math.random() * items.length)]!;
}

function amount(): string {
	return (5 + Math.random() * 495).toFixed(2);
}

export function recordMakers(): {order: () => Message; payment: () => Message; audit: () => Message} {
	let orders = 0;
	let payments = 0;
	const orderId = (n: number) => `ord-${String(n).padStart(7, '0')}`;

	return {
		order() {
			orders += 1;
			const customer = pick(customers);
			const value = {orderId: orderId(orders), customer, items: 1 + Math.floor(Math.random() * 5), amount: amount(), currency: 'EUR', placedAt: new Date().toISOString()};
			return {key: customer, value: JSON.stringify(value), headers};
		},
		payment() {
			payments += 1;
			// Pays one of the last 50 orders, so payment keys line up with real order ids.
			const order = orderId(Math.max(1, orders - Math.floor(Math.random() * 50)));
			const value = {paymentId: `pay-${String(payments).padStart(7, '0')}`, orderId: order, method: pick(methods), amount: amount(), currency: 'EUR'};
			return {key: order, value: JSON.stringify(value), headers};
		},
		audit() {
			const actor = pick(actors);
			return {key: actor, value: JSON.stringify({event: pick(auditEvents), actor, at: new Date().toISOString()}), headers};
		},
	};
}
