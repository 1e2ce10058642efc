export {age} from '../../text/age.js';

const units: Array<[number, string]> = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];

/**
A configured duration (retention.ms), exactly: the largest unit that divides it, so 7 days is
"7d" and 36 hours "36h" rather than a rounded "2d". Kafka's -1 means no limit.
*/
export function exactDuration(ms: number): string {
	if (ms < 0) return 'forever';
	if (ms === 0) return '0';
	for (const [size, unit] of units) {
		if (ms % size === 0) return `${ms / size}${unit}`;
	}

	return `${ms}ms`;
}
