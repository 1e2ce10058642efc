import {ConfigError} from './connection.js';

/** The subcommands; none at all is the live view. */
export const commandNames = ['snapshot', 'check', 'consume', 'contexts'] as const;

/**
Exit status for bad usage: 2, the shell's convention (getopt, meow), except for check, where 2
means critical and a monitoring system must never page for a typo: 64 there (EX_USAGE).
*/
export function usageExitCode(command: string | undefined): number {
	return command === 'check' ? 64 : 2;
}

/** Throws a usage error naming the command when it is not one of ktop's. */
export function checkCommand(command: string | undefined): void {
	if (command === undefined || (commandNames as readonly string[]).includes(command)) return;
	throw new ConfigError(`unknown command "${command}"; commands are: ${commandNames.join(', ')} (none: the live view); see ktop --help`);
}

/**
The first command named in `argv`, for the exit status of a usage error found before the
arguments are parsed (meow throws on a flag given twice).
*/
export function commandIn(argv: readonly string[]): string | undefined {
	return argv.find(argument => (commandNames as readonly string[]).includes(argument));
}

type FlagSpec = {readonly shortFlag?: string; readonly type?: string};

/**
Flags given that ktop does not know, as typed (`--bogus`, `-x`): meow is told to let them
through, so that ktop reports them itself with its own exit status rather than meow's 2.
`given` is meow's unnormalizedFlags: every flag under its camelCase and kebab-case names.
*/
export function unknownFlags(given: Record<string, unknown>, known: Record<string, FlagSpec>): string[] {
	const names = new Set<string>();
	for (const [name, spec] of Object.entries(known)) {
		names.add(name).add(kebab(name));
		if (spec.shortFlag) names.add(spec.shortFlag);
	}

	const unknown = Object.keys(given).filter(name => !names.has(name) && !names.has(camel(name)));
	// yargs records --foo-bar as both foo-bar and fooBar: report it once, as typed.
	const reported = unknown.filter(name => !(name !== kebab(name) && unknown.includes(kebab(name))));
	return reported.map(name => (name.length === 1 ? `-${name}` : `--${kebab(name)}`));
}

export type NumberRule = {min: number; max: number; integer: boolean; unit: string};

/**
A numeric flag's text as a number: digits (and a decimal point where fractions make sense) in
the range given, else a usage error naming the flag, what it got and what it accepts. No NaN,
no "1e3", no "0x10", no "", no default hidden behind a flag given without its value.
*/
export function numberFlag(flag: string, text: string | undefined, rule: NumberRule): number | undefined {
	if (text === undefined) return undefined;
	const grammar = rule.integer ? /^\d+$/ : /^\d+(?:\.\d+)?$/;
	const value = Number(text);
	if (!grammar.test(text) || value < rule.min || value > rule.max) {
		const kind = rule.integer ? `a whole number of ${rule.unit}` : `a number of ${rule.unit}`;
		throw new ConfigError(`${flag} ${text === '' ? 'needs a value' : text}: expected ${kind} from ${rule.min} to ${rule.max.toLocaleString('en-US')}`);
	}

	return value;
}

function kebab(name: string): string {
	return name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}

function camel(name: string): string {
	return name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
