import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
Certificates made with openssl (and stores with keytool) for tests of ktop's TLS: a CA, a server
certificate for 127.0.0.1 and localhost, one for another host name, an expired one, a client
certificate, and one from a rogue CA; PKCS12, PEM and JKS stores of them.
*/
export type TlsMaterial = {
	dir: string;
	password: string;
	caPem: string;
	rogueCaPem: string;
	server: {cert: string; key: string};
	wrongHost: {cert: string; key: string};
	expired: {cert: string; key: string};
	clientP12: string;
	rogueClientP12: string;
	clientPem: string;
	clientKeyPem: string;
	truststoreP12: string;
	truststoreJks: string;
	cleanup(): void;
};

export function makeTlsMaterial(): TlsMaterial {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-tls-'));
	const file = (name: string) => path.join(dir, name);
	const run = (command: string, args: string[]) => execFileSync(command, args, {cwd: dir, stdio: 'pipe'});
	const password = 'store-secret-4711';
	const ca = (name: string) => run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`]);
	ca('ca');
	ca('rogue-ca');
	fs.writeFileSync(file('serial'), '01\n');
	fs.writeFileSync(file('index.txt'), '');
	fs.writeFileSync(file('ca.cnf'), [
		'[ca]', 'default_ca=d', '[d]', 'database=index.txt', 'new_certs_dir=.', 'serial=serial', 'default_md=sha256',
		'policy=p', 'unique_subject=no', 'copy_extensions=copy', '[p]', 'commonName=supplied', '',
	].join('\n'));
	const leaf = (name: string, signer: string, subjectAltName: string | undefined, dates: string[]) => {
		run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`,
			...(subjectAltName ? ['-addext', `subjectAltName=${subjectAltName}`] : [])]);
		run('openssl', ['ca', '-batch', '-config', 'ca.cnf', '-cert', `${signer}.pem`, '-keyfile', `${signer}.key`, '-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', ...dates]);
		return {cert: fs.readFileSync(file(`${name}.pem`), 'utf8'), key: fs.readFileSync(file(`${name}.key`), 'utf8')};
	};

	const valid = ['-days', '2'];
	const server = leaf('server', 'ca', 'IP:127.0.0.1,DNS:localhost', valid);
	const wrongHost = leaf('wrong-host', 'ca', 'DNS:broker.example.com', valid);
	const expired = leaf('expired', 'ca', 'IP:127.0.0.1,DNS:localhost', ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']);
	const client = leaf('client', 'ca', undefined, valid);
	leaf('rogue-client', 'rogue-ca', undefined, valid);
	const p12 = (name: string) => run('openssl', ['pkcs12', '-export', '-in', `${name}.pem`, '-inkey', `${name}.key`, '-out', `${name}.p12`, '-passout', `pass:${password}`]);
	p12('client');
	p12('rogue-client');
	run('keytool', ['-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.pem', '-keystore', 'truststore.p12', '-storetype', 'PKCS12', '-storepass', password]);
	run('keytool', ['-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.pem', '-keystore', 'truststore.jks', '-storetype', 'JKS', '-storepass', password]);
	return {
		dir, password,
		caPem: file('ca.pem'),
		rogueCaPem: file('rogue-ca.pem'),
		server, wrongHost, expired,
		clientP12: file('client.p12'),
		rogueClientP12: file('rogue-client.p12'),
		clientPem: file('client.pem'),
		clientKeyPem: file('client.key'),
		truststoreP12: file('truststore.p12'),
		truststoreJks: file('truststore.jks'),
		cleanup: () => fs.rmSync(dir, {recursive: true, force: true}),
	};
}
