import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '@/lib/domain';
import {
  RECEIPT_FONT_DIR,
  RECEIPT_FONTS,
  renderReceiptPdf,
} from '@/lib/server/submissions/receipt/render-receipt-pdf';
import { SAMPLE_VIEW } from './sample-view';

// Issue 10 §9: every "₼" printed as a box because the embedded font had no U+20BC.

const MANAT = 0x20bc;
const LETTERS = 'əƏıİğĞşŞçÇöÖüÜ';

type Font = ReturnType<typeof fontkit.create>;
const openFont = (file: string): Font =>
  fontkit.create(readFileSync(path.join(RECEIPT_FONT_DIR, file)));

function bytesOf(stream: PDFObject | undefined): Uint8Array {
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream');
  return decodePDFRawStream(stream).decode();
}

/** CID → Unicode text from a ToUnicode CMap (the bfchar and bfrange forms pdf-lib writes). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, cid, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(cid!, 16), utf16(text!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, start] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g,
    )) {
      const first = parseInt(start!, 16);
      for (let cid = parseInt(lo!, 16); cid <= parseInt(hi!, 16); cid += 1)
        map.set(cid, String.fromCharCode(first + cid - parseInt(lo!, 16)));
    }
  }
  return map;
}

type Embedded = {
  baseFont: string;
  program: Font;
  toUnicode: Map<number, string>;
  resourceNames: Set<string>;
};

/**
 * The page's Type0 fonts: the embedded (subset) font program and its CID → Unicode map. pdf-lib
 * adds a resource name for every drawText, all pointing at the same font object.
 */
function embeddedFonts(pdf: PDFDocument): Embedded[] {
  const page = pdf.getPage(0).node;
  const resources = page.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  if (!resources) throw new Error('no fonts on the page');
  const byObject = new Map<string, Embedded>();
  for (const [name, ref] of resources.entries()) {
    const key = ref.toString();
    const known = byObject.get(key);
    if (known) {
      known.resourceNames.add(name.asString());
      continue;
    }
    const font = resources.lookup(name, PDFDict);
    const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    byObject.set(key, {
      resourceNames: new Set([name.asString()]),
      baseFont: font.lookup(PDFName.of('BaseFont'), PDFName).asString(),
      program: fontkit.create(Buffer.from(bytesOf(descriptor.lookup(PDFName.of('FontFile2'))))),
      toUnicode: parseToUnicode(
        Buffer.from(bytesOf(font.lookup(PDFName.of('ToUnicode')))).toString('latin1'),
      ),
    });
  }
  return [...byObject.values()];
}

/** The page's text-showing operations: which font resource drew which CIDs. */
function shownText(pdf: PDFDocument): { font: string; cids: number[] }[] {
  const contents = pdf.getPage(0).node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((ref) => pdf.context.lookup(ref))
      : [contents];
  const text = streams.map((s) => Buffer.from(bytesOf(s)).toString('latin1')).join('\n');
  const shown: { font: string; cids: number[] }[] = [];
  let font = '';
  for (const [, fontName, hex] of text.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
    if (fontName) font = `/${fontName}`;
    else shown.push({ font, cids: (hex!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)) });
  }
  return shown;
}

describe('the receipt font (issue 10 §9)', () => {
  it.each([RECEIPT_FONTS.regular, RECEIPT_FONTS.bold])(
    '%s has ₼ and every Azerbaijani letter',
    (file) => {
      const font = openFont(file);
      expect(font.hasGlyphForCodePoint(MANAT)).toBe(true);
      for (const letter of LETTERS)
        expect(font.hasGlyphForCodePoint(letter.codePointAt(0)!), letter).toBe(true);
    },
  );

  it('the PDF draws the manat sign and the letters with their real glyphs, not .notdef, after subsetting', async () => {
    const view = { ...SAMPLE_VIEW, employer: { ...SAMPLE_VIEW.employer, name: `${LETTERS} MMC` } };
    const pdf = await PDFDocument.load(
      await renderReceiptPdf(view, 'az', 'https://hesabat.example.az/verify'),
    );
    const originals = {
      regular: openFont(RECEIPT_FONTS.regular),
      bold: openFont(RECEIPT_FONTS.bold),
    };
    const fonts = embeddedFonts(pdf);
    expect(fonts.length).toBe(2);
    const regular = fonts.find((f) => !/Bold/.test(f.baseFont))!;
    // Subset: far fewer glyphs than the 3 317 of the full font.
    expect(regular.program.numGlyphs).toBeLessThan(200);

    for (const font of fonts) {
      const original = /Bold/.test(font.baseFont) ? originals.bold : originals.regular;
      const cidOf = new Map([...font.toUnicode].map(([cid, text]) => [text, cid]));
      for (const char of [...LETTERS, '₼'].filter((c) => cidOf.has(c))) {
        const cid = cidOf.get(char)!;
        expect(cid, `${font.baseFont} ${char}`).not.toBe(0);
        // The subset's glyph draws exactly what the full font draws for that character.
        expect(font.program.getGlyph(cid).path.toSVG(), `${font.baseFont} ${char}`).toBe(
          original.glyphForCodePoint(char.codePointAt(0)!).path.toSVG(),
        );
      }
      // No text on the page uses glyph 0 (.notdef: the box).
      for (const run of shownText(pdf).filter((r) => font.resourceNames.has(r.font)))
        expect(run.cids).not.toContain(0);
    }

    // The amount "12 345 678,00 ₼"-style text is drawn with the regular font's manat glyph.
    const amount = formatAmount(SAMPLE_VIEW.totals.mdssEmployerQepik, 'az');
    expect(amount.endsWith('₼')).toBe(true);
    const manatCid = [...regular.toUnicode].find(([, text]) => text === '₼')?.[0];
    expect(manatCid).toBeDefined();
    const amountRun = shownText(pdf).find(
      (r) =>
        regular.resourceNames.has(r.font) &&
        r.cids.map((cid) => regular.toUnicode.get(cid) ?? '\uFFFD').join('') === amount,
    );
    expect(amountRun?.cids.at(-1)).toBe(manatCid);
    expect(regular.program.getGlyph(manatCid!).path.toSVG()).not.toBe('');
  });

  it('prints the verify address it is given (PUBLIC_URL), as real text', async () => {
    const pdf = await PDFDocument.load(
      await renderReceiptPdf(SAMPLE_VIEW, 'en', 'https://hesabat.example.az/verify'),
    );
    const regular = embeddedFonts(pdf).find((f) => !/Bold/.test(f.baseFont))!;
    const lines = shownText(pdf)
      .filter((r) => regular.resourceNames.has(r.font))
      .map((r) => r.cids.map((cid) => regular.toUnicode.get(cid) ?? '\uFFFD').join(''));
    expect(lines.some((line) => line.includes('https://hesabat.example.az/verify'))).toBe(true);
  });

  it('stays small: the two subset fonts keep the PDF well under 100 kB', async () => {
    const bytes = await renderReceiptPdf(SAMPLE_VIEW, 'az', 'https://hesabat.example.az/verify');
    expect(bytes.length).toBeLessThan(100_000);
  });
});
