/** A time of day on the operator's clock, "14:03:09": the timeline spans hours, not days. */
export function clock(ms: number): string {
	const date = new Date(ms);
	return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

function two(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}
