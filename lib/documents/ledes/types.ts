export interface LedesLine {
  type: 'F' | 'E'; // fee (time) or expense
  units: string; // hours for F (e.g. "2.00"), quantity for E (usually "1")
  unitCost: string; // rate for F, cost for E (decimal string)
  adjustment: string; // "0.00" or ± decimal
  date: string; // YYYY-MM-DD
  taskCode?: string; // UTBMS task code e.g. L110 (F lines)
  activityCode?: string; // A101… (F lines)
  expenseCode?: string; // E101–E124 (E lines)
  timekeeperId?: string; // F lines
  timekeeperName?: string; // "First Last" or "Last, First" as given; the writer outputs "Last, First"
  timekeeperFirstName?: string; // given names, when known: then no surname is guessed from timekeeperName
  timekeeperLastName?: string; // family name, when known
  timekeeperClassification?: string; // LOC code, e.g. PARTNR
  description: string;
}

export interface LedesInvoice {
  invoiceDate: string; // YYYY-MM-DD
  invoiceNumber: string;
  clientId: string;
  lawFirmMatterId: string;
  billingStartDate: string; // YYYY-MM-DD
  billingEndDate: string;
  invoiceDescription: string;
  lawFirmId: string;
  clientMatterId?: string;
  lines: LedesLine[];
}

export interface LedesProblem {
  line: number;
  field?: string;
  message: string;
}

export interface WriteLedesOptions {
  /** Line break after each `[]`. Default "\n" (LF), as in the LEDES.org sample. */
  lineEnding?: '\n' | '\r\n';
}
