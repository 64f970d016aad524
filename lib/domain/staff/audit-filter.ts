// The audit log viewer's filter (issue 14 §12), as it travels in the URL of a GET form. Pure:
// strings in, checked criteria and coded field errors out. A value that does not parse is an
// error at its field (never a silent "no filter", never a database error).
import { isIsoDate } from '../calendar';
import { normalizeIdentifierText } from '../identifier-text';

export const AUDIT_OUTCOME_FILTERS = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export type AuditOutcomeFilter = (typeof AUDIT_OUTCOME_FILTERS)[number];

/** The URL parameter of each field; the form uses the same names. */
export const AUDIT_FILTER_PARAMS = {
  actor: 'actor',
  employer: 'employer',
  action: 'action',
  outcome: 'outcome',
  dateFrom: 'from',
  dateTo: 'to',
} as const;
export type AuditFilterField = keyof typeof AUDIT_FILTER_PARAMS;

/** The refusal codes of the filter (lib/server/errors.ts, "Staff: audit log and statistics"). */
export const AUDIT_FILTER_CODES = [
  'AUDIT_ACTOR_FORMAT',
  'AUDIT_EMPLOYER_TEXT',
  'AUDIT_ACTION_FORMAT',
  'AUDIT_OUTCOME_UNKNOWN',
  'AUDIT_DATE_FORMAT',
  'AUDIT_DATE_RANGE',
] as const;
export type AuditFilterCode = (typeof AUDIT_FILTER_CODES)[number];

export type AuditFilter = {
  actorFin?: string;
  /** An employer id, or a name / VÖEN / DSMF number to look up within the staff's body. */
  employer?: { kind: 'id'; id: string } | { kind: 'text'; text: string };
  action?: string;
  outcome?: AuditOutcomeFilter;
  /** Baku calendar dates, inclusive. */
  dateFrom?: string;
  dateTo?: string;
};

/** Keyset paging: the rows below `before` (older) or above `after` (newer), newest first. */
export type AuditCursor = { before?: number; after?: number };

export type AuditFilterError = { field: AuditFilterField; code: AuditFilterCode };
export type AuditFilterValues = Partial<Record<AuditFilterField, string>>;

export type SearchParamsLike =
  URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIN = /^[0-9A-Z]{5,7}$/;
const ACTION = /^[A-Z][A-Z0-9_]{0,63}$/;
// Control characters (NUL included): PostgreSQL text refuses NUL, and none belong in a filter.
const CONTROL = /[\u0000-\u001f\u007f]/;
const FIRST_DATE = '2000-01-01';
const LAST_DATE = '2999-12-31';
const MAX_TEXT = 100;

function read(params: SearchParamsLike, name: string): string {
  const raw = params instanceof URLSearchParams ? params.get(name) : params[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' ? first.trim() : '';
}

/** The filter from URL parameters: empty fields are no filter, a malformed one an error. */
export function parseAuditFilter(params: SearchParamsLike): {
  filter: AuditFilter;
  errors: AuditFilterError[];
  values: AuditFilterValues;
} {
  const values: AuditFilterValues = {};
  for (const [field, name] of Object.entries(AUDIT_FILTER_PARAMS) as [AuditFilterField, string][]) {
    const value = read(params, name);
    if (value !== '') values[field] = value.slice(0, 200);
  }
  const filter: AuditFilter = {};
  const errors: AuditFilterError[] = [];
  const fail = (field: AuditFilterField, code: AuditFilterCode) => errors.push({ field, code });

  if (values.actor !== undefined) {
    const fin = normalizeIdentifierText(values.actor);
    if (FIN.test(fin)) filter.actorFin = fin;
    else fail('actor', 'AUDIT_ACTOR_FORMAT');
  }
  if (values.employer !== undefined) {
    const text = values.employer;
    if (CONTROL.test(text) || text.length > MAX_TEXT) fail('employer', 'AUDIT_EMPLOYER_TEXT');
    else if (UUID.test(text)) filter.employer = { kind: 'id', id: text.toLowerCase() };
    else filter.employer = { kind: 'text', text };
  }
  if (values.action !== undefined) {
    const action = values.action.toUpperCase();
    if (ACTION.test(action)) filter.action = action;
    else fail('action', 'AUDIT_ACTION_FORMAT');
  }
  if (values.outcome !== undefined) {
    const outcome = AUDIT_OUTCOME_FILTERS.find((o) => o === values.outcome?.toUpperCase());
    if (outcome) filter.outcome = outcome;
    else fail('outcome', 'AUDIT_OUTCOME_UNKNOWN');
  }
  for (const field of ['dateFrom', 'dateTo'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    if (isIsoDate(value) && value >= FIRST_DATE && value <= LAST_DATE) filter[field] = value;
    else fail(field, 'AUDIT_DATE_FORMAT');
  }
  if (filter.dateFrom && filter.dateTo && filter.dateTo < filter.dateFrom) {
    fail('dateTo', 'AUDIT_DATE_RANGE');
  }
  return { filter, errors, values };
}

/** A cursor from a paging link; anything but a positive safe integer is no cursor (page 1). */
export function parseAuditCursor(params: SearchParamsLike): AuditCursor {
  const number = (name: string): number | undefined => {
    const text = read(params, name);
    if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : undefined;
  };
  const before = number('before');
  if (before !== undefined) return { before };
  const after = number('after');
  return after !== undefined ? { after } : {};
}

/** The query string of the filter as typed, with a cursor: paging links and the export keep it. */
export function auditQuery(values: AuditFilterValues, cursor: AuditCursor = {}): string {
  const query = new URLSearchParams();
  for (const [field, name] of Object.entries(AUDIT_FILTER_PARAMS) as [AuditFilterField, string][]) {
    const value = values[field];
    if (value !== undefined && value !== '') query.set(name, value);
  }
  if (cursor.before !== undefined) query.set('before', String(cursor.before));
  else if (cursor.after !== undefined) query.set('after', String(cursor.after));
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** LIKE pattern for a contains-search: %, _ and \ in the text are matched literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
