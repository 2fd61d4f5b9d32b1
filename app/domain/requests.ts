/**
 * Resource requests: the typed catalogue, the lifecycle, and who may move a request along.
 * Which types reveal CSEC involvement is decided here, in one place. No zod here: pages that
 * show a request's status load this module, and the form schemas are in request-forms.ts.
 */
import { isCalendarDate } from "./dates";
import type { Permission } from "./permissions";

export const REQUEST_TYPES = [
  { key: "csec_advocate", label: "CSEC advocate (e.g. Saving Innocence)", csecSensitive: true, subtypes: [] },
  { key: "restoration_funds", label: "Restoration funds", csecSensitive: true, subtypes: [], hasAmount: true },
  {
    key: "therapy",
    label: "Therapy",
    csecSensitive: false,
    subtypes: [
      { key: "emdr", label: "EMDR" },
      { key: "intensive_therapeutic_services", label: "Intensive therapeutic services" },
      { key: "other", label: "Other therapy" },
    ],
  },
  { key: "secondary_csw", label: "Secondary DCFS social worker", csecSensitive: false, subtypes: [] },
  { key: "medical", label: "Medical", csecSensitive: false, subtypes: [] },
  { key: "mental_health", label: "Mental health", csecSensitive: false, subtypes: [] },
  { key: "housing_placement", label: "Housing / placement", csecSensitive: false, subtypes: [] },
  {
    key: "identification_documents",
    label: "Identification documents",
    csecSensitive: false,
    subtypes: [
      { key: "birth_certificate", label: "Birth certificate" },
      { key: "state_id", label: "State ID" },
      { key: "other", label: "Other document" },
    ],
  },
  { key: "education_legal", label: "Education and legal services", csecSensitive: false, subtypes: [] },
  { key: "career_exploration", label: "Career exploration", csecSensitive: false, subtypes: [] },
  { key: "other", label: "Other", csecSensitive: false, subtypes: [] },
] as const satisfies ReadonlyArray<{
  key: string;
  label: string;
  csecSensitive: boolean;
  subtypes: ReadonlyArray<{ key: string; label: string }>;
  hasAmount?: boolean;
}>;

export type RequestType = (typeof REQUEST_TYPES)[number]["key"];
export const REQUEST_TYPE_KEYS = REQUEST_TYPES.map((t) => t.key) as [RequestType, ...RequestType[]];

/** Types whose mere existence reveals CSEC involvement: they follow the CSEC status's visibility. */
export const CSEC_SENSITIVE_REQUEST_TYPES: readonly RequestType[] = REQUEST_TYPES.filter((t) => t.csecSensitive).map((t) => t.key);

export function requestTypeInfo(type: string) {
  return REQUEST_TYPES.find((t) => t.key === type);
}

/** What a program calls its request types, where it renamed them (program settings). */
export type TypeLabels = Readonly<Partial<Record<string, string>>>;

export function requestTypeLabel(type: string, subtype?: string | null, labels: TypeLabels = {}): string {
  const info = requestTypeInfo(type);
  if (!info) return type;
  const label = labels[type] ?? info.label;
  const sub = subtype ? info.subtypes.find((s) => s.key === subtype)?.label : undefined;
  return sub ? `${label}: ${sub}` : label;
}

export function typeHasAmount(type: string): boolean {
  const info = requestTypeInfo(type);
  return Boolean(info && "hasAmount" in info && info.hasAmount);
}

/** The types a request carries an amount for (funds): the only ones with money to report. */
export const FUNDS_REQUEST_TYPES: readonly RequestType[] = REQUEST_TYPES.filter((t) => typeHasAmount(t.key)).map((t) => t.key);

export const REQUEST_STATUSES = ["draft", "submitted", "approved", "denied", "fulfilled", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  approved: "Approved",
  denied: "Denied",
  fulfilled: "Fulfilled",
  withdrawn: "Withdrawn",
};

/** Statuses in which a request still needs someone to act: these can be overdue. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ["draft", "submitted", "approved"];

export const REQUEST_ACTIONS = ["submit", "approve", "deny", "fulfil", "withdraw"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * The lifecycle: draft -> submitted -> approved | denied -> fulfilled (from approved); withdrawn
 * from draft or submitted. Each action names the permission it needs.
 */
export const REQUEST_TRANSITIONS: Record<
  RequestAction,
  { from: readonly RequestStatus[]; to: RequestStatus; permission: Permission; label: string; noteRequired: boolean }
> = {
  submit: { from: ["draft"], to: "submitted", permission: "write:requests", label: "Submit", noteRequired: false },
  approve: { from: ["submitted"], to: "approved", permission: "decide:requests", label: "Approve", noteRequired: false },
  deny: { from: ["submitted"], to: "denied", permission: "decide:requests", label: "Deny", noteRequired: true },
  fulfil: { from: ["approved"], to: "fulfilled", permission: "decide:requests", label: "Mark fulfilled", noteRequired: false },
  withdraw: { from: ["draft", "submitted"], to: "withdrawn", permission: "write:requests", label: "Withdraw", noteRequired: false },
};

/** Dollars typed by a person ("250", "1,250.50", "$40") to cents; null when it is not an amount. */
export function dollarsToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export function formatCents(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
}

/**
 * The checks of a new (or edited) request that depend on its type or on the day, beside the
 * schema's: run on whatever the form sent, valid or not, so that one reply names every problem.
 * `today` is the program's calendar day. Returns the amount in cents for a funds type.
 */
export function requestTypeChecks(
  values: { type?: unknown; subtype?: unknown; amount?: unknown; dueOn?: unknown; addressedTo?: unknown; agency?: unknown },
  today: string,
): { errors: Record<string, string>; amountCents: number | null } {
  const errors: Record<string, string> = {};
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const info = requestTypeInfo(text(values.type));
  const subtype = text(values.subtype);
  if (info && info.subtypes.length && !info.subtypes.some((s) => s.key === subtype)) errors.subtype = "Choose which kind.";
  let amountCents: number | null = null;
  if (info && typeHasAmount(info.key)) {
    const amount = text(values.amount);
    amountCents = amount ? dollarsToCents(amount) : null;
    if (!amount) errors.amount = "Enter the amount requested, in dollars.";
    else if (!amountCents) errors.amount = "Enter an amount in dollars, e.g. 250 or 250.00.";
  }
  const dueOn = text(values.dueOn);
  if (dueOn && isCalendarDate(dueOn) && dueOn < today) errors.dueOn = "The due date has passed: choose today or a later day.";
  if (text(values.addressedTo) === "agency" && !text(values.agency)) errors.agency = "Name the agency or organisation the request goes to.";
  return { errors, amountCents };
}
