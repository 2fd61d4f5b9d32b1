import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response, for the scripts React Router renders. Only
 * the server knows it; in the browser it is "" (browsers hide nonces from the page anyway).
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
