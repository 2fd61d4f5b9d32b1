import { useEffect, useRef } from "react";
import { Form, NavLink, Outlet, useLocation, useNavigation, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/app-layout";
import { ErrorMessage, errorTitle, useOptionalUser, type RootUser } from "~/root";
import { can, seesCaseContent } from "~/domain/permissions";
import { unreadCount } from "~/server/notifications.server";
import { otherProgramsOf, requireViewer } from "~/server/session.server";

type NavItem = { to: string; label: string };

/** Pages set their own titles; an error shown by this layout's boundary gets one here. */
export const meta: Route.MetaFunction = ({ error }) => (error ? [{ title: errorTitle(error) }] : []);

/** Every signed-in page sits in here; unauthenticated requests leave for /login and come back. */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const nav: NavItem[] = [];
  if (seesCaseContent(viewer.role)) {
    nav.push(
      { to: "/", label: "Today" },
      { to: "/youth", label: "Youth" },
      { to: "/actions", label: "My actions" },
      { to: "/meetings", label: "Meetings" },
      { to: "/prep", label: "Prep packets" },
      { to: "/requests", label: "Requests" },
    );
    if (can(viewer.role, "review:csec")) nav.push({ to: "/concerns", label: "Concerns" });
    if (can(viewer.role, "read:reports")) nav.push({ to: "/reports", label: "Reports" });
    if (can(viewer.role, "read:audit")) nav.push({ to: "/audit", label: "Audit" });
  }
  if (can(viewer.role, "manage:staff") || can(viewer.role, "manage:users")) nav.push({ to: "/admin/users", label: "People" });
  if (can(viewer.role, "manage:program")) nav.push({ to: "/admin/program", label: "Program settings" });
  return { nav, otherPrograms: otherProgramsOf(viewer), unread: unreadCount(viewer) };
}

type OtherProgram = { id: number; name: string };

export default function AppLayout({ loaderData }: Route.ComponentProps) {
  return (
    <Shell nav={loaderData.nav} user={useOptionalUser()} otherPrograms={loaderData.otherPrograms} unread={loaderData.unread}>
      <Outlet />
    </Shell>
  );
}

function Shell({
  nav,
  user,
  otherPrograms,
  unread,
  children,
}: {
  nav: NavItem[];
  user: RootUser | null;
  otherPrograms: OtherProgram[];
  /** Unread notifications; null when not known (an error page). */
  unread: number | null;
  children: React.ReactNode;
}) {
  const navigation = useNavigation();
  // Marks, once React has committed it, which navigation the content on screen belongs to: the
  // address bar changes as a navigation commits, a moment before React renders the new page, and
  // tests wait for the two to agree. Set after hydration only, so no page's HTML carries it.
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (mainRef.current) mainRef.current.dataset.renderedKey = location.key;
  }, [location.key]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">
          <a href="/">CASA MDT</a>
          {user ? <span className="program-name">{user.programName}</span> : null}
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {user ? (
          <NavLink to="/inbox" className={unread ? "inbox-link inbox-link-unread" : "inbox-link"}>
            Inbox
            {unread ? (
              <>
                {" "}
                <span className="inbox-count" aria-hidden="true">
                  {unread > 99 ? "99+" : unread}
                </span>
                <span className="sr-only">, {unread} unread</span>
              </>
            ) : null}
          </NavLink>
        ) : null}
        {user ? (
          <details className="user-menu">
            <summary>
              <span className="sr-only">Account menu for </span>
              {user.name}
            </summary>
            <div className="user-menu-panel">
              <p>
                <strong>{user.name}</strong>
                <br />
                <span className="muted">{user.email}</span>
                <br />
                <span className="muted">
                  {user.roleLabel}, {user.programName}
                </span>
              </p>
              <p>
                <NavLink to="/settings">Your settings: email, calendar</NavLink>
                <br />
                <NavLink to="/settings/password">Change your password</NavLink>
              </p>
              {otherPrograms.length ? (
                <div className="program-switcher">
                  <p className="muted">Work in another program:</p>
                  {otherPrograms.map((p) => (
                    // A full page load: nothing of this program stays in the browser's memory.
                    <Form method="post" action="/switch-program" reloadDocument key={p.id}>
                      <input type="hidden" name="programId" value={p.id} />
                      <button type="submit" className="button">
                        Switch to {p.name}
                      </button>
                    </Form>
                  ))}
                </div>
              ) : null}
              <Form method="post" action="/logout">
                <button type="submit" className="button">
                  Sign out
                </button>
              </Form>
            </div>
          </details>
        ) : null}
      </header>
      <div className="progress" aria-hidden={navigation.state === "idle"} data-active={navigation.state !== "idle"} />
      <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
    </>
  );
}

/** Errors under the layout keep the navigation, so nobody is stranded on a bare error page. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const layout = useRouteLoaderData<typeof loader>("routes/app-layout");
  return (
    <Shell nav={layout?.nav ?? []} user={useOptionalUser()} otherPrograms={layout?.otherPrograms ?? []} unread={layout?.unread ?? null}>
      <ErrorMessage error={error} />
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </Shell>
  );
}
