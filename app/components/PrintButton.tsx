import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/** Prints the page; shown only once JavaScript runs (without it, the browser's own Print works). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  // false while rendered on the server and hydrating, true once the page runs in the browser.
  const ready = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  if (!ready) return <p className="muted">Use your browser's Print command to print this page.</p>;
  return (
    <button type="button" className="button button-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
