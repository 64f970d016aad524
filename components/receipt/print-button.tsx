'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; the receipt page has print styles. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
