import 'server-only';
import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';
import { z } from 'zod';
import { REPORT_STATUSES, REPORT_TYPES, type ReportStatus, type ReportType } from '@/db/schema';
import { isIsoDate, MESSAGES, parseAmount, type MessageText } from '@/lib/domain';
import { normalizeReceiptNumber } from '@/lib/domain/identifier-text';

// The registry's search form travels in the URL (a GET form works without JavaScript, and a
// result page can be bookmarked). This file turns those strings into checked criteria.

export const REGISTRY_PAGE_SIZE = 20;
/** The choices of the status and type selects (pages may not import the schema). */
export const REGISTRY_STATUSES = REPORT_STATUSES;
export const REGISTRY_TYPES = REPORT_TYPES;
export const REGISTRY_SORTS = ['period', 'status', 'sent', 'amount'] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export type RegistryCriteria = {
  year?: number;
  quarter?: number;
  status?: ReportStatus;
  reportType?: ReportType;
  activityCode?: string;
  /** 'YYYY-MM-DD', Baku dates, inclusive. */
  dateFrom?: string;
  dateTo?: string;
  amountMinQepik?: number;
  amountMaxQepik?: number;
  receiptNumber?: string;
  sort: RegistrySort;
  dir: SortDirection;
  page: number;
  pageSize: number;
};

/** The URL parameter of each form field; the form uses the same names. */
export const REGISTRY_PARAMS = {
  year: 'year',
  quarter: 'quarter',
  status: 'status',
  reportType: 'type',
  activityCode: 'activity',
  dateFrom: 'from',
  dateTo: 'to',
  amountMin: 'min',
  amountMax: 'max',
  receiptNumber: 'receipt',
  sort: 'sort',
  dir: 'dir',
  page: 'page',
} as const;
export type RegistryField = keyof typeof REGISTRY_PARAMS;

export type RegistryFieldError = { field: RegistryField; text: MessageText };

/** What the user typed, trimmed, to fill the form again (errors included). */
export type RegistryValues = Partial<Record<RegistryField, string>>;

export type SearchParamsInput =
  URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

type CriteriaCode = keyof typeof az.registryCriteria;
// The texts are in lib/i18n (registryCriteria); each field's message in both languages.
const TEXTS = Object.fromEntries(
  (Object.keys(az.registryCriteria) as CriteriaCode[]).map((code) => [
    code,
    { az: az.registryCriteria[code], en: en.registryCriteria[code] },
  ]),
) as Readonly<Record<CriteriaCode, MessageText>>;

const ZYear = z.coerce.number().int().min(2019).max(2100);
const ZQuarter = z.coerce.number().int().min(1).max(4);
const ZStatus = z.enum(REPORT_STATUSES);
const ZType = z.enum(REPORT_TYPES);
const ZActivityCode = z.string().regex(/^\d{2}(\.\d{1,2}){0,2}$/);
const ZReceipt = z.string().regex(/^[A-Z0-9-]{1,40}$/);
const ZSort = z.enum(REGISTRY_SORTS).catch('period');
const ZDir = z.enum(['asc', 'desc']).catch('desc');
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '2999-12-31';
const ZPage = z.coerce.number().int().min(1).max(100_000).catch(1);

function read(params: SearchParamsInput, name: string): string {
  const raw = params instanceof URLSearchParams ? params.get(name) : params[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' ? first.trim() : '';
}

/**
 * The registry's search criteria from URL parameters (SPEC G1). Empty fields are no filter;
 * a field that does not parse gives an error at that field (az and en) and no criterion, so
 * the page shows the errors instead of a result that silently ignored what was typed. Sort,
 * direction and page fall back to their defaults: they come from links, not from the user.
 */
export function parseRegistryCriteria(params: SearchParamsInput): {
  criteria: RegistryCriteria;
  errors: RegistryFieldError[];
  values: RegistryValues;
} {
  const values: RegistryValues = {};
  for (const [field, name] of Object.entries(REGISTRY_PARAMS) as [RegistryField, string][]) {
    const value = read(params, name);
    if (value !== '') values[field] = value;
  }
  // An identifier is searched as issued (DOMAIN.md §9): 'hs-2026 1000036' is HS-2026-1000036,
  // and the form shows back what was searched.
  if (values.receiptNumber !== undefined) {
    const receipt = normalizeReceiptNumber(values.receiptNumber);
    if (receipt === '') delete values.receiptNumber;
    else values.receiptNumber = receipt;
  }
  const errors: RegistryFieldError[] = [];
  const criteria: RegistryCriteria = {
    sort: ZSort.parse(values.sort),
    dir: ZDir.parse(values.dir),
    page: ZPage.parse(values.page),
    pageSize: REGISTRY_PAGE_SIZE,
  };

  function check<T>(field: RegistryField, schema: z.ZodType<T>, text: MessageText): T | undefined {
    const value = values[field];
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    errors.push({ field, text });
    return undefined;
  }
  function amount(field: 'amountMin' | 'amountMax'): number | undefined {
    const value = values[field];
    if (value === undefined) return undefined;
    const parsed = parseAmount(value);
    if (parsed.ok) return parsed.value;
    errors.push({ field, text: MESSAGES[parsed.code] });
    return undefined;
  }
  // Dates within four-digit years: a real but far date such as 9999-12-31 would
  // overflow the next-day bound of the search (year 10000) into PostgreSQL's error.
  function date(field: 'dateFrom' | 'dateTo'): string | undefined {
    const value = values[field];
    if (value === undefined) return undefined;
    if (!isIsoDate(value)) errors.push({ field, text: TEXTS.DATE });
    else if (value < FIRST_DATE || value > LAST_DATE)
      errors.push({ field, text: TEXTS.DATE_BOUNDS });
    else return value;
    return undefined;
  }

  const set = <K extends keyof RegistryCriteria>(
    key: K,
    value: RegistryCriteria[K] | undefined,
  ) => {
    if (value !== undefined) criteria[key] = value;
  };
  set('year', check('year', ZYear, TEXTS.YEAR));
  set('quarter', check('quarter', ZQuarter, TEXTS.QUARTER));
  set('status', check('status', ZStatus, TEXTS.STATUS));
  set('reportType', check('reportType', ZType, TEXTS.TYPE));
  set('activityCode', check('activityCode', ZActivityCode, TEXTS.ACTIVITY));
  set('dateFrom', date('dateFrom'));
  set('dateTo', date('dateTo'));
  set('amountMinQepik', amount('amountMin'));
  set('amountMaxQepik', amount('amountMax'));
  set('receiptNumber', check('receiptNumber', ZReceipt, TEXTS.RECEIPT));

  if (criteria.dateFrom && criteria.dateTo && criteria.dateTo < criteria.dateFrom) {
    errors.push({ field: 'dateTo', text: TEXTS.DATE_RANGE });
  }
  if (
    criteria.amountMinQepik !== undefined &&
    criteria.amountMaxQepik !== undefined &&
    criteria.amountMaxQepik < criteria.amountMinQepik
  ) {
    errors.push({ field: 'amountMax', text: TEXTS.AMOUNT_RANGE });
  }
  return { criteria, errors, values };
}

/**
 * The query string of the criteria as typed (the form's own values), with overrides — for the
 * sort headers and pagination links, which keep every filter.
 */
export function registryQuery(
  values: RegistryValues,
  overrides: Partial<Record<RegistryField, string | undefined>> = {},
): string {
  const merged: RegistryValues = { ...values, ...overrides };
  const query = new URLSearchParams();
  for (const [field, name] of Object.entries(REGISTRY_PARAMS) as [RegistryField, string][]) {
    const value = merged[field];
    if (value !== undefined && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
