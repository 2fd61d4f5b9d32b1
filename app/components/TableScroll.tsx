import type { ReactNode } from "react";

/**
 * A table too wide for a phone scrolls inside this box instead of widening the page. It is a
 * labelled, focusable region, so keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
