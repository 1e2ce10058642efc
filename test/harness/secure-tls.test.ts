import {X509Certificate} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';

/*
The secure cluster's certificates, made for real with openssl and keytool in a scratch folder
(KTOP_SECURE_CLUSTER_DIR): made once, kept while complete, made again when one file is missing.
*/

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-secure-tls-'));
let certificates: typeof import('../../cluster/secure-tls.js');
let layout: typeof import('../../cluster/layout.js')['secureLayout'];
let secrets: typeof import('../../cluster/secure-secrets.js');
const logged: string[] = [];

beforeAll(async () => {
	vi.stubEnv('KTOP_SECURE_CLUSTER_DIR', home);
	vi.resetModules();
	certificates = await import('../../cluster/secure-tls.js');
	layout = (await import('../../cluster/layout.js')).secureLayout;
	secrets = await import('../../cluster/secure-secrets.js');
	expect(certificates.ensureCertificates(line => logged.push(line))).toEqual({made: true});
}, 60_000);

afterAll(() => {
	vi.unstubAllEnvs();
	fs.rmSync(home, {recursive: true, force: true});
});

const certificate = (file: string) => new X509Certificate(fs.readFileSync(file));

describe('ensureCertificates', () => {
	it('makes every file in the cluster folder\'s tls/, secrets readable by their owner only', () => {
		expect(layout.tls.dir).toBe(path.join(home, 'tls'));
		for (const file of certificates.tlsFiles()) expect(fs.existsSync(file)).toBe(true);
		for (const file of [layout.tls.passwords, layout.tls.caKey, layout.tls.clientKey, layout.tls.clientKeystore, layout.tls.truststore]) {
			expect({file, mode: fs.statSync(file).mode & 0o777}).toEqual({file, mode: 0o600});
		}

		expect(fs.existsSync(`${layout.tls.dir}.partial`)).toBe(false);
		expect(logged).toEqual([`making the secure cluster's certificates in ${layout.tls.dir} (once)…`]);
	});

	it('signs the brokers (127.0.0.1 and localhost) and the client with the CA, the rogue client with another', () => {
		const ca = certificate(layout.tls.ca);
		expect(ca.ca).toBe(true);
		const broker = certificate(path.join(layout.tls.dir, 'kafka2.pem'));
		expect(broker.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
		expect(broker.checkIP('127.0.0.1')).toBe('127.0.0.1');
		expect(broker.verify(ca.publicKey)).toBe(true);
		const client = certificate(layout.tls.clientCertificate);
		expect(client.subject).toBe('CN=ktop-client');
		expect(client.verify(ca.publicKey)).toBe(true);
		const rogue = certificate(layout.tls.rogueClientCertificate);
		expect(rogue.subject).toBe('CN=ktop-client');
		expect(rogue.verify(ca.publicKey)).toBe(false);
		expect(rogue.verify(certificate(layout.tls.rogueCa).publicKey)).toBe(true);
	});

	it('locks client.p12 with the keystore password from passwords.json, with the client certificate and key inside', () => {
		const passwords = secrets.readSecurePasswords();
		const pfx = fs.readFileSync(layout.tls.clientKeystore);
		expect(() => tls.createSecureContext({pfx, passphrase: passwords.keystore})).not.toThrow();
		expect(() => tls.createSecureContext({pfx, passphrase: 'wrong'})).toThrow();
	});

	it('keeps a complete set, and makes a new one (new CA, new passwords) when a file is missing', () => {
		const before = {ca: certificate(layout.tls.ca).fingerprint256, passwords: secrets.readSecurePasswords()};
		expect(certificates.ensureCertificates(() => undefined)).toEqual({made: false});
		expect(certificate(layout.tls.ca).fingerprint256).toBe(before.ca);

		fs.rmSync(layout.tls.truststoreJks);
		expect(certificates.ensureCertificates(() => undefined)).toEqual({made: true});
		expect(fs.existsSync(layout.tls.truststoreJks)).toBe(true);
		expect(certificate(layout.tls.ca).fingerprint256).not.toBe(before.ca);
		expect(secrets.readSecurePasswords().keystore).not.toBe(before.passwords.keystore);
	}, 60_000);
});
