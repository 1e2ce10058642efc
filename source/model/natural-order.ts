const collator = new Intl.Collator('en', {numeric: true});

/**
Orders strings the way an operator reads them: 'orders-2' before 'orders-10'. Ties under the
collator (which ignores some differences) fall back to code-unit order, so the result is total
and every sort that uses it is deterministic.
*/
export function compareNatural(a: string, b: string): number {
	return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareNumbers(a: number, b: number): number {
	return a - b;
}
