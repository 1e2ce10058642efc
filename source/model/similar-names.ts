/**
Names close to `name`, best first: a typo away (edit distance up to a third of its length, at
least 2), or containing it, or contained in it. For "topic "ordres" does not exist; similar:
orders, orders-dlq".
*/
export function similarNames(name: string, candidates: readonly string[], limit = 5): string[] {
	const wanted = name.toLowerCase();
	const allowed = Math.max(2, Math.floor(wanted.length / 3));
	const scored: Array<{candidate: string; score: number}> = [];
	for (const candidate of candidates) {
		const lower = candidate.toLowerCase();
		if (lower === wanted && candidate !== name) {
			scored.push({candidate, score: 0});
			continue;
		}

		const distance = editDistance(wanted, lower);
		const contains = wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
		if (distance <= allowed || contains) scored.push({candidate, score: contains ? Math.min(distance, allowed + 1) : distance});
	}

	return scored
		.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
		.slice(0, limit)
		.map(entry => entry.candidate);
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}

		previous = current;
	}

	return previous[b.length]!;
}
