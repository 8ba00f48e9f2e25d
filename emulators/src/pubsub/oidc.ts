import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type GenerateKeyPairResult, type JSONWebKeySet } from 'jose';

/**
 * The OIDC tokens the engine attaches to pushes, standing in for the Google-signed tokens of the
 * real service: RS256 JWTs from a key made at start, published as a JWKS (and as PEM keys in the
 * v1 certs format) so a consumer verifies them with the same code it runs in production, pointed
 * at this issuer.
 */
export interface OidcIssuerInfo {
  /** The `iss` claim of every push token. */
  readonly issuer: string;
  /** Where the signing keys are published as a JWKS. */
  readonly jwksUri: string;
}

export interface PushTokenRequest {
  readonly serviceAccountEmail: string;
  readonly audience: string;
}

const TOKEN_LIFETIME_SECONDS = 3600;

/** Service accounts have numeric subject ids; a hash keeps ours stable per email. */
function subjectOf(email: string): string {
  return BigInt(`0x${createHash('sha256').update(email).digest('hex').slice(0, 16)}`).toString().padStart(21, '1');
}

export class PushTokenSigner {
  private readonly keys: Promise<GenerateKeyPairResult>;
  private readonly keyId = randomBytes(20).toString('hex');

  constructor(readonly issuer: string) {
    // Started now and awaited on first use, so generating the RSA key does not delay start-up.
    this.keys = generateKeyPair('RS256', { extractable: true });
    // A failure surfaces on first use; this only keeps it from being reported as unhandled meanwhile.
    this.keys.catch(() => undefined);
  }

  async jwks(): Promise<JSONWebKeySet> {
    const { publicKey } = await this.keys;
    const jwk = await exportJWK(publicKey);
    return { keys: [{ ...jwk, kid: this.keyId, alg: 'RS256', use: 'sig' }] };
  }

  /** The format of https://www.googleapis.com/oauth2/v1/certs: key id to PEM. */
  async pemKeys(): Promise<Record<string, string>> {
    const { publicKey } = await this.keys;
    return { [this.keyId]: await exportSPKI(publicKey) };
  }

  async sign(request: PushTokenRequest, nowMs: number): Promise<string> {
    const { privateKey } = await this.keys;
    const issuedAt = Math.floor(nowMs / 1000);
    const subject = subjectOf(request.serviceAccountEmail);
    return new SignJWT({ email: request.serviceAccountEmail, email_verified: true, azp: subject })
      .setProtectedHeader({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(request.audience)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(privateKey);
  }
}
