import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {HarnessError, secureLayout} from './layout.js';
import {makePasswords, writePrivateFile} from './secure-secrets.js';

type Log = (line: string) => void;

/** Extensions for the CA and the leaf certificates; subjects come from -subj. */
export const opensslConfig = `[req]
distinguished_name = dn
prompt = no
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[broker]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
authorityKeyIdentifier = keyid
[client]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
`;

/** Every file the secure cluster's TLS needs; one missing makes the whole set again. */
export function tlsFiles(): string[] {
	const {tls, kafkaNodes} = secureLayout;
	return [
		tls.ca, tls.caKey, tls.truststore, tls.truststoreJks, tls.clientKeystore, tls.clientCertificate, tls.clientKey,
		tls.rogueCa, tls.rogueClientKeystore, tls.rogueClientCertificate, tls.rogueClientKey, tls.passwords,
		...kafkaNodes.map(node => tls.brokerKeystore(node)),
	];
}

/**
Makes the CA, the brokers' and clients' certificates and their stores, unless they all exist.
Built in a staging folder and renamed, so an interrupted run never leaves a set that looks complete.
Passwords reach openssl and keytool through the environment, never their argv.
*/
export function ensureCertificates(log: Log): {made: boolean} {
	if (tlsFiles().every(file => fs.existsSync(file))) return {made: false};
	for (const command of ['openssl', 'keytool']) {
		if (spawnSync(command, ['-help'], {stdio: 'ignore'}).error) {
			throw new HarnessError(`${command} was not found on PATH; the secure cluster makes its certificates with it`, 'Install it (openssl; keytool comes with the JDK) and retry.');
		}
	}

	const {tls} = secureLayout;
	const staging = `${tls.dir}.partial`;
	fs.rmSync(staging, {recursive: true, force: true});
	fs.mkdirSync(staging, {recursive: true, mode: 0o700});
	const passwords = makePasswords();
	const env = {...process.env, KTOP_STORE_PASS: passwords.keystore, KTOP_TRUST_PASS: passwords.truststore};
	const run = (command: string, args: string[]) => {
		const result = spawnSync(command, args, {cwd: staging, env, encoding: 'utf8'});
		if (result.status !== 0) {
			fs.rmSync(staging, {recursive: true, force: true});
			throw new HarnessError(`${command} ${args[0]} failed while making the secure cluster's certificates:\n${(result.stderr || result.stdout || String(result.error)).trim()}`);
		}
	};

	fs.writeFileSync(path.join(staging, 'openssl.cnf'), opensslConfig);
	// P-256 keys: made in milliseconds where an RSA key takes about a second on a busy CI machine.
	const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
	const authority = (name: string, subject: string) => {
		run('openssl', ['req', '-x509', '-config', 'openssl.cnf', '-extensions', 'ca', ...newKey, '-nodes',
			'-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-subj', subject]);
	};

	const leaf = (name: string, subject: string, extensions: 'broker' | 'client', ca: string) => {
		run('openssl', ['req', '-new', '-config', 'openssl.cnf', ...newKey, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
		run('openssl', ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-set_serial', `0x${randomBytes(8).toString('hex')}`,
			'-days', '825', '-extfile', 'openssl.cnf', '-extensions', extensions, '-out', `${name}.pem`]);
		run('openssl', ['pkcs12', '-export', '-in', `${name}.pem`, '-inkey', `${name}.key`, '-certfile', `${ca}.pem`, '-name', name,
			'-out', `${name}.p12`, '-passout', 'env:KTOP_STORE_PASS']);
		fs.rmSync(path.join(staging, `${name}.csr`));
	};

	log(`making the secure cluster's certificates in ${tls.dir} (once)…`);
	authority('ca', '/CN=ktop test CA');
	authority('rogue-ca', '/CN=ktop rogue CA');
	for (const node of secureLayout.kafkaNodes) leaf(node.name, `/CN=${node.name}/OU=ktop test brokers`, 'broker', 'ca');
	leaf('client', '/CN=ktop-client', 'client', 'ca');
	// The same subject as the good client: only the CA that signed it tells them apart.
	leaf('rogue-client', '/CN=ktop-client', 'client', 'rogue-ca');
	// keytool, not openssl: Java ignores a PKCS12 certificate entry without its own trust attribute.
	for (const [file, type] of [['truststore.p12', 'PKCS12'], ['truststore.jks', 'JKS']] as const) {
		run('keytool', ['-importcert', '-noprompt', '-alias', 'ktop-test-ca', '-file', 'ca.pem', '-keystore', file, '-storetype', type, '-storepass:env', 'KTOP_TRUST_PASS']);
	}

	fs.rmSync(path.join(staging, 'rogue-ca.key'));
	writePrivateFile(path.join(staging, 'passwords.json'), `${JSON.stringify(passwords, undefined, '\t')}\n`);
	for (const file of fs.readdirSync(staging)) fs.chmodSync(path.join(staging, file), file.endsWith('.pem') || file === 'openssl.cnf' ? 0o644 : 0o600);
	fs.rmSync(tls.dir, {recursive: true, force: true});
	fs.renameSync(staging, tls.dir);
	return {made: true};
}
