export type RecordType = 'lead' | 'contact' | 'account' | 'opportunity';

/** The lead, contact, account or opportunity an activity is logged against. */
export interface LinkedRecord {
  type: RecordType;
  id: string;
  label: string;
}

export type QuickLogKind = 'call' | 'email' | 'meeting' | 'note' | 'followUp';

export interface QuickLogPrefill {
  kind?: QuickLogKind;
  record?: LinkedRecord;
}
