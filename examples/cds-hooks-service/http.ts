/**
 * The HTTP plumbing of the example service: JSON responses, CORS and reading a bounded JSON body.
 *
 * @module
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** Sends a JSON response. Responses may hold patient data: never cached, never sniffed. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(text);
}

/** The CORS headers for a request: the origin echoed if it is allowed, and always `Vary: Origin`. */
export function corsHeaders(req: IncomingMessage, allowed: ReadonlySet<string>): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  return origin !== undefined && allowed.has(origin) ? { "access-control-allow-origin": origin, "access-control-expose-headers": "WWW-Authenticate", vary: "Origin" } : { vary: "Origin" };
}

/** Normalises the configured origins (`scheme://host[:port]`); a wildcard is refused. */
export function originsOf(origins: readonly string[] | undefined): ReadonlySet<string> {
  const set = new Set<string>();
  for (const o of origins ?? []) {
    if (o === "*" || o === "null") throw new Error(`allowedOrigins: "${o}" is not allowed; list the origins`);
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new Error(`allowedOrigins: ${o} is not an origin`);
    }
    if (url.origin !== o.replace(/\/$/, "")) throw new Error(`allowedOrigins: ${o} is not an origin (scheme://host[:port], no path)`);
    set.add(url.origin);
  }
  return set;
}

/** Whether the request says its body is JSON (`application/json`, optionally with `charset=utf-8`). */
export function isJson(req: IncomingMessage): boolean {
  const type = req.headers["content-type"];
  if (type === undefined) return false;
  const [media, ...params] = type.split(";").map((p) => p.trim().toLowerCase());
  if (media !== "application/json") return false;
  return params.every((p) => !p.startsWith("charset=") || p === "charset=utf-8" || p === 'charset="utf-8"');
}

/** What reading a body gave. */
export type Body = { readonly kind: "json"; readonly value: unknown } | { readonly kind: "too-large" } | { readonly kind: "invalid-json" } | { readonly kind: "aborted" };

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a JSON body of at most `limit` bytes. Over the limit (by Content-Length or as it
 * streams) it stops reading at once and answers `too-large`: the caller then responds and closes
 * the connection (see {@link refuseBody}).
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) {
      resolve({ kind: "too-large" });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body): void => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      try {
        finish({ kind: "json", value: JSON.parse(decoder.decode(Buffer.concat(chunks))) as unknown });
      } catch {
        finish({ kind: "invalid-json" });
      }
    };
    const onError = (): void => finish({ kind: "aborted" });
    const onClose = (): void => {
      if (!req.complete) onError();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/**
 * Answers a request whose body is not (or not all) read: too large, wrong type, unauthenticated.
 * With `Connection: close` Node ends the connection once the answer is sent, so the rest of the
 * body is never read.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  if (req.complete) {
    sendJson(res, status, body, headers);
    return;
  }
  req.pause();
  sendJson(res, status, body, { ...headers, connection: "close" });
}
