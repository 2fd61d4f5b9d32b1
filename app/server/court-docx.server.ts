/**
 * The court report draft as a Word document (the docx library), for the advocate to finish and
 * file. It carries exactly what the printed draft carries (the same `CourtReport`, built for the
 * CSEC rule's `court` audience), marked confidential on every page with who downloaded it and when.
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { COURT_SECTION_FIELDS, COURT_SECTION_LABELS } from "../domain/court-sections";
import { CSEC_BASIS_LABELS } from "../domain/csec";
import { formatDate, formatDateTime } from "../domain/dates";
import { REQUEST_STATUS_LABELS } from "../domain/requests";
import type { CourtReport } from "./court-report.server";

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 } });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 80 } });
const bullet = (text: string) => new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });
/** Keeps the line breaks a person typed (Word needs a break run for each). */
const written = (text: string) =>
  new Paragraph({
    children: text.split(/\r?\n/u).map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1 })),
    spacing: { after: 80 },
  });

export async function courtReportDocx(
  report: CourtReport,
  printed: { by: string; at: string; program: string },
  timeZone: string,
): Promise<Buffer> {
  const { draft: d, sections } = report;
  const o = d.overview;
  const date = (v: string) => formatDate(v, timeZone);
  const children: Paragraph[] = [
    new Paragraph({
      children: [new TextRun({ text: "DRAFT — for review before filing", bold: true })],
      spacing: { after: 120 },
    }),
    new Paragraph({ text: `CASA court report: ${o.name}`, heading: HeadingLevel.HEADING_1 }),
    para(`Case ${o.caseNumber} · born ${date(o.dateOfBirth)} (age ${o.age}) · period ${date(d.period.from)} to ${date(d.period.to)}`),
  ];
  if (d.csec.kind === "confirmed")
    children.push(para(`CSEC status: confirmed (${CSEC_BASIS_LABELS[d.csec.basis]}, ${date(d.csec.basisOn)}).`));

  children.push(heading("Placement"));
  children.push(
    para(
      o.placement
        ? `Currently placed in: ${o.placement.label}${o.placement.description ? `, ${o.placement.description}` : ""}, since ${date(o.placement.since)}.`
        : "No current placement recorded.",
    ),
  );
  if (o.placementHistory.length > 1) {
    for (const p of o.placementHistory)
      children.push(
        bullet(
          `${p.label}${p.description ? `, ${p.description}` : ""}: ${date(p.startedOn)} – ${p.endedOn ? date(p.endedOn) : "present"}${p.endReason ? ` (${p.endReason})` : ""}`,
        ),
      );
  }

  children.push(heading("Runaway episodes"));
  if (d.episodes.length)
    for (const e of d.episodes)
      children.push(
        bullet(
          `Left ${formatDateTime(e.leftAt, timeZone)}; ${e.returnedAt ? `returned ${formatDateTime(e.returnedAt, timeZone)}` : "not yet returned"}.`,
        ),
      );
  else children.push(para("No runaway episodes in the period."));

  children.push(heading("The team"));
  for (const t of d.team) children.push(bullet(`${t.role}: ${t.name}${t.organization ? `, ${t.organization}` : ""}`));

  children.push(heading("Contacts made in the period"));
  if (d.contactCounts.length) for (const c of d.contactCounts) children.push(bullet(`${c.with}: ${c.count} (most recent ${date(c.last)})`));
  else children.push(para("No contacts logged in the period."));

  children.push(heading("Services requested and received"));
  if (d.requests.length)
    for (const r of d.requests)
      children.push(
        bullet(
          `${r.label}: requested ${date(r.requestedAt)}, ${REQUEST_STATUS_LABELS[r.status].toLowerCase()}${r.closedAt ? ` ${date(r.closedAt)}` : ""}`,
        ),
      );
  else children.push(para("No services requested."));

  children.push(heading("MDT meetings: decisions and outcomes"));
  if (d.meetings.length)
    for (const m of d.meetings) children.push(bullet(`${date(m.scheduledAt)}, ${m.typeLabel}: ${m.decisions ?? "no decisions recorded"}`));
  else children.push(para("No MDT meetings held in the period."));
  if (d.actions.length) {
    children.push(new Paragraph({ text: "Action items", heading: HeadingLevel.HEADING_3 }));
    for (const a of d.actions)
      children.push(
        bullet(
          `${a.description}: ${
            a.status === "done"
              ? `done${a.doneAt ? ` ${date(a.doneAt)}` : ""}`
              : a.status === "dropped"
                ? `dropped${a.dropReason ? ` (${a.dropReason})` : ""}`
                : `open${a.dueOn ? `, due ${date(a.dueOn)}` : ""}`
          }`,
        ),
      );
  }

  for (const k of COURT_SECTION_FIELDS) {
    children.push(heading(COURT_SECTION_LABELS[k]));
    children.push(sections[k] ? written(sections[k]) : para("Not written yet."));
  }
  children.push(heading("Next hearing"));
  children.push(para(sections.nextHearingOn ? date(sections.nextHearingOn) : "Not set."));

  const doc = new Document({
    creator: printed.program,
    title: `CASA court report draft (${o.caseNumber})`,
    description: "Confidential court report draft",
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: "CONFIDENTIAL · CASA case record", bold: true, size: 16 })],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    text: `${printed.program} · downloaded ${formatDateTime(printed.at, timeZone)} by ${printed.by}`,
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
