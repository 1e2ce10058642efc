/**
How long ago something happened, in the compact form kubectl and k9s print in their AGE
column (k8s.io/apimachinery's HumanDuration), which operators already read at a glance:
"45s", "3m20s", "42m", "2h5m", "30h", "3d4h", "45d", "2y10d". Precision drops as the span
grows, and the text never exceeds six characters. Shared by the panes and the findings' words.
*/
export function age(ms: number): string {
	// A clock a little ahead of the cluster's makes small negative spans: that is "just now".
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 120) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
	if (minutes < 180) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
	if (hours < 48) return `${hours}h`;
	const days = Math.floor(hours / 24);
	if (days < 8) return withRest(days, 'd', hours % 24, 'h');
	if (days < 365 * 2) return `${days}d`;
	const years = Math.floor(days / 365);
	if (years < 8) return withRest(years, 'y', days % 365, 'd');
	return `${years}y`;
}

function withRest(value: number, unit: string, rest: number, restUnit: string): string {
	return rest === 0 ? `${value}${unit}` : `${value}${unit}${rest}${restUnit}`;
}
