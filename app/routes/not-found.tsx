import { data } from "react-router";
import type { Route } from "./+types/not-found";
import { requireViewer } from "~/server/session.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireViewer(request);
  throw data({ message: "There is no page at this address." }, { status: 404 });
}

export default function NotFound() {
  return null;
}
