import {createSecureContext, type ConnectionOptions} from 'node:tls';

/**
Whether Node can use the CA, client certificate and key as given, before any broker is dialled:
a wrong keystore password or a store Node cannot decrypt is a configuration error, said once,
not a TLS failure on every connection. Undefined when they load; else what is wrong.
*/
export function checkTlsMaterial(tls: ConnectionOptions): string | undefined {
	try {
		createSecureContext(tls);
		return undefined;
	} catch (error) {
		const message = (error as Error).message;
		if (tls.pfx !== undefined) {
			if (/mac verify failure|invalid password/i.test(message)) return 'the keystore password (ssl.keystore.password) does not open the keystore';
			if (/unsupported/i.test(message)) return 'Node cannot read the keystore (a legacy PKCS12 encryption, RC2 or 3DES): rewrite it with keytool -importkeystore -srckeystore <store> -srcstoretype PKCS12 -destkeystore <new>.p12 -deststoretype PKCS12 (JDK 12 or later)';
			if (/private key/i.test(message)) return 'the keystore holds no private key: ssl.keystore.location must hold the client certificate and its key';
		}

		if (/bad decrypt|bad password|passphrase/i.test(message)) return 'the key password (ssl.key.password) does not open the private key';
		if (/no start line|PEM/i.test(message)) return `a certificate or key is not valid PEM (${message})`;
		return `the TLS certificates or key cannot be used: ${message}`;
	}
}
