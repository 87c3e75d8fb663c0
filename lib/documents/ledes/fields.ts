/**
 * LEDES 1998B constants, copied from the team reference
 * (/work/shared/reference/LEDES.md §1.1, §1.2, §1.7).
 */

export const LEDES_FORMAT_LINE = 'LEDES1998B[]';
export const LEDES_TERMINATOR = '[]';
export const LEDES_DELIMITER = '|';

/** The 24 field labels, in file order (§1.1). */
export const LEDES_FIELDS = [
  'INVOICE_DATE',
  'INVOICE_NUMBER',
  'CLIENT_ID',
  'LAW_FIRM_MATTER_ID',
  'INVOICE_TOTAL',
  'BILLING_START_DATE',
  'BILLING_END_DATE',
  'INVOICE_DESCRIPTION',
  'LINE_ITEM_NUMBER',
  'EXP/FEE/INV_ADJ_TYPE',
  'LINE_ITEM_NUMBER_OF_UNITS',
  'LINE_ITEM_ADJUSTMENT_AMOUNT',
  'LINE_ITEM_TOTAL',
  'LINE_ITEM_DATE',
  'LINE_ITEM_TASK_CODE',
  'LINE_ITEM_EXPENSE_CODE',
  'LINE_ITEM_ACTIVITY_CODE',
  'TIMEKEEPER_ID',
  'LINE_ITEM_DESCRIPTION',
  'LAW_FIRM_ID',
  'LINE_ITEM_UNIT_COST',
  'TIMEKEEPER_NAME',
  'TIMEKEEPER_CLASSIFICATION',
  'CLIENT_MATTER_ID',
] as const;

export type LedesField = (typeof LEDES_FIELDS)[number];
export type LedesRow = Record<LedesField, string>;

export const LEDES_HEADER_LINE = `${LEDES_FIELDS.join(LEDES_DELIMITER)}${LEDES_TERMINATOR}`;

/** "15 KB" in the field specification; the file is ASCII, so one character is one byte. */
const KB15 = 15 * 1024;

/** Maximum lengths of the character fields from the 1998B field specification (§1.2). */
export const LEDES_SPEC_LENGTHS: Partial<Record<LedesField, number>> = {
  INVOICE_NUMBER: 20,
  CLIENT_ID: 20,
  LAW_FIRM_MATTER_ID: 20,
  INVOICE_DESCRIPTION: KB15,
  LINE_ITEM_NUMBER: 20,
  'EXP/FEE/INV_ADJ_TYPE': 2,
  LINE_ITEM_TASK_CODE: 20,
  LINE_ITEM_EXPENSE_CODE: 20,
  LINE_ITEM_ACTIVITY_CODE: 20,
  TIMEKEEPER_ID: 20,
  LINE_ITEM_DESCRIPTION: KB15,
  LAW_FIRM_ID: 20,
  TIMEKEEPER_NAME: 30,
  TIMEKEEPER_CLASSIFICATION: 10,
  CLIENT_MATTER_ID: 20,
};

/**
 * Stricter receiver limits quoted in the same §1.2 table: Brightflag wants line
 * descriptions under 1024 characters, Collaborati caps the invoice description
 * at 2,000. Both are far inside the spec's 15 KB, so the validator enforces them.
 */
export const LEDES_RECEIVER_LENGTHS: Partial<Record<LedesField, { max: number; who: string }>> = {
  LINE_ITEM_DESCRIPTION: { max: 1023, who: 'Brightflag requires fewer than 1024 characters' },
  INVOICE_DESCRIPTION: { max: 2000, who: 'Collaborati caps it at 2,000 characters' },
};

/** What the writer truncates to: the spec lengths, and 1000 for descriptions (§9.3). */
export const LEDES_WRITE_LENGTHS: Partial<Record<LedesField, number>> = {
  ...LEDES_SPEC_LENGTHS,
  INVOICE_DESCRIPTION: 1000,
  LINE_ITEM_DESCRIPTION: 1000,
};

/** LOC Revised Timekeeper Classifications (2014), as coded in the Lexitree validator (§1.7). */
export const LOC_TIMEKEEPER_CLASSIFICATIONS: ReadonlySet<string> = new Set(
  (
    'ADJSTR ADJSMT ANALST ARBITR ASSOC TRANEE AUDITR CLKSEC CONSLT TEMPAT TEMPOS CSTCNS CTRPTR DSCATT ' +
    'DSCPMG DSCANJ DSCANS DOCCDR DOCRAT DOCRNA EVDEVL EXPERT FLTFEE FORANL HLNLPF INVSTG IPSVPV IPAGNT ' +
    'LGLAST LGLINT LGPRMG LIBRRN MEDITR MDRCRV OFCOUN NBOTHR PARALG PARTNR RSRCHR RSPROF SECNDE SPAGNT ' +
    'SOLDSG STFATT STFCNS TPADMN TRAINR TRNDEV TRNFAG TRANSL VIDOGR'
  ).split(' '),
);

export const LEDES_LINE_TYPES = ['F', 'E', 'IF', 'IE'] as const;
export type LedesLineType = (typeof LEDES_LINE_TYPES)[number];
