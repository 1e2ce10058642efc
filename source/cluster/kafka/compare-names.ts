/** Code-point order, the same on every machine and locale (localeCompare is not): stable snapshots diff cleanly. */
export function compareNames(a: string, b: string): number {
	return a < b ? -1 : (a > b ? 1 : 0);
}
