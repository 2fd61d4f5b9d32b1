/** The confirmation after a successful change (see domain/notices.ts), announced politely. */
export function SavedNotice({ notice }: { notice: string | null | undefined }) {
  if (!notice) return null;
  return (
    <p className="alert alert-ok" role="status">
      {notice}
    </p>
  );
}
