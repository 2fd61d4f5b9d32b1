import { useInBrowser } from "./use-in-browser";

/** Prints the page; shown only once JavaScript runs (without it, the browser's own Print works). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  const ready = useInBrowser();
  if (!ready) return <p className="muted">Use your browser's Print command to print this page.</p>;
  return (
    <button type="button" className="button button-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
