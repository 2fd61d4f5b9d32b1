import { Link } from "react-router";

/** The frame of a page that is one form about one youth: breadcrumb, heading, a way back. */
export function FormPage({
  youth,
  title,
  intro,
  children,
}: {
  youth: { id: number; name: string };
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section className="form-page" aria-labelledby="form-page-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span> <Link to={`/youth/${youth.id}`}>{youth.name}</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">{title}</span>
      </nav>
      <h1 id="form-page-title">{title}</h1>
      {intro ? <div className="intro">{intro}</div> : null}
      {children}
      <p>
        <Link to={`/youth/${youth.id}`}>Back to {youth.name} without saving</Link>
      </p>
    </section>
  );
}
