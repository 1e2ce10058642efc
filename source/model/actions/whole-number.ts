/**
A whole number typed by the operator, within [min, max]: "12" yes, "1e3", "12.0", "0x10" no, so
what was typed is exactly what is sent. Returns the number, or why not in the field's words.
*/
export function parseWholeNumber(text: string, label: string, min: number, max = Number.MAX_SAFE_INTEGER): number | {error: string} {
	const value = text.trim();
	if (value === '') return {error: `${label}: required`};
	if (!/^-?\d+$/.test(value)) return {error: `${label}: ${JSON.stringify(value)} is not a whole number`};
	const number = Number(value);
	if (!Number.isSafeInteger(number) || number > max) return {error: `${label}: at most ${max}`};
	if (number < min) return {error: `${label}: at least ${min}`};
	return number;
}
