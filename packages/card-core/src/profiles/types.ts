/**
 * Card profiles as data: the file tree, the data items and the keys of one card family.
 * The reader code, the emulator and (later) the issuance pipeline all read the same tables.
 */

/** On-card value formats (health-card spec §4.1). */
export type ItemType = 'ans' | 'cn' | 'b';

/** Confidence of a fact, as marked in the spec files. High facts are the contract. */
export type Confidence = 'high' | 'med' | 'low';

/** Names of the card's symmetric keys (spec §6.8; the DLL's local names). */
export type KeyId =
  | 'RK_DDF1'
  | 'RK_DF01'
  | 'RK_DF02'
  | 'RK_DF03'
  | 'UK_DDF1'
  | 'UK_DF01'
  | 'UK_DF02_1'
  | 'UK_DF02_2'
  | 'UK_DF02_3'
  | 'UK_DF03_1'
  | 'UK_DF03_2'
  | 'STK_DDF1'
  | 'STK_DF01'
  | 'STK_DF02'
  | 'STK_DF03';

/**
 * Who may read or write a file.
 * - `free`: no condition.
 * - `never`: not after issuance (personalisation writes are a COS matter, not a terminal's).
 * - `key`: an EXTERNAL AUTHENTICATE with `key` first; `sm` names the session key for
 *   secure messaging (CLA 04 + MAC) when the write must be protected.
 */
export type AccessRule =
  | { readonly kind: 'free' }
  | { readonly kind: 'never' }
  | { readonly kind: 'key'; readonly key: KeyId; readonly sm?: KeyId };

/** How the bytes of an elementary file are organised. */
export type FileStructure =
  /** Linear fixed records, each one SIMPLE-TLV `tag | len | value`, tag = item number. */
  | 'linear-tlv'
  /** Linear fixed records of raw bytes (index flags). */
  | 'linear-raw'
  /** Cyclic records of raw bytes: a write becomes record 1, the oldest is dropped. */
  | 'cyclic'
  /** Transparent (binary) file. */
  | 'transparent';

/** Encounter-file layouts shared by several files (EE01–EE03, ED01–ED05). */
export type LayoutId = 'inpatient' | 'outpatient';

export interface DedicatedFileDef {
  /** Path from the MF, FIDs joined with '/': 'DDF1', 'DDF1/DF01'. */
  readonly path: string;
  readonly fid: string;
  readonly name: string;
  readonly gloss: string;
}

export interface ElementaryFileDef {
  /** Path from the MF: 'DDF1/EF05', 'DDF1/DF03/EE01'. */
  readonly path: string;
  readonly fid: string;
  /** Chinese name as in the spec. */
  readonly name: string;
  readonly gloss: string;
  readonly structure: FileStructure;
  /** Number of records (record files). */
  readonly records?: number;
  /** Record length in bytes (record files; for TLV files the longest record). */
  readonly recordLength?: number;
  /** Size in bytes (transparent files). */
  readonly size?: number;
  /** For EE/ED files: which encounter layout the bytes follow. */
  readonly layout?: LayoutId;
  readonly read: AccessRule;
  readonly write: AccessRule;
  /** Second write rule where the spec has one (index files: erase to FF needs another key). */
  readonly erase?: AccessRule;
  readonly confidence: Confidence;
}

/**
 * Where an item lives.
 * - `tlv`: a SIMPLE-TLV record of a linear file; `record` is its record number and `tag`
 *   its tag (= item number for items 1–57).
 * - `record`: a field at `offset` inside every record of a raw record file (cyclic
 *   allergy/immunisation files, index files); the record number is chosen at access time.
 * - `binary`: a field at `offset` of a transparent file, or of every file with `layout`.
 */
export type ItemLocation =
  | { readonly kind: 'tlv'; readonly file: string; readonly record: number; readonly tag: number }
  | { readonly kind: 'record'; readonly file: string; readonly offset: number }
  | {
      readonly kind: 'binary';
      readonly file?: string;
      readonly layout?: LayoutId;
      readonly offset: number;
    };

export interface DataItem {
  /** Item number 1–385 of the interface spec (HDDEF table A-5). */
  readonly no: number;
  /**
   * Stable machine name, camelCase; repeated blocks use a zero-based index segment:
   * `diagnoses.0.name`, `fees.19.amount`.
   */
  readonly key: string;
  /** Chinese name as in the spec. */
  readonly name: string;
  /** Short English gloss. */
  readonly gloss: string;
  readonly type: ItemType;
  /** Length in bytes on the card. */
  readonly length: number;
  readonly location: ItemLocation;
  /** Name of a code table in the profile's `codeTables`, when the value is a code. */
  readonly codeTable?: string;
  /** A display/semantic hint: a cn date YYYYMMDD, a cn date-time YYYYMMDDhhmmss, a JPEG photo. */
  readonly format?: 'date' | 'datetime' | 'photo' | 'flag' | 'amount';
  readonly confidence: Confidence;
  /** Why the item is as it is, where the sources disagree. */
  readonly note?: string;
}

export interface CodeTable {
  readonly name: string;
  /** Standard or source the codes come from. */
  readonly source: string;
  readonly confidence: Confidence;
  /** code → meaning (Chinese). */
  readonly codes: Readonly<Record<string, string>>;
  readonly note?: string;
}

/** One symmetric key of the card and how a PSAM derives it (spec §6.8). */
export interface KeyDef {
  readonly id: KeyId;
  readonly purpose: string;
  /** The DF whose security state the key belongs to. */
  readonly df: string;
  /** EXTERNAL AUTHENTICATE P2 on the card; absent for secure-messaging keys. */
  readonly cardRef?: number;
  /** PSAM key index (80 DE P2). */
  readonly psamIndex: number;
  /** PSAM usage byte (80 DE P1): high 3 bits = diversification levels, low 5 bits = key type. */
  readonly psamUsage: number;
  /** Diversification factors in the order the PSAM command carries them. */
  readonly factors: readonly ('CN' | 'CITY')[];
  readonly confidence: Confidence;
}

export interface CardProfile {
  readonly id: string;
  readonly name: string;
  readonly dedicatedFiles: readonly DedicatedFileDef[];
  readonly files: readonly ElementaryFileDef[];
  readonly items: readonly DataItem[];
  readonly keys: readonly KeyDef[];
  readonly codeTables: Readonly<Record<string, CodeTable>>;
  /** Byte layout of the encounter files (EE/ED): total size and the part a terminal writes. */
  readonly layouts: Readonly<Record<LayoutId, { readonly size: number; readonly dataLength: number }>>;
}
