import { CSEC_BASIS_LABELS, type CsecView } from "~/domain/csec";
import { formatDate } from "~/domain/dates";

/**
 * A CSEC status exactly as the server decided the viewer may see it. The view arrives already
 * redacted; this only words it. "hidden" renders the same dash whatever lies behind it.
 */
export function CsecStatusText({ view, timeZone }: { view: CsecView; timeZone: string }) {
  switch (view.kind) {
    case "hidden":
      return <span className="muted">—</span>;
    case "none":
      return <span className="badge badge-neutral">None</span>;
    case "concern":
      return (
        <span>
          <span className="badge badge-warn">Concern, unconfirmed</span>
          {view.since ? <span className="cell-sub">since {formatDate(view.since, timeZone)}</span> : null}
        </span>
      );
    case "own_concern":
      return (
        <span className="own-concern">You raised a concern on {formatDate(view.raisedAt, timeZone)}; your supervisor is reviewing it.</span>
      );
    case "confirmed":
      return (
        <span>
          <span className="badge badge-alert">Confirmed</span>
          <span className="cell-sub">
            {CSEC_BASIS_LABELS[view.basis]}, {formatDate(view.basisOn, timeZone)}
          </span>
        </span>
      );
  }
}
