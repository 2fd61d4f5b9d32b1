import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { useNonce } from "./components/nonce";
import { ROLE_LABELS } from "./domain/roles";
import { getViewer } from "./server/session.server";
import stylesheet from "./app.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The signed-in user as a small object; null on the sign-in page and for visitors. */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await getViewer(request);
  return {
    user: viewer
      ? {
          name: viewer.name,
          email: viewer.email,
          role: viewer.role,
          roleLabel: ROLE_LABELS[viewer.role],
          programName: viewer.programName,
        }
      : null,
  };
}

export type RootUser = NonNullable<Awaited<ReturnType<typeof loader>>["user"]>;

export function useOptionalUser(): RootUser | null {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce() || undefined;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <main id="main" className="error-page">
      <ErrorMessage error={error} />
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </main>
  );
}

/** A human message for a thrown response or error; the stack only in development. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const body: unknown = error.data;
    const message = typeof body === "object" && body && "message" in body ? String(body.message) : null;
    const { title, text } = describeStatus(error.status);
    return (
      <div className="error-message" role="alert">
        <h1>{title}</h1>
        <p>{message ?? text}</p>
      </div>
    );
  }
  const stack = import.meta.env.DEV && error instanceof Error ? error.stack : undefined;
  return (
    <div className="error-message" role="alert">
      <h1>Something went wrong</h1>
      <p>
        The page could not be shown because of an error on our side. Nothing you entered was saved unless you saw a confirmation. Try again
        in a moment; if it keeps happening, tell your program's administrator.
      </p>
      {stack ? <pre className="stack">{stack}</pre> : null}
    </div>
  );
}

/** The document title for an error page, so even a 404 says what it is. */
export function errorTitle(error: unknown): string {
  return `${isRouteErrorResponse(error) ? describeStatus(error.status).title : "Something went wrong"} · CASA MDT`;
}

export const meta: Route.MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : "CASA MDT" }];

function describeStatus(status: number): { title: string; text: string } {
  switch (status) {
    case 404:
      return { title: "Not found", text: "There is nothing here, or it is not available to you." };
    case 403:
      return { title: "Not allowed", text: "Your role does not allow this." };
    case 400:
      return { title: "Bad request", text: "The request could not be understood." };
    default:
      return { title: `Error ${status}`, text: "Something went wrong." };
  }
}
