/** A time of day on the operator's clock, "14:03:09": the timeline spans hours, not days. */
export function clock(ms: number): string {
	const date = new Date(ms);
	return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

function two(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

/** With milliseconds, "14:03:09.042": records arrive many to the second. */
export function clockMillis(ms: number): string {
	const date = new Date(ms);
	const millis = date.getMilliseconds();
	return `${clock(ms)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}`;
}

/** The operator's local date and time to the millisecond, "2026-11-21 14:03:09.042". */
export function dateTimeMillis(ms: number): string {
	const date = new Date(ms);
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${clockMillis(ms)}`;
}
