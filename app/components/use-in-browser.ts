import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False while a page is rendered on the server and hydrated, true once it runs in the browser:
 * for what only JavaScript can do (redraw a form as a choice changes), while the server's HTML
 * works without it.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
