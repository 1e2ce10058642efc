import {execFile} from 'node:child_process';
import fs from 'node:fs';
import type {SaslSettings} from '../cluster/kafka/client-security.js';
import {SecurityFailure} from '../cluster/kafka/security-failure.js';

/*
An OAUTHBEARER token from outside ktop, as AWS MSK IAM and OIDC setups hand one to a shell:
a command that prints it (run without a shell: its words split as a shell would split plain
quoted words, nothing expanded) or a file some agent keeps fresh. The token is kept until a
minute before its JWT `exp` (or `refreshMs` when it has none); a file is read again when it
changes. Failures name the command or file, never the token; they are SecurityFailures, so a
broker is left alone for a while (backoff) rather than the command run again at every refresh.
*/

export type TokenOrigin = {command: string} | {file: string};

const commandTimeoutMs = 30_000;
const maxTokenBytes = 64 * 1024;
const earlyMs = 60_000;

export function oauthTokenSource(origin: TokenOrigin, refreshMs: number, now: () => number = Date.now): Extract<SaslSettings, {mechanism: 'OAUTHBEARER'}> {
	let cached: {token: string; until: number; fileStamp?: string} | undefined;
	let principal: string | undefined;
	let pending: Promise<string> | undefined;

	const fetch = async (): Promise<string> => {
		const token = 'command' in origin ? await runTokenCommand(origin.command) : readTokenFile(origin.file);
		const claims = jwtClaims(token);
		principal = typeof claims?.['sub'] === 'string' ? claims['sub'] : principal;
		const exp = typeof claims?.['exp'] === 'number' ? claims['exp'] * 1000 : undefined;
		const until = exp === undefined ? now() + refreshMs : Math.min(now() + refreshMs, exp - Math.min(earlyMs, (exp - now()) / 10));
		cached = {token, until, fileStamp: 'file' in origin ? fileStamp(origin.file) : undefined};
		return token;
	};

	const settings = {
		mechanism: 'OAUTHBEARER' as const,
		get principal() {
			return principal;
		},
		async token() {
			const stale = cached === undefined || now() >= cached.until || ('file' in origin && fileStamp(origin.file) !== cached.fileStamp);
			if (!stale) return cached!.token;
			// Connections opened together share one run of the command.
			pending ??= fetch().finally(() => {
				pending = undefined;
			});
			return pending;
		},
	};
	return settings;
}

function fileStamp(file: string): string | undefined {
	try {
		const stat = fs.statSync(file);
		return `${stat.mtimeMs}:${stat.size}`;
	} catch {
		return undefined;
	}
}

function readTokenFile(file: string): string {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		throw new SecurityFailure(`the OAUTHBEARER token file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
	}

	const token = text.trim();
	if (token === '') throw new SecurityFailure(`the OAUTHBEARER token file ${file} is empty`);
	return token;
}

async function runTokenCommand(command: string): Promise<string> {
	const [program, ...args] = splitWords(command);
	if (program === undefined) throw new Error('ktop.oauthbearer.token.command is empty');
	return new Promise((resolve, reject) => {
		execFile(program, args, {timeout: commandTimeoutMs, maxBuffer: maxTokenBytes, windowsHide: true}, (error, stdout, stderr) => {
			if (error) {
				const code = (error as NodeJS.ErrnoException).code;
				const why = code === 'ENOENT' ? 'not found' : error.killed ? `no token within ${commandTimeoutMs / 1000} s` : `exit ${String(code ?? error.signal)}`;
				const said = lastLine(String(stderr));
				reject(new SecurityFailure(`the OAUTHBEARER token command ${program} failed (${why})${said ? `: ${said}` : ''}`));
				return;
			}

			const token = String(stdout).trim();
			if (token === '') reject(new SecurityFailure(`the OAUTHBEARER token command ${program} printed no token`));
			else resolve(token);
		});
	});
}

/** What the command said last on stderr, short and printable: its own words, not the token (that goes to stdout). */
function lastLine(text: string): string {
	const line = text.trim().split('\n').pop() ?? '';
	return line.replaceAll(/[^\x20-\x7E]/g, '?').slice(0, 200);
}

/** Words as a shell splits them with quotes, and nothing else: no variables, globs or pipes. */
export function splitWords(command: string): string[] {
	const words: string[] = [];
	let word: string | undefined;
	let quote: string | undefined;
	for (let at = 0; at < command.length; at++) {
		const char = command[at]!;
		if (quote !== undefined) {
			if (char === quote) quote = undefined;
			// As in sh: inside double quotes a backslash escapes only $ ` " \ (nothing is expanded anyway).
			else if (char === '\\' && quote === '"' && '$`"\\'.includes(command[at + 1] ?? '')) word = (word ?? '') + command[++at];
			else word = (word ?? '') + char;
		} else if (char === '"' || char === '\'') {
			quote = char;
			word ??= '';
		} else if (/\s/.test(char)) {
			if (word !== undefined) words.push(word);
			word = undefined;
		} else if (char === '\\' && at + 1 < command.length) {
			word = (word ?? '') + command[++at];
		} else {
			word = (word ?? '') + char;
		}
	}

	if (quote !== undefined) throw new Error('ktop.oauthbearer.token.command has an unclosed quote');
	if (word !== undefined) words.push(word);
	return words;
}

/** A JWT's payload, or undefined for a token that is not one (an opaque token is fine too). */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
		return typeof claims === 'object' && claims !== null ? claims as Record<string, unknown> : undefined;
	} catch {
		return undefined;
	}
}
