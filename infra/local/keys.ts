import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, jwtVerify, type JWK, type JWTPayload } from 'jose';

/**
 * The local stack's token issuer: an RSA key pair kept under the state
 * folder, so tokens survive restarts. The local router verifies tokens the
 * way API Gateway's JWT authorizer does (`localVerifier`).
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

/**
 * Signs any claims and header with the local key, exactly as given (no defaults): for tests of what the
 * verifier refuses. `mintToken` is what a client uses.
 */
export async function signWithLocalKey(keyDir: string, claims: JWTPayload, header: { kid?: string; alg?: string } = { kid: KID, alg: 'RS256' }): Promise<string> {
  const { privateJwk } = await ensureKeys(keyDir);
  const key = await importJWK(privateJwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...header } as { alg: string }).sign(key);
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

/** The signature algorithms API Gateway's JWT authorizer takes: RSA-based only. */
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/**
 * Verifies a token by the rules API Gateway's JWT authorizer documents
 * (developer guide, "Control access to HTTP APIs with JWT authorizers"), so
 * what passes locally passes in AWS: the header's `kid` must name a key of
 * the JWKS (no guessing when it is missing), an RSA algorithm, the signature;
 * `iss` the issuer; `aud` one of the audiences (`client_id` only when there
 * is no `aud`); `exp` present and after now; `nbf` and `iat`, when present,
 * before now. Then our own rule: the claims we read are strings.
 */
export async function localVerifier(keyDir: string) {
  const { publicJwk } = await ensureKeys(keyDir);
  const jwks = { keys: [publicJwk] };
  const keys = new Map(await Promise.all(jwks.keys.map(async (k) => [k.kid!, await importJWK(k, 'RS256')] as const)));
  return {
    jwks,
    verify: async (token: string): Promise<JWTPayload> => {
      const header = decodeProtectedHeader(token);
      if (typeof header.kid !== 'string') throw new Error('the token has no "kid" header');
      const key = keys.get(header.kid);
      if (!key) throw new Error(`no key "${header.kid}" in the JWKS`);
      if (!header.alg || !RSA_ALGORITHMS.includes(header.alg)) throw new Error(`the "${header.alg}" algorithm is not accepted (RSA only)`);
      // jose checks exp and nbf too; the explicit checks below say what API Gateway requires on top (no tolerance: it documents none).
      const { payload } = await jwtVerify(token, key, { issuer: LOCAL_ISSUER, algorithms: RSA_ALGORITHMS });
      const now = Math.floor(Date.now() / 1000);
      if (typeof payload.exp !== 'number') throw new Error('the token has no "exp" claim');
      if (payload.exp <= now) throw new Error('the token has expired');
      if (payload.nbf !== undefined && !(typeof payload.nbf === 'number' && payload.nbf <= now)) throw new Error('the token is not valid yet ("nbf")');
      if (payload.iat !== undefined && !(typeof payload.iat === 'number' && payload.iat <= now)) throw new Error('the token was issued in the future ("iat")');
      const audiences = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      const audienceOk = payload.aud !== undefined ? audiences.includes(LOCAL_AUDIENCE) : payload.client_id === LOCAL_AUDIENCE;
      if (!audienceOk) throw new Error('the token is not for this API ("aud", or "client_id" without "aud")');
      // API Gateway hands claims on as strings (an object becomes "[object Object]"); refuse what was never one.
      for (const claim of ['sub', 'firm', 'scope'] as const) {
        if (payload[claim] !== undefined && typeof payload[claim] !== 'string') throw new Error(`the "${claim}" claim must be a string`);
      }
      return payload;
    },
  };
}
