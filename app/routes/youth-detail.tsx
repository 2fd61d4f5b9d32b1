import { Link, redirect, useLocation } from "react-router";
import { initialsOf } from "~/domain/youth";
import type { Route } from "./+types/youth-detail";
import { SavedNotice } from "~/components/SavedNotice";
import { ActionsSection } from "~/components/youth/ActionsSection";
import { ConcernsSection } from "~/components/youth/ConcernsSection";
import { ContactsSection } from "~/components/youth/ContactsSection";
import { MeetingsSection } from "~/components/youth/MeetingsSection";
import { EpisodesSection } from "~/components/youth/EpisodesSection";
import { PlacementsSection } from "~/components/youth/PlacementsSection";
import { RequestsSection } from "~/components/youth/RequestsSection";
import { SafetyPlanSection } from "~/components/youth/SafetyPlanSection";
import { TeamSection } from "~/components/youth/TeamSection";
import { TimelineSection } from "~/components/youth/TimelineSection";
import { SummaryStrip } from "~/components/youth/SummaryStrip";
import { YouthHeader } from "~/components/youth/YouthHeader";
import type { YouthSectionProps } from "~/components/youth/types";
import { calendarDateIn, utcToZonedLocal } from "~/domain/dates";
import { formValues } from "~/domain/forms";
import { actionItemFormSchema } from "~/domain/meeting-forms";
import { savedNotice, savedUrl } from "~/domain/notices";
import { contactSchema } from "~/domain/youth-forms";
import { addActionItem, closeActionFromForm } from "~/server/action-items.server";
import { logContact } from "~/server/contact-edits.server";
import { formReply, parseValues, readForm } from "~/server/forms.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { getYouthPage } from "~/server/youth-page.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${initialsOf(data.overview.name)} · CASA MDT` : "Youth · CASA MDT" },
];

/**
 * Long lists show their newest entries and grow on request (`?contacts=40`), so a youth with
 * years of records still makes a small, fast page.
 */
const PAGE = { contacts: 20, timeline: 30, plans: 5 } as const;
const MAX_SHOWN = 2_000;

function shownCount(url: URL, param: string, step: number): number {
  const value = url.searchParams.get(param) ?? "";
  const n = /^\d{1,9}$/.test(value) ? Number(value) : 0;
  return n > 0 ? Math.min(n, MAX_SHOWN) : step;
}

/** The page's URL with one list showing `step` more, and back at that list. */
function moreHref(search: string, param: keyof typeof PAGE, shown: number, anchor: string): string {
  const params = new URLSearchParams(search);
  params.set(param, String(Math.min(shown + PAGE[param], MAX_SHOWN)));
  params.delete("saved");
  return `?${params}#${anchor}`;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const url = new URL(request.url);
  const contactFilter = url.searchParams.get("with") ?? "";
  const shown = {
    contacts: shownCount(url, "contacts", PAGE.contacts),
    timeline: shownCount(url, "timeline", PAGE.timeline),
    plans: shownCount(url, "plans", PAGE.plans),
  };
  return {
    ...getYouthPage(viewer, youthId, { contactFilter, shown }),
    contactFilter,
    timeZone: viewer.timeZone,
    nowLocal: utcToZonedLocal(new Date().toISOString(), viewer.timeZone),
    /** The server's now, so what the page computes from it is the same on the server and in the browser. */
    now: new Date().toISOString(),
    today: calendarDateIn(new Date(), viewer.timeZone),
    notice: savedNotice(url),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", "Your role cannot change this youth's record.");
  // `with` is the log-contact form's checkboxes: everyone who took part.
  const values = formValues(await readForm(request), ["with"]);
  const intent = String(values.intent ?? "");
  const here = `/youth/${youthId}`;
  switch (intent) {
    case "log-contact": {
      const form = parseValues(values, contactSchema, { intent });
      if (!form.ok) return form.reply;
      const result = logContact(inScope, form.data);
      if (!result.ok) return formReply(result.errors, values, { intent });
      throw redirect(savedUrl(here, "contact", "contacts"));
    }
    case "add-action": {
      const form = parseValues(values, actionItemFormSchema, { intent });
      if (!form.ok) return form.reply;
      const result = addActionItem(inScope, null, form.data);
      if (!result.ok) return formReply(result.errors, values, { intent });
      throw redirect(savedUrl(here, "action", "actions"));
    }
    case "done":
    case "drop": {
      const result = closeActionFromForm(viewer, { intent, actionId: String(values.actionId ?? ""), reason: String(values.reason ?? "") });
      if (!result.ok) return formReply(result.errors, values, { intent, actionId: result.actionId });
      throw redirect(savedUrl(here, result.saved, "actions"));
    }
    default:
      return formReply({ _form: "That action is not available here." }, values, { intent });
  }
}

export default function YouthDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { overview, timeZone, today, canWrite, notice } = loaderData;
  const { search } = useLocation();
  const section: YouthSectionProps = {
    page: loaderData,
    timeZone,
    today,
    base: `/youth/${overview.id}`,
    canWrite,
    moreHref: (list, shown, anchor) => moreHref(search, list, shown, anchor),
  };

  return (
    <article aria-labelledby="youth-name" className="youth-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span> <span aria-current="page">{overview.name}</span>
      </nav>
      <SavedNotice notice={notice} />
      <YouthHeader {...section} />
      <SummaryStrip {...section} />

      <nav aria-label="On this page" className="page-sections">
        <ul>
          <li>
            <a href="#team">Team</a>
          </li>
          <li>
            <a href="#contacts">Contacts</a>
          </li>
          <li>
            <a href="#actions">Action items</a>
          </li>
          <li>
            <a href="#meetings">Meetings</a>
          </li>
          <li>
            <a href="#requests">Requests</a>
          </li>
          <li>
            <a href="#safety-plan">Safety plan</a>
          </li>
          <li>
            <a href="#concerns">Red flags and concerns</a>
          </li>
          <li>
            <a href="#placements">Placements</a>
          </li>
          <li>
            <a href="#episodes">Runaway episodes</a>
          </li>
          <li>
            <a href="#timeline">Timeline</a>
          </li>
        </ul>
      </nav>

      <TeamSection {...section} />
      <ContactsSection {...section} contactState={actionData?.intent === "log-contact" ? actionData : undefined} />
      <ActionsSection {...section} actionData={actionData} />
      <MeetingsSection {...section} />
      <RequestsSection {...section} />
      <SafetyPlanSection {...section} />
      <ConcernsSection {...section} />
      <PlacementsSection {...section} />
      <EpisodesSection {...section} />
      <TimelineSection {...section} />
    </article>
  );
}
