import { Link } from "react-router";

/** "Showing the newest 20 of 130 contacts. Show more", while there are more to show. */
export function ShowMore({ shown, total, href, what }: { shown: number; total: number; href: string; what: string }) {
  if (shown >= total) return null;
  return (
    <p className="show-more">
      Showing the newest {shown} of {total} {what}.{" "}
      <Link to={href} preventScrollReset>
        Show more
      </Link>
    </p>
  );
}
