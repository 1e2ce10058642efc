import {existsSync, readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Scalar, type YAMLMap} from 'yaml';
import {parseConnectString} from '../cluster/zookeeper/connect-string.js';
import type {ZookeeperAuth} from '../cluster/types.js';
import {similarNames} from '../model/similar-names.js';
import {brokerList} from './broker-list.js';
import {ConfigError} from './config-error.js';

/**
The contexts config file (as k9s', kafkactl's and kaf's): named clusters, each with what ktop
needs to reach it. Read with the `yaml` package; every key is checked here, so a typo
(`bootsrap`) is an error with its line, never a setting silently ignored.
*/

/** One context, validated; paths resolved against the config file's folder. */
export type ContextSettings = {
	name: string;
	zookeeper: string | undefined;
	zookeeperAuth: ZookeeperAuth[] | undefined;
	bootstrap: string[] | undefined;
	/** Absolute path of the Kafka client properties file. */
	commandConfig: string | undefined;
	/** Inline client properties: they override the command-config file's. */
	properties: Map<string, string>;
	readOnly: boolean;
	/** Seconds between refreshes. */
	interval: number | undefined;
};

export type ContextsFile = {
	file: string;
	currentContext: string | undefined;
	contexts: ContextSettings[];
	/** For the operator, never holding a secret (a file others can read that holds some). */
	warnings: string[];
};

export const contextKeys = ['zookeeper', 'zookeeper-auth', 'bootstrap', 'command-config', 'properties', 'read-only', 'interval'] as const;
const topKeys = ['current-context', 'contexts'] as const;

/** Where the config file is: $KTOP_CONFIG (then it must exist), else $XDG_CONFIG_HOME/ktop/config.yaml, else ~/.config/ktop/config.yaml. */
export function contextsFilePath(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): {file: string; explicit: boolean} {
	const given = env['KTOP_CONFIG']?.trim();
	if (given) return {file: path.resolve(given), explicit: true};
	const xdg = env['XDG_CONFIG_HOME']?.trim();
	// XDG says a relative XDG_CONFIG_HOME is invalid and to be ignored.
	const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home(), '.config');
	return {file: path.join(base, 'ktop', 'config.yaml'), explicit: false};
}

/**
Reads the config file where contextsFilePath finds it. Undefined when there is none at the
default place; a file named by KTOP_CONFIG that is missing is an error.
*/
export function loadContexts(env: NodeJS.ProcessEnv = process.env, home?: () => string): ContextsFile | undefined {
	const {file, explicit} = contextsFilePath(env, home);
	if (!existsSync(file)) {
		if (explicit) throw new ConfigError(`KTOP_CONFIG names ${file}, which does not exist; create it (see ktop --help, "Contexts") or unset KTOP_CONFIG`);
		return undefined;
	}

	return readContextsFile(file);
}

export function readContextsFile(file: string): ContextsFile {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError(`cannot read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}

	const lines = new LineCounter();
	// No pretty errors: they quote the offending line, which may hold a password.
	const document = parseDocument(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true});
	const at = (node: {range?: readonly number[] | null} | undefined | null) => {
		const offset = node?.range?.[0];
		if (offset === undefined) return file;
		const {line, col} = lines.linePos(offset);
		return `${file}:${line}:${col}`;
	};

	const [syntax] = document.errors;
	if (syntax) {
		const {line, col} = lines.linePos(syntax.pos[0]);
		throw new ConfigError(`${file}:${line}:${col}: not valid YAML: ${syntax.message}`);
	}

	const fail = (node: Node | Scalar | undefined | null, key: string, problem: string): never => {
		throw new ConfigError(`${at(node)}: ${key}: ${problem}`);
	};

	const root = document.contents;
	if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
		return {file, currentContext: undefined, contexts: [], warnings: []};
	}

	if (!isMap(root)) fail(root, '(top level)', `expected a mapping with ${topKeys.join(' and ')}`);
	const top = root as YAMLMap;
	checkKeys(top, topKeys, '', fail);
	const current = top.items.find(pair => keyOf(pair.key) === 'current-context');
	const contextsPair = top.items.find(pair => keyOf(pair.key) === 'contexts');
	let currentContext: string | undefined;
	if (current) currentContext = text1(current.value as Node, 'current-context', fail);

	const contexts: ContextSettings[] = [];
	const contextsNode = contextsPair?.value as Node | null | undefined;
	if (contextsPair && !(isScalar(contextsNode) && contextsNode.value === null) && contextsNode !== null) {
		if (!isMap(contextsNode)) fail(contextsNode ?? (contextsPair.key as Node), 'contexts', 'expected a mapping of context names to their settings');
		for (const pair of (contextsNode as YAMLMap).items) {
			const name = keyOf(pair.key);
			if (name === undefined || name.trim() === '') fail(pair.key as Node, 'contexts', 'a context name must be non-empty text');
			contexts.push(readContext(name!, pair.key as Node, pair.value as Node | null, path.dirname(file), fail));
		}
	}

	if (currentContext !== undefined && !contexts.some(context => context.name === currentContext)) {
		fail(current!.value as Node, 'current-context', `"${currentContext}" is not a context in this file; ${knownContexts(contexts)}`);
	}

	return {file, currentContext, contexts, warnings: secretWarnings(file, contexts)};
}

/** The context of that name, or a ConfigError listing the ones there are. */
export function findContext(file: ContextsFile, name: string): ContextSettings {
	const context = file.contexts.find(candidate => candidate.name === name);
	if (context) return context;
	const similar = similarNames(name, file.contexts.map(candidate => candidate.name), 3);
	const hint = similar.length > 0 ? `did you mean ${similar.map(entry => `"${entry}"`).join(' or ')}? ` : '';
	throw new ConfigError(`no context "${name}" in ${file.file}; ${hint}${knownContexts(file.contexts)}`);
}

export function knownContexts(contexts: readonly ContextSettings[]): string {
	return contexts.length === 0 ? 'it defines no contexts' : `contexts: ${contexts.map(context => context.name).join(', ')}`;
}

type Fail = (node: Node | Scalar | undefined | null, key: string, problem: string) => never;

function readContext(name: string, keyNode: Node, value: Node | null, folder: string, fail: Fail): ContextSettings {
	const where = `contexts.${name}`;
	if (value === null || (isScalar(value) && value.value === null)) fail(keyNode, where, 'has no settings: give it zookeeper and/or bootstrap');
	if (!isMap(value)) fail(value, where, `expected a mapping with some of ${contextKeys.join(', ')}`);
	const map = value as YAMLMap;
	checkKeys(map, contextKeys, `${where}.`, fail);
	const field = (key: string) => map.items.find(pair => keyOf(pair.key) === key)?.value as Node | null | undefined;
	const settings: ContextSettings = {
		name, zookeeper: undefined, zookeeperAuth: undefined, bootstrap: undefined, commandConfig: undefined,
		properties: new Map(), readOnly: false, interval: undefined,
	};

	const zookeeper = field('zookeeper');
	if (zookeeper !== undefined) {
		settings.zookeeper = text1(zookeeper, `${where}.zookeeper`, fail);
		try {
			parseConnectString(settings.zookeeper);
		} catch (error) {
			fail(zookeeper, `${where}.zookeeper`, (error as Error).message);
		}
	}

	const auth = field('zookeeper-auth');
	if (auth !== undefined) settings.zookeeperAuth = list(auth, `${where}.zookeeper-auth`, fail).map(([node, entry]) => zookeeperAuth(node, entry, `${where}.zookeeper-auth`, fail));

	const bootstrap = field('bootstrap');
	if (bootstrap !== undefined) {
		settings.bootstrap = list(bootstrap, `${where}.bootstrap`, fail).flatMap(([node, entry]) => {
			try {
				return brokerList(entry);
			} catch (error) {
				return fail(node, `${where}.bootstrap`, (error as Error).message);
			}
		});
	}

	const commandConfig = field('command-config');
	if (commandConfig !== undefined) settings.commandConfig = path.resolve(folder, text1(commandConfig, `${where}.command-config`, fail));

	const properties = field('properties');
	if (properties !== undefined && !(isScalar(properties) && properties.value === null)) {
		if (!isMap(properties)) fail(properties, `${where}.properties`, 'expected a mapping of Kafka client properties, e.g. {security.protocol: SASL_SSL}');
		for (const pair of (properties as YAMLMap).items) {
			const key = keyOf(pair.key);
			if (key === undefined || key === '') fail(pair.key as Node, `${where}.properties`, 'a property name must be non-empty text');
			const node = pair.value as Node | null;
			// `key:` with nothing after it is Kafka's `key=`: empty (ssl.endpoint.identification.algorithm).
			if (node === null || (isScalar(node) && node.value === null)) settings.properties.set(key!, '');
			else if (isScalar(node) && ['string', 'number', 'boolean'].includes(typeof node.value)) settings.properties.set(key!, String(node.value));
			// The value may be a secret: it is not quoted back.
			else fail(node, `${where}.properties.${key}`, 'expected a single value (text, number or true/false), not a list or mapping');
		}
	}

	const readOnly = field('read-only');
	if (readOnly !== undefined) {
		if (!isScalar(readOnly) || typeof readOnly.value !== 'boolean') fail(readOnly, `${where}.read-only`, `expected true or false, got ${shown(readOnly, true)}`);
		settings.readOnly = (readOnly as Scalar).value as boolean;
	}

	const interval = field('interval');
	if (interval !== undefined) {
		const seconds = isScalar(interval) ? interval.value : undefined;
		if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0.5 || seconds > 3600) {
			fail(interval, `${where}.interval`, `expected a number of seconds from 0.5 to 3600, got ${shown(interval, true)}`);
		}

		settings.interval = seconds as number;
	}

	return settings;
}

/** Unknown keys are named with their place and the nearest known one. */
function checkKeys(map: YAMLMap, known: readonly string[], prefix: string, fail: Fail): void {
	for (const pair of map.items) {
		const key = keyOf(pair.key);
		if (key !== undefined && known.includes(key)) continue;
		const similar = key === undefined ? [] : similarNames(key, known, 1);
		const hint = similar.length > 0 ? `did you mean "${similar[0]}"? ` : '';
		fail(pair.key as Node, `${prefix}${key ?? '(not text)'}`, `unknown key; ${hint}known keys: ${known.join(', ')}`);
	}
}

function keyOf(key: unknown): string | undefined {
	if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
	return undefined;
}

function text1(node: Node | null, key: string, fail: Fail): string {
	if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return fail(node, key, `expected non-empty text, got ${shown(node)}`);
	return node.value.trim();
}

/** A value given as one text or a list of texts. */
function list(node: Node | null, key: string, fail: Fail): Array<[Node, string]> {
	if (isSeq(node)) {
		if (node.items.length === 0) fail(node, key, 'the list is empty');
		return node.items.map(item => [item as Node, text1(item as Node, key, fail)]);
	}

	return [[node!, text1(node, key, fail)]];
}

function zookeeperAuth(node: Node, entry: string, key: string, fail: Fail): ZookeeperAuth {
	const colon = entry.indexOf(':');
	// Never quote the value: it holds the password.
	if (colon <= 0 || colon === entry.length - 1) fail(node, key, 'expected scheme:auth, e.g. digest:user:password');
	return {scheme: entry.slice(0, colon), auth: entry.slice(colon + 1)};
}

/** What a wrong value was: its kind, its text only where it cannot be a secret (`quote`). */
function shown(node: Node | null | undefined, quote = false): string {
	if (node === null || node === undefined || (isScalar(node) && node.value === null)) return 'nothing';
	if (isMap(node)) return 'a mapping';
	if (isSeq(node)) return 'a list';
	const value = (node as Scalar).value;
	if (typeof value === 'string') return quote ? JSON.stringify(value.slice(0, 40)) : 'text';
	return typeof value === 'number' ? `the number ${value}` : `${typeof value} ${String(value)}`;
}

const secretKey = /password|secret|jaas|token/i;

/** A file others can read that holds a secret: ZooKeeper auth, or a password-like client property. */
function secretWarnings(file: string, contexts: readonly ContextSettings[]): string[] {
	const holders = contexts.filter(context => context.zookeeperAuth !== undefined || [...context.properties.keys()].some(key => secretKey.test(key)));
	if (holders.length === 0 || process.platform === 'win32') return [];
	const mode = statSync(file).mode & 0o777;
	if ((mode & 0o077) === 0) return [];
	const octal = mode.toString(8).padStart(3, '0');
	return [`${file} holds secrets (contexts ${holders.map(context => context.name).join(', ')}) and others can access it (mode ${octal}): chmod 600 ${file}`];
}
