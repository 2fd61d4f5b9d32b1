/**
 * A tiny cookie-keeping HTTP client for wire tests against a running server.
 * Redirects are never followed (`redirect: "manual"`): tests see the 302/303 and its Location.
 *
 *   const alice = await signIn(server.url, "alice@example.org", DEMO_PASSWORD);
 *   const page2 = await alice.get("/youth.data?page=2");   // turbo-stream body, as text
 *   expect(page2.status).toBe(200);
 *   const out = await alice.post("/logout", {});
 *   expect(out.location).toBe("/login");
 */

export const SESSION_COOKIE = "casa_session";

export type WireResponse = {
  status: number;
  headers: Headers;
  text: string;
  /** The Location header (redirects), or null. */
  location: string | null;
};

export type Client = {
  baseUrl: string;
  /** The raw `casa_session=...` pair this client sends, or "" when it holds none. */
  readonly cookie: string;
  /** GET without following redirects. `headers` are added to (or override) the defaults. */
  get(path: string, headers?: Record<string, string>): Promise<WireResponse>;
  /** POST form-urlencoded with an `Origin` of the server, without following redirects; an array repeats the field (checkboxes). */
  post(path: string, form: Record<string, string | readonly string[]>, headers?: Record<string, string>): Promise<WireResponse>;
};

/** A client holding the given cookie pairs (e.g. "casa_session=..."), or none: an anonymous visitor. */
export function createClient(baseUrl: string, cookie?: string): Client {
  const base = baseUrl.replace(/\/+$/, "");
  const origin = new URL(base).origin;
  const jar = new Map<string, string>();
  if (cookie) {
    for (const pair of cookie.split(";")) {
      const eq = pair.indexOf("=");
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

  /** Applies Set-Cookie headers: stores values, drops cookies that are cleared or expired. */
  const absorb = (headers: Headers) => {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let expired = value === "";
      for (const attribute of attributes) {
        const [key = "", ...rest] = attribute.split("=");
        const attrValue = rest.join("=").trim();
        const lower = key.trim().toLowerCase();
        if (lower === "max-age" && Number(attrValue) <= 0) expired = true;
        if (lower === "expires" && Date.parse(attrValue) <= Date.now()) expired = true;
      }
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  };

  const request = async (method: string, path: string, body: string | undefined, headers: Record<string, string>) => {
    const target = new URL(path, `${base}/`).toString();
    const all: Record<string, string> = {};
    const jarHeader = cookieHeader();
    if (jarHeader) all.Cookie = jarHeader;
    Object.assign(all, headers);
    const res = await fetch(target, { method, body, headers: all, redirect: "manual" });
    const text = await res.text();
    absorb(res.headers);
    return { status: res.status, headers: res.headers, text, location: res.headers.get("location") };
  };

  return {
    baseUrl: base,
    get cookie() {
      const value = jar.get(SESSION_COOKIE);
      return value === undefined ? "" : `${SESSION_COOKIE}=${value}`;
    },
    get: (path, headers = {}) => request("GET", path, undefined, headers),
    post: (path, form, headers = {}) =>
      request(
        "POST",
        path,
        new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : v.map((x) => [k, x])))).toString(),
        {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: origin,
          ...headers,
        },
      ),
  };
}

function excerpt(text: string, max = 400): string {
  const flat = text
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Signs in through `POST /login` (as the form does, without JavaScript) and returns a client
 * holding the session cookie. Throws, with the status and an excerpt of the page, unless the
 * server answers with a redirect that sets `casa_session`.
 */
export async function signIn(baseUrl: string, email: string, password: string, opts: { redirectTo?: string } = {}): Promise<Client> {
  const client = createClient(baseUrl);
  const form: Record<string, string> = { email, password };
  if (opts.redirectTo !== undefined) form.redirectTo = opts.redirectTo;
  const res = await client.post("/login", form);
  if ((res.status !== 302 && res.status !== 303) || client.cookie === "") {
    throw new Error(
      `signIn(${email}): expected POST /login to redirect (302/303) with Set-Cookie ${SESSION_COOKIE}, ` +
        `got ${res.status}${res.location ? ` -> ${res.location}` : ""}` +
        `${client.cookie === "" ? " and no session cookie" : ""}. Body: ${excerpt(res.text) || "(empty)"}`,
    );
  }
  return client;
}
