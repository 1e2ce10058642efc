/**
Config and header lists in kafka-configs.sh syntax: "k=v,k2=v2", a value holding commas in
brackets ("cleanup.policy=[compact,delete]"), so what works on the command line works here.
*/

export type ConfigPair = {name: string; value: string};

export function parseConfigPairs(text: string, label: string): ConfigPair[] | {errors: string[]} {
	const errors: string[] = [];
	const pairs: ConfigPair[] = [];
	for (const piece of splitOutsideBrackets(text)) {
		const equals = piece.indexOf('=');
		if (equals < 0) {
			errors.push(`${label}: ${JSON.stringify(piece)} is not key=value (a value with commas goes in brackets: k=[a,b])`);
			continue;
		}

		const name = piece.slice(0, equals).trim();
		let value = piece.slice(equals + 1).trim();
		if (name === '') {
			errors.push(`${label}: ${JSON.stringify(piece)} has no key before '='`);
			continue;
		}

		if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1).split(',').map(item => item.trim()).join(',');
		if (pairs.some(pair => pair.name === name)) {
			errors.push(`${label}: ${name} is given twice`);
			continue;
		}

		pairs.push({name, value});
	}

	return errors.length > 0 ? {errors} : pairs;
}

/** "k1, k2" -> ['k1', 'k2'], without blanks or repeats. */
export function parseNameList(text: string): string[] {
	return [...new Set(text.split(',').map(name => name.trim()).filter(name => name !== ''))];
}

function splitOutsideBrackets(text: string): string[] {
	const pieces: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of text) {
		if (char === '[') depth++;
		if (char === ']') depth = Math.max(0, depth - 1);
		if (char === ',' && depth === 0) {
			pieces.push(current);
			current = '';
			continue;
		}

		current += char;
	}

	pieces.push(current);
	return pieces.map(piece => piece.trim()).filter(piece => piece !== '');
}
