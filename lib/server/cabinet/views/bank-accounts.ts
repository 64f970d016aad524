import 'server-only';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import type { DbOrTx } from '@/db/types';
import { getEmployerData } from '../../employers/get-employer-data';
import type { CabinetContext } from '../cabinet-context';

/** View 4: the employer's bank accounts as the fund registered them. */
export async function bankAccountTables(
  db: DbOrTx,
  context: CabinetContext,
): Promise<CabinetTable[]> {
  const data = await getEmployerData(db, context.scope);
  return [
    cabinetTable({
      id: 'bank-accounts',
      title: 'cabinetEmployer.bankAccounts',
      columns: [
        { key: 'bankName', label: 'cabinetEmployer.bankName', kind: 'text' },
        { key: 'bankCode', label: 'cabinetEmployer.bankCode', kind: 'code' },
        { key: 'iban', label: 'cabinetEmployer.iban', kind: 'code' },
        { key: 'currency', label: 'cabinetEmployer.currency', kind: 'code' },
      ],
      rows: data.bankAccounts.map((b) => ({
        key: b.iban,
        cells: { bankName: b.bankName, bankCode: b.bankCode, iban: b.iban, currency: b.currency },
      })),
    }),
  ];
}
