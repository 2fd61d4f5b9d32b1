import { useEffect, useState } from "react";

/** Prints the page; shown only once JavaScript runs (without it, the browser's own Print works). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return <p className="muted">Use your browser's Print command to print this page.</p>;
  return (
    <button type="button" className="button button-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
