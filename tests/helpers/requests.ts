/**
 * Helpers for the resource-request tests (issue 4): plain SQL reads of a request, its status
 * history and its audit rows. Requests, route calls and their results are in ./routes, ids of demo
 * rows in ./db, dates in ./dates, `.data` bodies in ./wire.
 */
import type { AuditRow, Sqlite } from "./db";

export type RequestRowDb = {
  id: number;
  program_id: number;
  youth_id: number;
  type: string;
  subtype: string | null;
  description: string | null;
  addressed_to_party_id: number | null;
  addressed_to_agency: string | null;
  amount_cents: number | null;
  due_on: string | null;
  status: string;
  requested_by_user_id: number;
  requested_at: string;
  version: number;
  closed_at: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string | null;
  fulfilled_on?: string | null;
  fulfil_days?: number | null;
};

export type StatusEventDb = {
  id: number;
  program_id: number;
  request_id: number;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor_user_id: number;
  at: string;
};

export function requestRow(c: Sqlite, id: number): RequestRowDb | undefined {
  return c.prepare("select * from resource_requests where id = ?").get(id) as RequestRowDb | undefined;
}

export function eventsOf(c: Sqlite, requestId: number): StatusEventDb[] {
  return c.prepare("select * from request_status_events where request_id = ? order by id").all(requestId) as StatusEventDb[];
}

export function requestAuditsOf(c: Sqlite, requestId: number): AuditRow[] {
  return c
    .prepare("select * from audit_events where entity_type = 'resource_request' and entity_id = ? order by id")
    .all(String(requestId)) as AuditRow[];
}
