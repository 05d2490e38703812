/**
 * A point before exactly three digits, `18.000`, `-12.500`: a decimal point or a European thousands
 * separator, so a money figure written so has two readings (number-text.ts for YAML's plain numbers,
 * export-forms.ts for a money cell with a currency sign, money-text.ts for what arrcast writes).
 */
export const MONEY_POINT = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;
