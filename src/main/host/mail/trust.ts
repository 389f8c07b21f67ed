import tls from 'node:tls';

let cached: string[] | null | undefined;

/**
 * The certificate authorities a mail connection trusts: Node's own list (with NODE_EXTRA_CA_CERTS) and the
 * operating system's, so a company's Exchange with a certificate of its internal CA is trusted as Outlook trusts
 * it. Read once; where the runtime cannot list the system's, Node's own list alone applies.
 */
export function trustedCertificates(): string[] | undefined {
  if (cached === undefined) {
    try {
      cached = [...new Set([...tls.getCACertificates('default'), ...tls.getCACertificates('system')])];
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
