import {createDecipheriv, pbkdf2Sync, X509Certificate} from 'node:crypto';

/*
The trusted certificates of a PKCS12 truststore, as PEM. Node's TLS reads a PKCS12 file only as
a client identity (`pfx` wants a private key in it), and a truststore made by keytool holds only
certificates: so ktop reads those itself. Enough of PKCS12 (RFC 7292) for what keytool (JDK 12+)
and OpenSSL 3 write: certificate bags, plain or encrypted with PBES2 (PBKDF2 + AES-CBC). The
legacy RC2/3DES encryptions are named in the error, with the command that rewrites the store.
*/

type Der = {tag: number; content: Buffer; children: () => Der[]};

const oids = {
	data: '1.2.840.113549.1.7.1',
	encryptedData: '1.2.840.113549.1.7.6',
	certBag: '1.2.840.113549.1.12.10.1.3',
	x509Certificate: '1.2.840.113549.1.9.22.1',
	pbes2: '1.2.840.113549.1.5.13',
	pbkdf2: '1.2.840.113549.1.5.12',
} as const;

const prfDigests: Record<string, string> = {
	'1.2.840.113549.2.7': 'sha1',
	'1.2.840.113549.2.9': 'sha256',
	'1.2.840.113549.2.10': 'sha384',
	'1.2.840.113549.2.11': 'sha512',
};

const ciphers: Record<string, {name: string; keyLength: number}> = {
	'2.16.840.1.101.3.4.1.2': {name: 'aes-128-cbc', keyLength: 16},
	'2.16.840.1.101.3.4.1.22': {name: 'aes-192-cbc', keyLength: 24},
	'2.16.840.1.101.3.4.1.42': {name: 'aes-256-cbc', keyLength: 32},
};

export class Pkcs12Error extends Error {}

/** PEM text of every certificate bag in the store; throws Pkcs12Error saying what it cannot read. */
export function pkcs12Certificates(bytes: Buffer, password: string | undefined): string[] {
	let pfx: Der;
	try {
		pfx = readDer(bytes, 0).node;
	} catch {
		throw new Pkcs12Error('not a PKCS12 file');
	}

	const authSafe = pfx.children()[1]!;
	const authSafeData = dataOf(authSafe);
	const certificates: string[] = [];
	for (const contentInfo of readDer(authSafeData, 0).node.children()) {
		const [type, content] = contentInfo.children();
		const oid = oidOf(type!);
		let safeContents: Buffer;
		if (oid === oids.data) safeContents = content!.children()[0]!.content;
		else if (oid === oids.encryptedData) safeContents = decrypt(content!.children()[0]!, password);
		else continue;
		for (const bag of readDer(safeContents, 0).node.children()) {
			const [bagId, bagValue] = bag.children();
			if (oidOf(bagId!) !== oids.certBag) continue;
			const [certId, certValue] = bagValue!.children()[0]!.children();
			if (oidOf(certId!) !== oids.x509Certificate) continue;
			const der = certValue!.children()[0]!.content;
			certificates.push(new X509Certificate(der).toString());
		}
	}

	return certificates;
}

function dataOf(contentInfo: Der): Buffer {
	const [type, content] = contentInfo.children();
	if (oidOf(type!) !== oids.data) throw new Pkcs12Error('a PKCS12 store signed with public keys, which ktop does not read');
	return content!.children()[0]!.content;
}

/** EncryptedData: version, EncryptedContentInfo {contentType, algorithm, [0] IMPLICIT encrypted bytes}. */
function decrypt(encryptedData: Der, password: string | undefined): Buffer {
	const info = encryptedData.children()[1]!;
	const [, algorithm, encrypted] = info.children();
	const [algorithmOid, parameters] = algorithm!.children();
	const scheme = oidOf(algorithmOid!);
	if (scheme !== oids.pbes2) {
		throw new Pkcs12Error(`its certificates are encrypted with a legacy algorithm (OID ${scheme}) that Node cannot decrypt`);
	}

	const [kdf, encryption] = parameters!.children();
	const [kdfOid, kdfParameters] = kdf!.children();
	if (oidOf(kdfOid!) !== oids.pbkdf2) throw new Pkcs12Error(`unknown key derivation (OID ${oidOf(kdfOid!)})`);
	const kdfFields = kdfParameters!.children();
	const salt = kdfFields[0]!.content;
	const iterations = Number(readInteger(kdfFields[1]!));
	const prf = kdfFields.find(field => field.tag === 0x30);
	const digest = prf === undefined ? 'sha1' : prfDigests[oidOf(prf.children()[0]!)];
	const [cipherOid, iv] = encryption!.children();
	const cipher = ciphers[oidOf(cipherOid!)];
	if (digest === undefined || cipher === undefined) throw new Pkcs12Error('its certificates are encrypted with an algorithm ktop does not know');
	const key = pbkdf2Sync(Buffer.from(password ?? '', 'utf8'), salt, iterations, cipher.keyLength, digest);
	try {
		const decipher = createDecipheriv(cipher.name, key, iv!.content);
		return Buffer.concat([decipher.update(encrypted!.content), decipher.final()]);
	} catch {
		throw new Pkcs12Error(password === undefined ? 'it is encrypted and no password was given' : 'the password is wrong');
	}
}

function readInteger(node: Der): bigint {
	return BigInt(`0x${node.content.toString('hex') || '0'}`);
}

function oidOf(node: Der): string {
	const bytes = node.content;
	const parts = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
	let value = 0;
	for (const byte of bytes.subarray(1)) {
		value = (value * 128) + (byte & 0x7F);
		if ((byte & 0x80) === 0) {
			parts.push(value);
			value = 0;
		}
	}

	return parts.join('.');
}

function readDer(buffer: Buffer, offset: number): {node: Der; end: number} {
	const tag = buffer[offset]!;
	let length = buffer[offset + 1]!;
	let start = offset + 2;
	if (length === 0x80) throw new Pkcs12Error('indefinite-length encoding (BER) is not read');
	if (length > 0x80) {
		const bytes = length & 0x7F;
		length = 0;
		for (let index = 0; index < bytes; index++) length = (length * 256) + buffer[start + index]!;
		start += bytes;
	}

	if (start + length > buffer.length) throw new Pkcs12Error('truncated');
	const content = buffer.subarray(start, start + length);
	const constructed = (tag & 0x20) !== 0;
	const node: Der = {
		tag,
		content,
		children() {
			if (!constructed) return [];
			const children: Der[] = [];
			for (let at = 0; at < content.length;) {
				const child = readDer(content, at);
				children.push(child.node);
				at = child.end;
			}

			return children;
		},
	};
	return {node, end: start + length};
}
