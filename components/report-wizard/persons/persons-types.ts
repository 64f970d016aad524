/** Monthly incomes as typed, one per month of the quarter ('' = not employed that month). */
export type IncomeTexts = [string, string, string];

export type MonthColumn = { month: string; label: string };
