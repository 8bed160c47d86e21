/**
 * A stand-in CDS Client for trying the service locally with curl: it makes a key pair and signs
 * the tokens an EHR would send. For local trials only; a real EHR signs with its own key.
 *
 *   npx tsx examples/cds-hooks-service/dev-client.ts keys <dir>
 *     writes <dir>/jwks.json (the public JWK Set, for CDS_JWKS_FILE) and <dir>/client-key.json
 *     (the private key, mode 600)
 *   npx tsx examples/cds-hooks-service/dev-client.ts token <dir> <iss> <aud>
 *     prints a token (ES384, valid 5 minutes, a fresh jti) for the endpoint URL <aud>
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SignJWT, exportJWK, generateKeyPair, importJWK } from "jose";
import type { JWK } from "jose";

const KID = "dev-client-1";

async function keys(dir: string): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair("ES384", { extractable: true });
  mkdirSync(dir, { recursive: true });
  const pub: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: "ES384", use: "sig" };
  writeFileSync(join(dir, "jwks.json"), `${JSON.stringify({ keys: [pub] }, null, 2)}\n`);
  writeFileSync(join(dir, "client-key.json"), JSON.stringify({ ...(await exportJWK(privateKey)), kid: KID, alg: "ES384" }), { mode: 0o600 });
  console.log(`wrote ${join(dir, "jwks.json")} and ${join(dir, "client-key.json")}`);
}

async function token(dir: string, iss: string, aud: string): Promise<void> {
  const jwk = JSON.parse(readFileSync(join(dir, "client-key.json"), "utf8")) as JWK;
  const key = await importJWK(jwk, "ES384");
  const jwt = await new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: "ES384", typ: "JWT", kid: jwk.kid ?? KID }).setIssuer(iss).setAudience(aud).setIssuedAt().setExpirationTime("5m").sign(key);
  console.log(jwt);
}

const [command, dir, iss, aud] = process.argv.slice(2);
if (command === "keys" && dir !== undefined) await keys(dir);
else if (command === "token" && dir !== undefined && iss !== undefined && aud !== undefined) await token(dir, iss, aud);
else {
  console.error("usage: dev-client.ts keys <dir> | dev-client.ts token <dir> <iss> <aud>");
  process.exit(1);
}
