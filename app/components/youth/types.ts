import type { FormState } from "~/components/forms";
import type { YouthPage } from "~/server/youth-page.server";

/** What the youth page's loader sends: the read model, as the browser receives it. */
export type YouthPageData = YouthPage;

/** Every section of the youth page gets the page's data and the same few facts about the view. */
export type YouthSectionProps = {
  page: YouthPageData & { contactFilter: string; contactTotal: number; nowLocal: string; now: string };
  timeZone: string;
  /** Today in the program's time zone (YYYY-MM-DD). */
  today: string;
  /** The youth page's own path, `/youth/<id>`. */
  base: string;
  canWrite: boolean;
  /** The page's URL with one list showing more, back at that list. */
  moreHref: (list: "contacts" | "timeline" | "plans", shown: number, section: string) => string;
};

/** What the youth page's action sent back (a 400), by which form it came from. */
export type YouthActionData = (FormState & { intent: string; actionId?: number }) | undefined;
