/**
 * Calendar months by name, January first: a month 1-12 (a fiscal year's start month) names its
 * month as `MONTH_NAMES[month - 1]`. One list for every message, report and reader (six private
 * copies before December 2026).
 */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Their three-letter forms, as summary.json's month labels and the charts write them: 'Jan', 'Feb', ... */
export const MONTH_ABBREVIATIONS: readonly string[] = MONTH_NAMES.map((name) => name.slice(0, 3));
