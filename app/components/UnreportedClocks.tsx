import type { MissingClock } from "~/server/episodes.server";

/** Under a missing youth's name in a table: each report not yet recorded ("NCMEC report not recorded: 5 h overdue"). */
export function UnreportedClocks({ missing }: { missing: Pick<MissingClock, "unreported"> | null | undefined }) {
  return (
    <>
      {missing?.unreported.map((u) => (
        <span key={u.words} className={`cell-sub${u.state === "overdue" ? " clock-overdue" : ""}`}>
          {u.words}
        </span>
      ))}
    </>
  );
}
