/**
Structural equality for plain data (what snapshots are made of: primitives, arrays, plain
objects). Cheaper than comparing JSON strings at 10,000 partitions: it stops at the first
difference and allocates nothing.
*/
export function sameData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let index = 0; index < a.length; index++) {
			if (!sameData(a[index], b[index])) return false;
		}

		return true;
	}

	if (Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) return false;
	for (const key of keysA) {
		if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
	}

	return true;
}
