import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, jwtVerify, type JWK, type JWTPayload } from 'jose';

/**
 * The local stack's token issuer: an RSA key pair kept under the state
 * folder, so tokens survive restarts. The local router verifies tokens the
 * way API Gateway's JWT authorizer does (signature, issuer, audience, expiry).
 */
export const LOCAL_ISSUER = 'https://local.law-billing-sync.dev/';
export const LOCAL_AUDIENCE = 'law-billing-sync';
const KID = 'local-1';

interface KeyFiles {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function ensureKeys(keyDir: string): Promise<KeyFiles> {
  const file = join(keyDir, 'jwt-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyFiles;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const keys: KeyFiles = {
    privateJwk: { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' },
  };
  mkdirSync(keyDir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
  return keys;
}

export interface TokenRequest {
  firm: string;
  user: string;
  scope: string;
  /** Lifetime, in jose's syntax (`1h`, `30m`); negative values make an expired token for tests. */
  expiresIn?: string | number;
}

export async function mintToken(keyDir: string, request: TokenRequest): Promise<string> {
  const { privateJwk } = await ensureKeys(keyDir);
  const key = await importJWK(privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof request.expiresIn === 'number' ? now + request.expiresIn : (request.expiresIn ?? '12h');
  return new SignJWT({ firm: request.firm, scope: request.scope })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setSubject(request.user)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(key);
}

export async function localVerifier(keyDir: string) {
  const { publicJwk } = await ensureKeys(keyDir);
  const key = await importJWK(publicJwk, 'RS256');
  return {
    jwks: { keys: [publicJwk] },
    verify: async (token: string): Promise<JWTPayload> => {
      const { payload } = await jwtVerify(token, key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['RS256'] });
      // API Gateway hands claims on as strings (an object becomes "[object Object]"); refuse what was never one.
      for (const claim of ['sub', 'firm', 'scope'] as const) {
        if (payload[claim] !== undefined && typeof payload[claim] !== 'string') throw new Error(`the "${claim}" claim must be a string`);
      }
      return payload;
    },
  };
}
