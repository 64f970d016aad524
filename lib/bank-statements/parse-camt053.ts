// Reading an ISO 20022 camt.053.001.02 statement (reference doc bank-statements.md) into
// statement lines and coded problems. Never throws on bad input.
//
// Why this file is outside lib/domain: it needs an XML parser (fast-xml-parser), and
// lib/domain imports only lib/domain and zod (ARCHITECTURE.md §3). It is still pure (no I/O,
// clock or environment); every rule it applies comes from lib/domain/bank-statements.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DEFAULT_MAX_STATEMENT_CHARS,
  type StatementFileCode,
} from '@/lib/domain/bank-statements/statement-codes';
import {
  buildStatementLine,
  totalQepikFromStatementAmount,
  type RawStatementLine,
  type StatementLine,
  type StatementParseResult,
  type StatementProblem,
} from '@/lib/domain/bank-statements/statement-line';
import type { MessageParams } from '@/lib/domain/result';
import { at, attribute, child, children, text } from './xml-tree';

export const CAMT053_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';

// Elements that may repeat; the parser returns them as arrays even when there is one.
const REPEATING = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Othr']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Keep every value as its exact text: '4885.20' must not become the number 4885.2.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // No entity expansion at all (billion laughs); a DOCTYPE is refused before parsing anyway.
  processEntities: false,
  htmlEntities: false,
  // Callbacks get a path matcher instead of a built path string: much less work per element.
  jPath: false,
  isArray: (name: string) => REPEATING.has(name),
});

// Any DOCTYPE (and with it any entity declaration) is refused: camt.053 never has one.
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

function fileProblem(code: StatementFileCode, params?: MessageParams): StatementProblem {
  return params === undefined ? { index: 0, code } : { index: 0, code, params };
}

function failed(problem: StatementProblem): StatementParseResult {
  return { lines: [], problems: [problem] };
}

// The parser drops namespace declarations along with prefixes, so the root's namespace is read
// from its start tag: `<Document xmlns="…">` or `<p:Document xmlns:p="…">`.
const ROOT_TAG = /<(?:([A-Za-z_][\w.-]*):)?Document\b([^>]*)>/;

function documentNamespace(source: string): string | null {
  const tag = ROOT_TAG.exec(source);
  if (tag === null) return null;
  const name = tag[1] === undefined ? 'xmlns' : `xmlns:${tag[1]}`;
  const declaration = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag[2] ?? '');
  return declaration === null ? null : (declaration[2] ?? declaration[3] ?? null);
}

/** qəpik (bigint, exact for any number of lines) as the statement's decimal text. */
function decimalText(qepik: bigint): string {
  const negative = qepik < 0n;
  const magnitude = negative ? -qepik : qepik;
  return `${negative ? '-' : ''}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

function signedAmount(node: unknown): bigint | null {
  const amount = totalQepikFromStatementAmount(text(at(node, 'Amt')) ?? '');
  if (amount === null || amount < 0n) return null;
  return text(child(node, 'CdtDbtInd')) === 'DBIT' ? -amount : amount;
}

function payerVoen(transaction: unknown): string | null {
  const party = at(transaction, 'RltdPties', 'Dbtr', 'Id');
  const others = [
    ...children(child(party, 'OrgId'), 'Othr'),
    ...children(child(party, 'PrvtId'), 'Othr'),
  ];
  const voen = others.find((other) => {
    const scheme = at(other, 'SchmeNm');
    return (
      text(child(scheme, 'Prtry'))?.toUpperCase() === 'VOEN' || text(child(scheme, 'Cd')) === 'TXID'
    );
  });
  return voen === undefined ? null : text(child(voen, 'Id'));
}

function remittance(entry: unknown, transaction: unknown): string {
  const info = child(transaction, 'RmtInf');
  const parts = [
    ...children(info, 'Ustrd').map(text),
    ...children(info, 'Strd').map((strd) => text(at(strd, 'CdtrRefInf', 'Ref'))),
  ].filter((part): part is string => part !== null && part !== '');
  if (parts.length === 0) parts.push(text(child(entry, 'AddtlNtryInf')) ?? '');
  return parts.join(' ');
}

/** The statement-level checks of the reference doc: entry count, sum and balances. */
function checkStatement(statement: unknown, entries: readonly unknown[]): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const id = text(child(statement, 'Id')) ?? '';
  const summary = at(statement, 'TxsSummry', 'TtlNtries');
  const declaredCount = text(child(summary, 'NbOfNtries'));
  if (declaredCount !== null && declaredCount !== String(entries.length)) {
    problems.push(
      fileProblem('STATEMENT_COUNT_MISMATCH', {
        statement: id,
        declared: declaredCount,
        actual: entries.length,
      }),
    );
  }
  const signed = entries.map(signedAmount);
  if (signed.some((amount) => amount === null)) return problems; // the lines say which
  const amounts = signed as bigint[];
  const declaredSum = text(child(summary, 'Sum'));
  if (declaredSum !== null) {
    const actual = amounts.reduce((sum, amount) => sum + (amount < 0n ? -amount : amount), 0n);
    const declared = totalQepikFromStatementAmount(declaredSum);
    if (declared !== actual) {
      problems.push(
        fileProblem('STATEMENT_SUM_MISMATCH', {
          statement: id,
          declared: declaredSum,
          actual: decimalText(actual),
        }),
      );
    }
  }
  const balance = (code: string) =>
    children(statement, 'Bal').find((bal) => text(at(bal, 'Tp', 'CdOrPrtry', 'Cd')) === code);
  const opening = balance('OPBD');
  const closing = balance('CLBD');
  if (opening !== undefined && closing !== undefined) {
    const open = signedAmount(opening);
    const close = signedAmount(closing);
    const booked = entries.reduce<bigint>(
      (sum, entry, i) => (text(child(entry, 'Sts')) === 'BOOK' ? sum + (amounts[i] ?? 0n) : sum),
      0n,
    );
    if (open === null || close === null || open + booked !== close) {
      problems.push(
        fileProblem('STATEMENT_BALANCE_MISMATCH', {
          statement: id,
          expected: open === null ? '' : decimalText(open + booked),
          closing: text(at(closing, 'Amt')) ?? '',
        }),
      );
    }
  }
  return problems;
}

/** The raw lines of one entry: one per transaction of a batch entry, else one. */
function entryLines(
  entry: unknown,
  nextIndex: () => number,
): { raws: RawStatementLine[]; problem?: StatementProblem } {
  const reference = text(child(entry, 'AcctSvcrRef'));
  const transactions = children(child(entry, 'NtryDtls'), 'TxDtls');
  const common = {
    bookingDate: text(at(entry, 'BookgDt', 'Dt')) ?? text(at(entry, 'BookgDt', 'DtTm')),
    valueDate: text(at(entry, 'ValDt', 'Dt')) ?? text(at(entry, 'ValDt', 'DtTm')),
    direction: text(child(entry, 'CdtDbtInd')),
    reversal: text(child(entry, 'RvslInd')) === 'true',
    status: text(child(entry, 'Sts')),
  };
  const batch = transactions.length > 1;
  const list = transactions.length === 0 ? [undefined] : transactions;
  const raws = list.map((transaction, k): RawStatementLine => {
    const amountNode = batch ? at(transaction, 'AmtDtls', 'TxAmt', 'Amt') : child(entry, 'Amt');
    const ownReference = text(at(transaction, 'Refs', 'AcctSvcrRef'));
    return {
      ...common,
      index: nextIndex(),
      // A batch entry has one bank reference for several payments: each gets its own,
      // derived stably from the entry's (or the transaction's own when the bank gives one).
      bankReference: batch
        ? (ownReference ?? (reference === null ? null : `${reference}/${k + 1}`))
        : reference,
      amount: text(amountNode),
      currency: attribute(amountNode, 'Ccy'),
      payerName: text(at(transaction, 'RltdPties', 'Dbtr', 'Nm')),
      payerVoen: payerVoen(transaction),
      payerIban: text(at(transaction, 'RltdPties', 'DbtrAcct', 'Id', 'IBAN')),
      remittance: remittance(entry, transaction),
      endToEndId: text(at(transaction, 'Refs', 'EndToEndId')),
    };
  });
  if (batch) {
    const total = totalQepikFromStatementAmount(text(child(entry, 'Amt')) ?? '');
    const parts = raws.map((raw) => totalQepikFromStatementAmount(raw.amount ?? ''));
    if (parts.every((part) => part !== null)) {
      const sum = parts.reduce<bigint>((s, part) => s + (part ?? 0n), 0n);
      if (total !== sum) {
        const first = raws[0];
        return {
          raws: [],
          problem: {
            index: first?.index ?? 0,
            code: 'LINE_BATCH_SUM_MISMATCH',
            ...(reference === null ? {} : { bankReference: reference }),
            params: { amount: text(child(entry, 'Amt')) ?? '', sum: decimalText(sum) },
          },
        };
      }
    }
  }
  return { raws };
}

/**
 * Parses a camt.053.001.02 document. `maxChars` caps the input before any parsing (a huge
 * upload is refused, not read). Lines are in document order; problems carry the line index
 * (0 for the whole file). Only credits in AZN that are booked and not reversals become lines.
 */
export function parseCamt053(
  xml: string,
  options: { readonly maxChars?: number } = {},
): StatementParseResult {
  const maxChars = options.maxChars ?? DEFAULT_MAX_STATEMENT_CHARS;
  if (xml.length > maxChars) return failed(fileProblem('STATEMENT_TOO_LARGE', { maxChars }));
  const source = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  if (source.trim() === '') return failed(fileProblem('STATEMENT_EMPTY'));
  if (DOCTYPE.test(source)) return failed(fileProblem('STATEMENT_DOCTYPE_REFUSED'));
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    return failed(
      fileProblem('STATEMENT_XML_INVALID', { line: valid.err.line, detail: valid.err.msg }),
    );
  }
  let tree: unknown;
  try {
    tree = parser.parse(source);
  } catch {
    return failed(fileProblem('STATEMENT_XML_INVALID', { line: 0, detail: '' }));
  }
  const root = at(tree, 'Document', 'BkToCstmrStmt');
  const namespace = documentNamespace(source);
  if (namespace !== CAMT053_NAMESPACE || root === undefined) {
    return failed(fileProblem('STATEMENT_NOT_CAMT053', { namespace: namespace ?? '' }));
  }
  const lines: StatementLine[] = [];
  const problems: StatementProblem[] = [];
  let counter = 0;
  const nextIndex = () => (counter += 1);
  for (const statement of children(root, 'Stmt')) {
    const entries = children(statement, 'Ntry');
    problems.push(...checkStatement(statement, entries));
    for (const entry of entries) {
      const { raws, problem } = entryLines(entry, nextIndex);
      if (problem !== undefined) problems.push(problem);
      for (const raw of raws) {
        const built = buildStatementLine(raw);
        if (built.ok) lines.push(built.line);
        else problems.push(...built.problems);
      }
    }
  }
  return { lines, problems };
}
