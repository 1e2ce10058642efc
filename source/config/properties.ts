/**
Reads Java .properties text (server.properties, zoo.cfg, client.properties) as java.util.Properties
does: `key=value`, `key: value` or `key value`, `#`/`!` comments, a line ending in an odd number
of backslashes continues on the next, and escapes (`\\`, `\:`, `\=`, `\ `, `\t`, `\n`, `\uXXXX`)
in keys and values: a Windows path `C\:\\certs\\ca.p12` is `C:\certs\ca.p12`.
Values are trimmed at the end too, as Kafka's ConfigDef trims them.
*/
export function parseProperties(text: string): Map<string, string> {
	const result = new Map<string, string>();
	const lines = text.split(/\r?\n|\r/);
	for (let index = 0; index < lines.length; index++) {
		let line = lines[index]!.trimStart();
		if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
		while (endsInEscape(line) && index + 1 < lines.length) {
			line = line.slice(0, -1) + lines[++index]!.trimStart();
		}

		if (endsInEscape(line)) line = line.slice(0, -1);
		const keyEnd = unescapedSeparator(line);
		const key = line.slice(0, keyEnd);
		let rest = line.slice(keyEnd).trimStart();
		if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).trimStart();
		result.set(unescape(key), unescape(rest).trimEnd());
	}

	return result;
}

function endsInEscape(line: string): boolean {
	let backslashes = 0;
	for (let index = line.length - 1; index >= 0 && line[index] === '\\'; index--) backslashes++;
	return backslashes % 2 === 1;
}

/** Where the key ends: the first `=`, `:` or white space not escaped. */
function unescapedSeparator(line: string): number {
	for (let index = 0; index < line.length; index++) {
		const char = line[index]!;
		if (char === '\\') index++;
		else if (char === '=' || char === ':' || char === ' ' || char === '\t' || char === '\f') return index;
	}

	return line.length;
}

const escapes: Record<string, string> = {t: '\t', n: '\n', r: '\r', f: '\f'};

function unescape(text: string): string {
	return text.replaceAll(/\\(u[\dA-Fa-f]{4}|.)/g, (_, escaped: string) => {
		if (escaped.length === 5) return String.fromCodePoint(Number.parseInt(escaped.slice(1), 16));
		return escapes[escaped] ?? escaped;
	});
}
