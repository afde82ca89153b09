// The checks crypto/tls.X509KeyPair makes on a certificate and key before
// `kubectl create secret tls` builds its Secret, as far as they concern the
// PEM framing (Go's encoding/pem.Decode): no PEM at all, the inputs
// switched, a certificate given as the key, other block types skipped.
// The DER inside is not parsed: a well-framed pair is accepted.
interface Block {
  type: string;
}

/** pem.Decode, repeatedly: the well-formed blocks of `text`, in order. */
function pemBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const begin = /(?:^|\n)-----BEGIN ([^\n]*?)-----[ \t\r]*\n/g;
  let m: RegExpExecArray | null;
  while ((m = begin.exec(text)) !== null) {
    const type = m[1]!;
    const bodyStart = m.index + m[0].length;
    const endLine = `-----END ${type}-----`;
    let endAt = text.indexOf(endLine, bodyStart);
    while (endAt > bodyStart && text[endAt - 1] !== "\n") endAt = text.indexOf(endLine, endAt + 1);
    if (endAt < 0) continue;
    let body = text.slice(bodyStart, endAt);
    // Headers ("Proc-Type: ...") end at the first blank line.
    if (/^[^\n:]+:/.test(body)) {
      const blank = body.indexOf("\n\n");
      if (blank < 0) continue;
      body = body.slice(blank + 2);
    }
    const compact = body.replace(/[ \t\r\n]/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) continue;
    blocks.push({ type });
    begin.lastIndex = endAt + endLine.length;
  }
  return blocks;
}

/** Go's %v of a []string: `[A B]`. */
function goList(xs: readonly string[]): string {
  return `[${xs.join(" ")}]`;
}

/** The error X509KeyPair returns for the pair, or undefined. */
export function keyPairError(cert: string, key: string): string | undefined {
  const certBlocks = pemBlocks(cert);
  const skipped = certBlocks.filter((b) => b.type !== "CERTIFICATE").map((b) => b.type);
  if (skipped.length === certBlocks.length) {
    if (skipped.length === 0) return "tls: failed to find any PEM data in certificate input";
    if (skipped.length === 1 && skipped[0]!.endsWith("PRIVATE KEY")) {
      return "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched";
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(skipped)}`;
  }
  const keySkipped: string[] = [];
  for (const b of pemBlocks(key)) {
    if (b.type === "PRIVATE KEY" || b.type.endsWith(" PRIVATE KEY")) return undefined;
    keySkipped.push(b.type);
  }
  if (keySkipped.length === 0) return "tls: failed to find any PEM data in key input";
  if (keySkipped.length === 1 && keySkipped[0] === "CERTIFICATE") return "tls: found a certificate rather than a key in the PEM for the private key";
  return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(keySkipped)}`;
}
