import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** `expr LIKE '%text%'` with the person's text taken literally (%, _ and \ escaped). */
export function likeContains(expr: SQLWrapper, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${expr} like ${pattern} escape '\\'`;
}
