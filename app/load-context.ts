/** What the HTTP server (server/http.ts) hands every loader and action besides the request. */
declare module "react-router" {
  interface AppLoadContext {
    /** The nonce of this response's Content-Security-Policy ("" outside the HTTP server). */
    cspNonce?: string;
    /** The client's address, as far as the trusted proxy says ("" when unknown). */
    clientAddress?: string;
  }
}

export {};
