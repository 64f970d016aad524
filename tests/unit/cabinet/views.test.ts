import { describe, expect, it } from 'vitest';
import az from '@/lib/i18n/messages/az-cabinet.json';
import en from '@/lib/i18n/messages/en-cabinet.json';
import {
  CABINET_VIEWS,
  cabinetViewBySlug,
  nextCabinetView,
  previousCabinetView,
} from '@/lib/cabinet/views';

// The manual's "Addımlar" list (seed manual §2.3.1), word for word.
const MANUAL = [
  'Sığortaedənin məlumatları',
  'Ünvan məlumatları',
  'Əlaqə məlumatları',
  'Bank hesabları',
  'Sığortaedənin ümumi borcu',
  'Fəaliyyət kodunun seçilməsi',
  'Borclara baxış',
  'Sığortaolunanların hesabları',
  'Güzəştli əmək stajı',
  'M.D.S.S. hesablamaları',
  'M.D.S.S. ödənişlərinin bölüşdürülməsi',
  'SO-lar üzrə bölüşdürülməmiş məbləğlər',
  'Penya hesablamaları',
  'Cərimələr',
  'M.D.S.S. borclarının silinməsi',
  'Digər borcların silinməsi',
  'Sığortaedənin ödənişləri',
];

describe('the cabinet view registry (SPEC E2)', () => {
  it('has the manual’s 17 views in its order, titled with its words, in az and en', () => {
    expect(CABINET_VIEWS.map((v) => v.number)).toEqual(MANUAL.map((_, i) => i + 1));
    expect(CABINET_VIEWS.map((v) => az.cabinetViews[v.id])).toEqual(MANUAL);
    for (const v of CABINET_VIEWS) expect(en.cabinetViews[v.id]).toBeTruthy();
  });

  it('filters views 7–16 by the chosen code, and only those', () => {
    expect(CABINET_VIEWS.filter((v) => v.needsCode).map((v) => v.number)).toEqual([
      7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
  });

  it('walks forward and back through every view, and every slug is unique', () => {
    const slugs = new Set(CABINET_VIEWS.map((v) => v.slug));
    expect(slugs.size).toBe(17);
    let view = CABINET_VIEWS[0]!;
    const walked = [view.id];
    for (let next = nextCabinetView(view.id); next; next = nextCabinetView(view.id)) {
      expect(previousCabinetView(next.id)?.id).toBe(view.id);
      view = next;
      walked.push(view.id);
    }
    expect(walked).toEqual(CABINET_VIEWS.map((v) => v.id));
    expect(previousCabinetView('V1')).toBeNull();
    for (const v of CABINET_VIEWS) expect(cabinetViewBySlug(v.slug)).toBe(v);
    expect(cabinetViewBySlug('../admin')).toBeUndefined();
  });
});
