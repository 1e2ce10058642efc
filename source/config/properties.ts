/**
Reads Java .properties text (server.properties, zoo.cfg): `key=value` or `key: value`,
`#`/`!` comments, trailing-backslash continuations. Enough for Kafka's and ZooKeeper's files.
*/
export function parseProperties(text: string): Map<string, string> {
	const result = new Map<string, string>();
	const lines = text.split(/\r?\n/);
	for (let index = 0; index < lines.length; index++) {
		let line = lines[index]!.trim();
		if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
		while (line.endsWith('\\') && index + 1 < lines.length) {
			line = line.slice(0, -1) + lines[++index]!.trim();
		}

		const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
		if (match) result.set(match[1]!, match[2]!.trim());
	}

	return result;
}
