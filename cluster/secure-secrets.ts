import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import {HarnessError, secureLayout} from './layout.js';

/**
Every secret of the secure cluster, made at random with its certificates and kept in
tls/passwords.json (mode 0600), so a test can grep outputs for them and know a leak when it sees one.
*/
export type SecurePasswords = {
	/** Every keystore (brokers', client.p12, rogue-client.p12) and the keys in them. */
	keystore: string;
	/** truststore.p12 and truststore.jks. */
	truststore: string;
	/** The brokers' SASL DIGEST-MD5 password to ZooKeeper (user `kafka`). */
	zookeeperSasl: string;
	/** ktop's digest auth to ZooKeeper; ZooKeeper accepts any, this one is only for the configs. */
	zookeeperDigest: string;
	/** SCRAM-SHA-512 users and PLAIN users, by name. */
	scram: Record<string, string>;
	plain: Record<string, string>;
};

/** Hex, so no properties, JAAS or YAML file needs to escape it. */
function secret(): string {
	return randomBytes(12).toString('hex');
}

export function makePasswords(): SecurePasswords {
	return {
		keystore: secret(),
		truststore: secret(),
		zookeeperSasl: secret(),
		zookeeperDigest: secret(),
		scram: Object.fromEntries(secureLayout.users.scram.map(user => [user, secret()])),
		plain: Object.fromEntries(secureLayout.users.plain.map(user => [user, secret()])),
	};
}

export function readSecurePasswords(file = secureLayout.tls.passwords): SecurePasswords {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as SecurePasswords;
	} catch (error) {
		throw new HarnessError(
			`cannot read the secure cluster's passwords from ${file}: ${(error as Error).message}`,
			'Run `npm run cluster -- up --secure`: it makes the certificates and passwords when they are missing.',
		);
	}
}

/** Writes a file only its owner can read, whatever the umask. */
export function writePrivateFile(file: string, text: string): void {
	fs.writeFileSync(file, text, {mode: 0o600});
	fs.chmodSync(file, 0o600);
}
