/** Order statistics for the figures: runs are few, so the median with min/max, and percentiles for frames. */

export type Spread = {median: number; min: number; max: number; runs: number};

export function spread(values: readonly number[]): Spread {
	if (values.length === 0) return {median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0};
	const sorted = [...values].sort((a, b) => a - b);
	return {median: percentile(sorted, 50), min: sorted[0]!, max: sorted.at(-1)!, runs: values.length};
}

/** Linear interpolation between closest ranks; `sorted` must be ascending. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export type Percentiles = {p50: number; p95: number; max: number; count: number};

export function percentiles(values: readonly number[]): Percentiles {
	const sorted = [...values].sort((a, b) => a - b);
	return {p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN, count: sorted.length};
}

/** Least-squares slope of y over x: memory growth per minute from RSS samples. */
export function slope(points: ReadonlyArray<{x: number; y: number}>): number {
	if (points.length < 2) return Number.NaN;
	const n = points.length;
	const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
	const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
	let num = 0;
	let den = 0;
	for (const {x, y} of points) {
		num += (x - meanX) * (y - meanY);
		den += (x - meanX) ** 2;
	}

	return den === 0 ? Number.NaN : num / den;
}

export const round = (value: number, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);
