import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Locale } from '@/lib/i18n/locales';
import { receiptSections, receiptText, type ReceiptRow } from './receipt-rows';
import type { ReceiptView } from './receipt-view';

// The standard 14 PDF fonts cannot encode ə ğ ı ş İ Ə, and DejaVu Sans has no manat sign (₼,
// U+20BC: every amount printed a box), so the receipt embeds Noto Sans, which has both (its OFL
// licence is next to the files). Read from the working directory, which is the project root under
// `next dev`, `next start` and vitest alike; the bytes never change, so they are read once.
export const RECEIPT_FONT_DIR = path.join(process.cwd(), 'lib/server/submissions/receipt/fonts');
export const RECEIPT_FONTS = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
} as const;
let fontBytes: Promise<[Uint8Array, Uint8Array]> | null = null;

function loadFonts(): Promise<[Uint8Array, Uint8Array]> {
  fontBytes ??= Promise.all([
    readFile(path.join(RECEIPT_FONT_DIR, RECEIPT_FONTS.regular)),
    readFile(path.join(RECEIPT_FONT_DIR, RECEIPT_FONTS.bold)),
  ]).catch((error: unknown) => {
    fontBytes = null;
    throw error;
  });
  return fontBytes;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const LABEL_WIDTH = 190;
const VALUE_X = MARGIN + LABEL_WIDTH + 10;
const VALUE_WIDTH = A4[0] - MARGIN - VALUE_X;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.75, 0.75, 0.8);

/** Greedy word wrap; a word wider than the line (a hash, a long name) is broken by characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const char of word) {
        if (font.widthOfTextAtSize(line + char, size) > width && line) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The hash in groups of eight, so it reads and wraps like a fixed-width block. */
function groupHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}

type Writer = { page: PDFPage; y: number };

/**
 * The receipt as a one-page A4 PDF (issue 6 §6) in the request's language, with the Azerbaijani
 * title always on top. Title metadata is `Qəbz <receipt number>`, subject the document hash, and
 * the dates are the filing time, so the same receipt always yields the same bytes.
 * `verifyUrl` is the absolute address of /verify printed in the "verify at" line (absoluteUrl:
 * under PUBLIC_URL, never the request's host in production).
 */
export async function renderReceiptPdf(
  view: ReceiptView,
  locale: Locale,
  verifyUrl: string,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  const t = receiptText(locale);

  pdf.setTitle(`Qəbz ${view.receiptNumber}`, { showInWindowTitleBar: true });
  pdf.setSubject(view.documentHash);
  pdf.setAuthor('DSMF — Hesabat');
  pdf.setCreator('Hesabat');
  pdf.setProducer('Hesabat (pdf-lib)');
  pdf.setLanguage(locale === 'en' ? 'en' : 'az');
  pdf.setKeywords([view.receiptNumber, view.documentHash]);
  pdf.setCreationDate(view.receivedAt);
  pdf.setModificationDate(view.receivedAt);

  const w: Writer = { page: pdf.addPage(A4), y: A4[1] - MARGIN };
  const ensure = (height: number) => {
    if (w.y - height >= MARGIN) return;
    w.page = pdf.addPage(A4);
    w.y = A4[1] - MARGIN;
  };
  const text = (value: string, x: number, size: number, font: PDFFont, color = INK) =>
    w.page.drawText(value, { x, y: w.y, size, font, color });

  const titleAz = receiptText('az')('title');
  for (const line of wrap(titleAz, bold, 15, A4[0] - 2 * MARGIN)) {
    text(line, MARGIN, 15, bold);
    w.y -= 20;
  }
  if (locale !== 'az') {
    for (const line of wrap(t('title'), regular, 11, A4[0] - 2 * MARGIN)) {
      text(line, MARGIN, 11, regular, MUTED);
      w.y -= 15;
    }
  }
  w.y -= 4;
  text(`${t('receiptNumber')}: ${view.receiptNumber}`, MARGIN, 13, bold);
  w.y -= 12;

  const drawRow = (row: ReceiptRow) => {
    const value = row.kind === 'hash' ? groupHash(row.value) : row.value;
    // Compact enough for every section, the payments' application included, on one A4 page.
    const labelLines = wrap(row.label, regular, 8.5, LABEL_WIDTH);
    const valueLines = wrap(value || '—', row.kind === 'hash' ? bold : regular, 9.5, VALUE_WIDTH);
    const height = Math.max(labelLines.length * 11, valueLines.length * 12) + 3;
    ensure(height);
    labelLines.forEach((line, i) =>
      w.page.drawText(line, { x: MARGIN, y: w.y - i * 11, size: 8.5, font: regular, color: MUTED }),
    );
    valueLines.forEach((line, i) =>
      w.page.drawText(line, {
        x: VALUE_X,
        y: w.y - i * 12,
        size: 9.5,
        font: row.kind === 'hash' ? bold : regular,
        color: INK,
      }),
    );
    w.y -= height;
  };

  const [summary, ...sections] = receiptSections(view, locale);
  for (const section of [summary, ...sections]) {
    if (!section) continue;
    ensure(40);
    w.y -= 8;
    if (section !== summary) {
      text(section.title, MARGIN, 11, bold);
      w.y -= 5;
    }
    w.page.drawLine({
      start: { x: MARGIN, y: w.y },
      end: { x: A4[0] - MARGIN, y: w.y },
      thickness: 0.5,
      color: RULE,
    });
    w.y -= 12;
    for (const row of section.rows) drawRow(row);
  }

  ensure(30);
  w.y -= 16;
  for (const line of wrap(t('verifyLine', { url: verifyUrl }), regular, 10, A4[0] - 2 * MARGIN)) {
    text(line, MARGIN, 10, regular);
    w.y -= 13;
  }
  return pdf.save();
}
