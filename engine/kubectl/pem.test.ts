import { describe, expect, it } from "vitest";
import { keyPairError } from "./pem.ts";

const block = (type: string, body = "YWJj") => `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`;
const CERT = block("CERTIFICATE");
const KEY = block("PRIVATE KEY");

// Messages as crypto/tls.X509KeyPair words them (kubectl v1.32 prints them after "error: ").
describe("keyPairError: the PEM checks of X509KeyPair", () => {
  it.each([
    ["a certificate and a key", CERT, KEY, undefined],
    ["an RSA or EC key block", CERT, block("EC PRIVATE KEY"), undefined],
    ["both in one file, given twice", CERT + KEY, CERT + KEY, undefined],
    ["no PEM in the certificate", "hello\n", KEY, "tls: failed to find any PEM data in certificate input"],
    [
      "the inputs switched",
      KEY,
      CERT,
      "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched",
    ],
    [
      "other blocks instead of a certificate",
      block("FOO") + block("BAR"),
      KEY,
      'tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [FOO BAR]',
    ],
    ["no PEM in the key", CERT, "", "tls: failed to find any PEM data in key input"],
    ["the certificate as the key", CERT, CERT, "tls: found a certificate rather than a key in the PEM for the private key"],
    [
      "other blocks instead of a key",
      CERT,
      block("FOO"),
      'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [FOO]',
    ],
    ["a block whose body is not base64", block("CERTIFICATE", "not base64!"), KEY, "tls: failed to find any PEM data in certificate input"],
    ["a block without its END line", "-----BEGIN CERTIFICATE-----\nYWJj\n", KEY, "tls: failed to find any PEM data in certificate input"],
  ])("%s", (_, cert, key, error) => {
    expect(keyPairError(cert, key)).toBe(error);
  });
});
