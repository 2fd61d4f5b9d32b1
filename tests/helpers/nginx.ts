/**
 * A throwaway nginx terminating TLS in front of a test server, configured like production: its
 * `location /` is deploy/nginx-proxy.conf itself (included, not copied), the file
 * deploy/nginx.conf.example includes. Only what must differ is generated here: a self-signed
 * certificate for localhost, a free port on 127.0.0.1, the upstream (the test server), and every
 * file nginx writes (pid, logs, temp paths) in a temp dir.
 *
 *   const server = await startServer({ env: { COOKIE_SECURE: "true", TRUST_PROXY: "loopback" } });
 *   const proxy = await startNginx(server.url);      // proxy.url = "https://localhost:<port>"
 *   const res = await proxy.request("/login");         // node:https, trusting proxy.certificate
 *   await proxy.stop();                               // stops nginx, removes the temp dir
 *
 * Needs nginx (with the ssl and http2 modules; Debian's nginx-light) at $NGINX_PATH or
 * /usr/sbin/nginx, and openssl on PATH: `bash scripts/ensure-nginx.sh` installs them.
 */
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, REPO_ROOT } from "./server";
import { watchChild } from "./child";

export const DEFAULT_NGINX_PATH = "/usr/sbin/nginx";
/** The production proxy settings, shared with deploy/nginx.conf.example. */
export const NGINX_PROXY_SNIPPET = join(REPO_ROOT, "deploy", "nginx-proxy.conf");

/** The executable the tests run: `$NGINX_PATH`, else Debian's /usr/sbin/nginx. */
export function nginxPath(): string {
  return process.env.NGINX_PATH || DEFAULT_NGINX_PATH;
}

export type ProxyResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Every Set-Cookie line. */
  setCookies: string[];
  text: string;
};

export type ProxyRequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
};

export type TestNginx = {
  /** "https://localhost:<port>" (no trailing slash). */
  url: string;
  port: number;
  /** The self-signed certificate (PEM) nginx presents, for `ca:` or a browser's trust. */
  certificate: string;
  /**
   * One HTTPS request (HTTP/1.1, redirects not followed) to `path`, verifying nginx's certificate
   * against `certificate`. Connects over IPv4 (nginx listens on 127.0.0.1 only).
   */
  request(path: string, opts?: ProxyRequestOptions): Promise<ProxyResponse>;
  /** nginx's error log so far. */
  errorLog(): string;
  /** Stops nginx (SIGTERM, SIGKILL after 5 s) and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
};

export type StartNginxOptions = {
  /** Path polled through the proxy until it answers 200 (default "/login"). */
  readyPath?: string;
  /** How long to wait for readiness (default 20 000 ms). */
  readyTimeoutMs?: number;
};

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** A path inside an nginx config: quoted, so spaces in the temp dir or checkout are fine. */
function q(path: string): string {
  if (/["\\$;{}]/.test(path)) throw new Error(`startNginx: cannot put ${JSON.stringify(path)} into an nginx config`);
  return `"${path}"`;
}

function checkTools(nginx: string): void {
  const fix = "Run `bash scripts/ensure-nginx.sh` (it installs Debian's nginx-light and openssl when it can, else prints the command)";
  try {
    accessSync(nginx, constants.X_OK);
    if (!statSync(nginx).isFile()) throw new Error("not a file");
  } catch {
    throw new Error(
      `startNginx: nginx is missing: ${nginx} is not an executable` +
        (process.env.NGINX_PATH ? " (from NGINX_PATH)" : "") +
        `. ${fix}, or set NGINX_PATH to an existing nginx.`,
    );
  }
  const openssl = spawnSync("openssl", ["version"], { encoding: "utf8", timeout: 30_000 });
  if (openssl.error || openssl.status !== 0) {
    throw new Error(`startNginx: openssl is missing or does not run (${openssl.error?.message ?? openssl.stderr.trim()}). ${fix}.`);
  }
}

/** A self-signed certificate for localhost and 127.0.0.1, valid for a day. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  const result = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      "/CN=localhost",
      "-days",
      "1",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (result.error || result.status !== 0 || !existsSync(cert)) {
    throw new Error(`startNginx: openssl could not make a certificate: ${result.error?.message ?? tail(result.stderr)}`);
  }
  return { cert, key };
}

function nginxConfig(dir: string, port: number, upstream: string, tls: { cert: string; key: string }): string {
  // As root, nginx would run its worker as `nobody`, which cannot enter the 0700 temp dir (temp
  // paths, the snippet is fine). The worker only proxies, so let it stay root in a test.
  const user = process.getuid?.() === 0 ? "user root root;\n" : "";
  return `# Generated by tests/helpers/nginx.ts for one test run.
daemon off;
${user}worker_processes 1;
pid ${q(join(dir, "nginx.pid"))};
lock_file ${q(join(dir, "nginx.lock"))};
error_log ${q(join(dir, "error.log"))} notice;

events {
    worker_connections 128;
}

http {
    access_log ${q(join(dir, "access.log"))};
    client_body_temp_path ${q(join(dir, "client_body"))};
    proxy_temp_path ${q(join(dir, "proxy"))};
    fastcgi_temp_path ${q(join(dir, "fastcgi"))};
    uwsgi_temp_path ${q(join(dir, "uwsgi"))};
    scgi_temp_path ${q(join(dir, "scgi"))};
    default_type application/octet-stream;

    # The test server instead of 127.0.0.1:3000.
    upstream casa_mdt {
        server ${upstream};
        keepalive 4;
    }

    server {
        listen 127.0.0.1:${port} ssl http2;
        server_name localhost;
        server_tokens off;
        ssl_certificate ${q(tls.cert)};
        ssl_certificate_key ${q(tls.key)};
        ssl_protocols TLSv1.2 TLSv1.3;

        include ${q(NGINX_PROXY_SNIPPET)};
    }
}
`;
}

class PortInUseError extends Error {}

/** Starts nginx in front of the app at `appUrl` (e.g. a TestServer's "http://127.0.0.1:41234"). */
export async function startNginx(appUrl: string, opts: StartNginxOptions = {}): Promise<TestNginx> {
  const nginx = nginxPath();
  checkTools(nginx);
  if (!existsSync(NGINX_PROXY_SNIPPET)) throw new Error(`startNginx: ${NGINX_PROXY_SNIPPET} is missing`);
  const app = new URL(appUrl);
  if (app.protocol !== "http:" || !app.port) throw new Error(`startNginx: expected http://host:port, got ${appUrl}`);

  const dir = mkdtempSync(join(tmpdir(), "casa-nginx-"));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  let lastError: unknown;
  try {
    const tls = makeCertificate(dir);
    const certificate = readFileSync(tls.cert, "utf8");
    // The free port can be taken between probing and listening; retry a couple of times if so.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const port = await freePort();
      writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, port, app.host, tls));
      try {
        return await launch(nginx, dir, port, certificate, removeDir, opts);
      } catch (error) {
        lastError = error;
        if (!(error instanceof PortInUseError)) break;
      }
    }
  } catch (error) {
    lastError = error;
  }
  removeDir();
  throw lastError;
}

async function launch(
  nginx: string,
  dir: string,
  port: number,
  certificate: string,
  removeDir: () => void,
  opts: StartNginxOptions,
): Promise<TestNginx> {
  const errorLogPath = join(dir, "error.log");
  // -e: even the messages before the config is read go to the temp dir, not /var/log/nginx.
  const child = spawn(nginx, ["-p", `${dir}/`, "-c", join(dir, "nginx.conf"), "-e", errorLogPath], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  // SIGTERM if the tests exit first, not SIGKILL: a killed master leaves its worker listening.
  const watched = watchChild(child, { keepBytes: 64 * 1024, onExitSignal: "SIGTERM" });
  const errorLog = () => readIfExists(errorLogPath) + watched.output();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await watched.stop(5_000);
    removeDir();
  };

  const request = (path: string, ro: ProxyRequestOptions = {}) =>
    new Promise<ProxyResponse>((resolveResponse, reject) => {
      const headers: Record<string, string | number> = { ...ro.headers };
      if (ro.body !== undefined) headers["Content-Length"] = Buffer.byteLength(ro.body);
      const req = httpsRequest(
        {
          host: "localhost",
          family: 4,
          port,
          path,
          method: ro.method ?? "GET",
          headers,
          ca: certificate,
          servername: "localhost",
          agent: false,
          timeout: 10_000,
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => {
            const setCookie = res.headers["set-cookie"];
            resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, setCookies: setCookie ?? [], text });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${ro.method ?? "GET"} ${path}: no answer in 10 s`)));
      req.on("error", reject);
      req.end(ro.body);
    });

  const readyPath = opts.readyPath ?? "/login";
  const timeoutMs = opts.readyTimeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (true) {
    const spawnError = watched.spawnError();
    const exited = watched.exited();
    if (spawnError !== null || exited !== null) {
      stopped = true;
      const log = errorLog();
      if (/Address already in use/.test(log)) throw new PortInUseError(`startNginx: port ${port} was taken`);
      const how =
        spawnError !== null
          ? `could not be started: ${spawnError.message}`
          : `exited early (code ${exited?.code}, signal ${exited?.signal})`;
      throw new Error(`startNginx: nginx ${how}.\n--- nginx error log ---\n${tail(log) || "(empty)"}`);
    }
    try {
      const res = await request(readyPath);
      if (res.status === 200) break;
      lastProblem = `GET ${readyPath} answered ${res.status}`;
    } catch (error) {
      lastProblem = `GET ${readyPath} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() > deadline) {
      const log = errorLog();
      await stop();
      throw new Error(
        `startNginx: https://localhost:${port}${readyPath} did not answer 200 within ${timeoutMs} ms (last: ${lastProblem}).\n` +
          `--- nginx error log ---\n${tail(log) || "(empty)"}`,
      );
    }
    await delay(100);
  }

  return { url: `https://localhost:${port}`, port, certificate, request, errorLog, stop };
}
