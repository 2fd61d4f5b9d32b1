import { Link, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/caseload";
import { CaseloadTable, PeopleCaseloadTable } from "~/components/CaseloadTable";
import { parseTableParams } from "~/components/table/url-state";
import { seesThroughAssignment, youthScopeOf } from "~/domain/permissions";
import { caseloadSortable, caseloadsByPerson, listCaseload, supervisorOfProgram } from "~/server/caseload.server";
import { notFound, requireCaseAccess } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.heading ?? "Caseload"} · CASA MDT` }];

const supervisorParam = z.coerce.number().int().positive().optional().catch(undefined);

/**
 * A caseload table: the viewer's own (advocates, supervisors), or, for a program lead, one
 * supervisor's (`?supervisor=ID`) or the list of supervisors with their figures.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireCaseAccess(viewer);
  const params = new URL(request.url).searchParams;
  const programWide = youthScopeOf(viewer.role).kind === "program";
  const supervisorId = programWide ? supervisorParam.parse(params.get("supervisor") ?? undefined) : undefined;
  if (programWide && supervisorId === undefined) {
    const table = parseTableParams(params, { sortable: ["name"], defaultSort: { id: "name", desc: false } });
    return {
      view: "supervisors" as const,
      heading: "Caseloads by supervisor",
      people: caseloadsByPerson(viewer, "supervisor", table),
      timeZone: viewer.timeZone,
    };
  }
  const supervisor = supervisorId === undefined ? null : supervisorOfProgram(viewer, supervisorId);
  if (supervisorId !== undefined && !supervisor) notFound("Supervisor");
  const table = parseTableParams(params, { sortable: caseloadSortable(viewer), defaultSort: { id: "name", desc: false } });
  return {
    view: "youth" as const,
    heading: supervisor
      ? `${supervisor.name}'s caseload`
      : seesThroughAssignment(viewer.role, "supervisor")
        ? "Your caseload"
        : "Your youth",
    caseload: listCaseload(viewer, { ...table, supervisorId }),
    sort: table.sort,
    backToSupervisors: Boolean(supervisor),
    timeZone: viewer.timeZone,
  };
}

export default function CaseloadPage({ loaderData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/caseload";
  return (
    <section aria-labelledby="caseload-heading" aria-busy={loading}>
      <div className="page-head">
        <h1 id="caseload-heading">{loaderData.heading}</h1>
        {loaderData.view === "youth" ? (
          <p className="muted">
            Open cases, youth missing now first. Each figure links to where it is dealt with.
            {loaderData.backToSupervisors ? (
              <>
                {" "}
                <Link to="/caseload">All supervisors</Link>
              </>
            ) : null}
          </p>
        ) : (
          <p className="muted">Open cases of the program per supervisor. Open a supervisor to see their caseload youth by youth.</p>
        )}
      </div>
      {loaderData.view === "youth" ? (
        <CaseloadTable
          caseload={loaderData.caseload}
          sort={loaderData.sort}
          timeZone={loaderData.timeZone}
          caption={loaderData.heading}
          emptyState={<p className="empty-state">No open cases here. When a youth is assigned, they appear in this table.</p>}
        />
      ) : (
        <PeopleCaseloadTable people={loaderData.people} kind="supervisor" caption="Caseloads by supervisor" />
      )}
    </section>
  );
}
