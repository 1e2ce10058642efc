/**
STAND-IN (helper "contexts"): a minimal local version of the kafka-security helper's
config/client-properties.ts, written against the shared contract so contexts can be built and
tested before theirs is merged. At merge, keep THEIRS and delete this one: it reads only
security.protocol, sasl.mechanism, the PLAIN/SCRAM sasl.jaas.config and bootstrap.servers, and
refuses everything else rather than ignore it.
*/
import {readFileSync} from 'node:fs';
import {type KafkaSecurity, type SecurityProtocol} from '../cluster/kafka/client-security.js';
import {ConfigError} from './config-error.js';
import {parseProperties} from './properties.js';

export function readClientProperties(file: string): Map<string, string> {
	try {
		return parseProperties(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ConfigError(`cannot read the client properties file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
}

const protocols: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const understood = new Set(['security.protocol', 'sasl.mechanism', 'sasl.jaas.config', 'bootstrap.servers']);

export function securityFromProperties(properties: Map<string, string>, origin: string): {security: KafkaSecurity; bootstrap: string[] | undefined; warnings: string[]} {
	const unknown = [...properties.keys()].filter(key => !understood.has(key));
	if (unknown.length > 0) throw new ConfigError(`${origin}: not supported by this build (stand-in): ${unknown.join(', ')}`);
	const protocol = (properties.get('security.protocol') ?? 'PLAINTEXT').toUpperCase() as SecurityProtocol;
	if (!protocols.includes(protocol)) throw new ConfigError(`${origin}: security.protocol ${protocol}: expected one of ${protocols.join(', ')}`);
	let sasl: KafkaSecurity['sasl'];
	if (protocol.startsWith('SASL_')) {
		const mechanism = properties.get('sasl.mechanism') ?? 'GSSAPI';
		const jaas = /username="([^"]*)"\s+password="([^"]*)"/.exec(properties.get('sasl.jaas.config') ?? '');
		if (!['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'].includes(mechanism) || !jaas) throw new ConfigError(`${origin}: sasl.mechanism ${mechanism}: only PLAIN and SCRAM with a username/password sasl.jaas.config in this stand-in`);
		sasl = {mechanism: mechanism as 'PLAIN', username: jaas[1]!, password: jaas[2]!};
	}

	const tls = protocol === 'SSL' || protocol === 'SASL_SSL' ? {} : undefined;
	const bootstrap = properties.get('bootstrap.servers')?.split(',').map(entry => entry.trim()).filter(entry => entry !== '');
	return {security: {protocol, tls, sasl}, bootstrap, warnings: []};
}
