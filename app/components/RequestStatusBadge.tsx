import { REQUEST_STATUS_LABELS, type RequestStatus } from "~/domain/requests";

const TONE: Record<RequestStatus, string> = {
  draft: "badge-neutral",
  submitted: "badge-info",
  approved: "badge-ok",
  denied: "badge-alert",
  fulfilled: "badge-ok",
  withdrawn: "badge-neutral",
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`badge ${TONE[status]}`}>{REQUEST_STATUS_LABELS[status]}</span>;
}
