// Builds `INSERT … SELECT` statements that copy template rows many times, with some columns
// replaced by expressions. Columns not named keep the template's value, so a column another
// change adds to a table is filled without this bench knowing about it; serial ids are left to
// their sequence.
import type { Sql } from 'postgres';

export type CloneSpec = {
  table: string;
  /** SQL yielding the template rows, aliased `t` in the expressions. */
  template: string;
  /** The FROM items joined to the template (e.g. `generate_series(1, 100) g`). */
  from: string;
  /** Column → SQL expression over `t` and the FROM items. */
  set: Record<string, string>;
  where?: string;
};

export async function columnsOf(sql: Sql, table: string): Promise<string[]> {
  const rows = await sql<{ name: string; serial: boolean }[]>`
    select column_name as name, coalesce(column_default like 'nextval(%', false) as serial
    from information_schema.columns
    where table_schema = 'public' and table_name = ${table} order by ordinal_position`;
  if (rows.length === 0) throw new Error(`national bench: no table ${table}`);
  return rows.filter((r) => !r.serial).map((r) => r.name);
}

export async function cloneStatement(sql: Sql, spec: CloneSpec): Promise<string> {
  const columns = await columnsOf(sql, spec.table);
  for (const name of Object.keys(spec.set)) {
    if (!columns.includes(name)) throw new Error(`national bench: ${spec.table} has no ${name}`);
  }
  const values = columns.map((c) => spec.set[c] ?? `t.${c}`);
  return `insert into ${spec.table} (${columns.join(', ')})
    select ${values.join(',\n      ')}
    from (${spec.template}) t, ${spec.from}${spec.where ? `\n    where ${spec.where}` : ''}`;
}

/** The non-unique secondary indexes of the tables, dropped for a bulk load (returns their DDL). */
export async function dropSecondaryIndexes(sql: Sql, tables: string[]): Promise<string[]> {
  const rows = await sql<{ name: string; def: string }[]>`
    select i.indexname as name, i.indexdef as def
    from pg_indexes i join pg_class c on c.relname = i.indexname
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = 'public' and i.tablename = any(${tables})
      and not x.indisunique and not x.indisprimary`;
  for (const r of rows) await sql.unsafe(`drop index ${r.name}`);
  return rows.map((r) => r.def);
}
