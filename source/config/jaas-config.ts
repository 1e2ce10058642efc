/**
One JAAS login module entry as Kafka's sasl.jaas.config holds it:
`org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3cr\"t";`
Values are quoted (backslash escapes, as Java's StreamTokenizer reads them) or bare words.
*/
export type JaasConfig = {loginModule: string; flag: string; options: Map<string, string>};

const flags = new Set(['required', 'requisite', 'sufficient', 'optional']);

/** `fail` throws; its message never holds a value, which may be a password. */
export function parseJaasConfig(text: string, fail: (message: string) => never): JaasConfig {
	const tokens = tokenize(text, fail);
	const [loginModule, flag, ...rest] = tokens;
	if (loginModule?.kind !== 'word' || flag?.kind !== 'word' || !flags.has(flag.text.toLowerCase())) {
		fail('sasl.jaas.config: expected "<LoginModule class> required key="value" …;"');
	}

	const options = new Map<string, string>();
	let index = 0;
	while (index < rest.length && rest[index]!.text !== ';') {
		const key = rest[index];
		const equals = rest[index + 1];
		const value = rest[index + 2];
		if (key?.kind !== 'word' || equals?.text !== '=' || value === undefined || value.text === ';') {
			fail(`sasl.jaas.config: expected key="value" after ${key?.kind === 'word' ? key.text : 'the login module'}`);
		}

		options.set(key!.text, value!.text);
		index += 3;
	}

	if (rest[index]?.text !== ';') fail('sasl.jaas.config: the entry must end with ";"');
	if (index + 1 < rest.length) fail('sasl.jaas.config: more than one login module; ktop takes one');
	return {loginModule: loginModule!.text, flag: flag!.text, options};
}

type Token = {kind: 'word' | 'quoted' | 'symbol'; text: string};

function tokenize(text: string, fail: (message: string) => never): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < text.length) {
		const char = text[at]!;
		if (/\s/.test(char)) {
			at++;
		} else if (char === '=' || char === ';') {
			tokens.push({kind: 'symbol', text: char});
			at++;
		} else if (char === '"' || char === '\'') {
			let value = '';
			at++;
			while (at < text.length && text[at] !== char) {
				if (text[at] === '\\' && at + 1 < text.length) at++;
				value += text[at];
				at++;
			}

			if (at >= text.length) fail('sasl.jaas.config: a quoted value is not closed');
			at++;
			tokens.push({kind: 'quoted', text: value});
		} else {
			const match = /^[^\s=;"']+/.exec(text.slice(at))!;
			tokens.push({kind: 'word', text: match[0]});
			at += match[0].length;
		}
	}

	return tokens;
}
