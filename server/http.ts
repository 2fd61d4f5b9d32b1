/**
 * The app's own HTTP server: Express in front of React Router's request handler.
 *
 * It exists for what react-router-serve cannot do: sit behind a TLS-terminating proxy (the
 * protocol and host a browser used come from X-Forwarded-* when TRUST_PROXY says whom to believe),
 * refuse cross-site writes on every route (resource routes included), cap and type-check request
 * bodies before anything reads them, and put the security headers on every response (static
 * files and redirects too), with a per-request nonce for the Content-Security-Policy.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import { createRequestHandler } from "@react-router/express";
import type { ServerBuild } from "react-router";

export type HttpServerOptions = {
  /** The built server (`build/server/index.js`), or a loader for it. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** `build/client`: hashed assets and public files. */
  clientDir: string;
  /** Express's `trust proxy`: unset trusts nobody; e.g. "loopback", "1", "10.0.0.0/8". */
  trustProxy?: string;
  /** Sends HSTS (production; browsers ignore it over plain http). */
  hsts: boolean;
  /** Largest accepted request body in bytes (default 1 MB). */
  maxBodyBytes?: number;
};

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Request methods that never change state; everything else is a write and is checked. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The bodies our forms send. */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** `TRUST_PROXY` as Express understands it: "true"/"false", a hop count, or addresses/names. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value;
}

/** The policy for a response whose inline scripts carry `nonce`. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function plain(res: Response, status: number, message: string): void {
  res.status(status).type("text/plain; charset=utf-8").send(`${message}\n`);
}

/**
 * Every response, whatever produced it: never cached (case data about children; hashed assets
 * override this below), never framed or sniffed, no referrer to other sites, HSTS in production.
 */
function securityHeaders(hsts: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/** The origin the browser used, as far as the trusted proxy says (protocol and host). */
export function ownOrigin(req: Request): string {
  // req.host and req.protocol follow X-Forwarded-Host/-Proto only from a trusted proxy.
  return `${req.protocol}://${req.host ?? ""}`.toLowerCase();
}

function originOf(value: string | undefined): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * A write must come from one of our own pages: its Origin (or, without one, its Referer) must be
 * our origin. A write with neither is refused too: browsers send Origin on every POST, so only a
 * script or a stripped request arrives without both.
 */
function sameOriginWrites(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const from = originOf(req.get("origin")) ?? (req.get("origin") ? null : originOf(req.get("referer")));
  if (from === null || from !== ownOrigin(req)) {
    return plain(res, 403, "This request did not come from this site's own pages, so it was refused.");
  }
  next();
}

/** Bodies are forms, at most `max` bytes; anything else is refused before it is read. */
function formBodies(max: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const length = req.get("content-length");
    // Browsers always send a form's length; a streamed body of unknown size is not a form of ours.
    if (length === undefined && req.get("transfer-encoding")) return plain(res, 411, "Send the form with its length.");
    if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > max)) {
      return plain(res, 413, `The form is too large (the limit is ${Math.round(max / 1024)} kB).`);
    }
    const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!FORM_TYPES.includes(type)) {
      return plain(res, 415, "Only forms can be sent here (application/x-www-form-urlencoded or multipart/form-data).");
    }
    next();
  };
}

/**
 * A response that says how it may be cached (a feed's or a download's `private, no-store`) says
 * it alone: the adapter appends headers, which would add it to the `no-store` above.
 */
function ownCacheControl(_req: Request, res: Response, next: NextFunction) {
  const append = res.append.bind(res);
  res.append = (field: string, value?: string[] | string) =>
    field.toLowerCase() === "cache-control" && value !== undefined ? res.set(field, value) : append(field, value);
  next();
}

export function createHttpApp(opts: HttpServerOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", parseTrustProxy(opts.trustProxy));

  app.use(securityHeaders(opts.hsts));
  // Hashed file names never change content: cache them for a year (over the no-store above).
  app.use(
    "/assets",
    express.static(join(opts.clientDir, "assets"), {
      index: false,
      fallthrough: false,
      setHeaders: (res) => res.setHeader("Cache-Control", "public, max-age=31536000, immutable"),
    }),
  );
  app.use(express.static(opts.clientDir, { index: false }));
  app.use(sameOriginWrites);
  app.use(formBodies(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));

  app.all(
    "/{*splat}",
    ownCacheControl,
    createRequestHandler({
      build: opts.build,
      getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce ?? ""), clientAddress: req.ip ?? "" }),
    }),
  );

  // Never a stack trace to the browser; the log has it.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // Express's own errors carry their status (a missing asset is a 404): say that, log nothing.
    const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
    if (res.headersSent) return res.end();
    if (status >= 400 && status < 500) return plain(res, status, status === 404 ? "Not found." : "The request could not be handled.");
    console.error(error);
    plain(res, 500, "Something went wrong on our side. Please try again.");
  });
  return app;
}
