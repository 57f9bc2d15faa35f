/** A record as tests read it back from disk (JSON): the fields they look at, loosely typed. */
export interface RecordEntityJson {
  id: string;
  type: string;
  text: string;
  start: number;
  end: number;
  line: number;
  character: number;
  origin: string;
  orphaned?: boolean;
  attributes: object;
  rule: string;
  decision?: { action: string; by: string; at: string };
  selector?: { prefix: string; suffix: string };
}

export interface RecordJson {
  source: { path: string; sha256: string; length: number };
  review: { suggestionsLeft: number; reviewedBy?: string[]; reviewedAt?: string };
  entities: RecordEntityJson[];
}
