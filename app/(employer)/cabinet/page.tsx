import { redirect } from 'next/navigation';
import { FIRST_CABINET_VIEW } from '@/lib/cabinet/views';

/** "Şəxsi Kabinet" → KEÇ opens view 1 (issue 13 §1). */
export default function CabinetPage() {
  redirect(`/cabinet/${FIRST_CABINET_VIEW.slug}`);
}
