/**
 * The error catalogue. Every error hcard raises carries one of these stable codes; callers
 * switch on `code`, never on the message. Messages name what failed, never personal data,
 * PINs or key material. `http` is what the gateway answers; `exit` what the CLI exits with.
 */

interface CatalogueEntry {
  readonly message: string;
  readonly http: number;
  readonly exit: number;
  readonly hint?: string;
}

const entry = (message: string, http: number, exit: number, hint?: string): CatalogueEntry =>
  hint === undefined ? { message, http, exit } : { message, http, exit, hint };

export const ERROR_CATALOGUE = {
  // Arguments and input data
  HCARD_E_ARG_INVALID: entry('Invalid argument', 400, 2),
  HCARD_E_HEX_INVALID: entry('Not a valid hex string', 400, 2, 'Use pairs of 0-9/A-F digits.'),
  HCARD_E_TLV_MALFORMED: entry('Malformed TLV data', 422, 65),
  HCARD_E_APDU_INVALID: entry('The command APDU cannot be encoded', 400, 2),
  HCARD_E_APDU_RESPONSE_MALFORMED: entry('Malformed response APDU', 502, 69),
  // Text and number codecs (spec §4.1)
  HCARD_E_ANS_UNMAPPABLE: entry(
    'A character cannot be stored on the card',
    422,
    65,
    'The card stores GBK (code page 936) text; in strict GB2312 mode only GB2312 characters.',
  ),
  HCARD_E_ANS_TOO_LONG: entry(
    'Text is longer than the field',
    422,
    65,
    'Limits count bytes: a hanzi takes 2.',
  ),
  HCARD_E_ANS_BYTES_INVALID: entry('Bytes on the card are not valid text in the expected code page', 422, 65),
  HCARD_E_CN_INVALID: entry('Not a valid cn (packed BCD) value', 422, 65),
  HCARD_E_B_INVALID: entry('Not a valid b (binary) value', 422, 65),
  HCARD_E_ID_INVALID: entry('Not a valid GB 11643 citizen ID number', 422, 65),
  HCARD_E_CODE_UNKNOWN: entry('Code not in its code table', 422, 65),
  HCARD_E_PHOTO_INVALID: entry('Photo data is not a JPEG of at most 3072 bytes', 422, 65),
  HCARD_E_PHOTO_UNDECODABLE: entry('The photo cannot be decoded', 422, 65),
  HCARD_E_PHOTO_UNREADABLE: entry(
    'The photo file cannot be read',
    422,
    66,
    'Check the file and its permissions.',
  ),
  HCARD_E_PHOTO_TOO_DETAILED: entry(
    'The photo does not fit the card even at the lowest JPEG quality',
    422,
    65,
  ),
  // Profiles
  HCARD_E_PROFILE_ITEM_UNKNOWN: entry('No such data item in the card profile', 400, 2),
  HCARD_E_PROFILE_FILE_UNKNOWN: entry('No such file in the card profile', 400, 2),
  HCARD_E_PROFILE_NOT_WRITABLE: entry('The profile does not let a terminal write this file', 403, 77),
  HCARD_E_RECORD_EMPTY: entry('The encounter record is marked empty (index flag FF)', 404, 66),
  // Card answers
  HCARD_E_SW_REFUSED: entry('The card refused the command', 422, 69),
  HCARD_E_CARD_DATA_INVALID: entry('The card returned data that does not match the profile', 502, 69),
  HCARD_E_PSAM_REFUSED: entry(
    'The PSAM refused the command',
    502,
    69,
    'Check the PSAM PIN and key configuration.',
  ),
  HCARD_E_PSAM_ABSENT: entry(
    'No PSAM in the PSAM slot',
    503,
    69,
    "Put the PSAM into the reader's PSAM slot (or name the slot that holds it in the config).",
  ),
  HCARD_E_PSAM_PIN_MISSING: entry(
    'No PSAM PIN is configured',
    400,
    78,
    "hcard has no default PIN: a wrong one would burn one of the PSAM's few tries.",
  ),
  HCARD_E_PSAM_PIN_WRONG: entry(
    'The PSAM refused the PIN',
    502,
    77,
    'Correct the configured PSAM PIN; hcard will not present a refused PIN again in this process.',
  ),
  HCARD_E_PSAM_BLOCKED: entry('The PSAM PIN is blocked', 502, 77, "Have the PSAM's issuer unblock it."),
  HCARD_E_T0_LOOP: entry('GET RESPONSE / resend loop did not end', 502, 69),
  // Transport and channels
  HCARD_E_TRANSPORT: entry('The reader or card connection failed', 503, 74),
  HCARD_E_PCSC_NO_SERVICE: entry(
    'The PC/SC service is not running',
    503,
    69,
    'Start pcscd (Linux) or the Smart Card service (Windows).',
  ),
  HCARD_E_READER_NOT_FOUND: entry('No such reader', 404, 66, 'List the readers with `hcard readers`.'),
  HCARD_E_NO_CARD: entry('No card in the reader', 409, 66, 'Insert the card and try again.'),
  HCARD_E_CARD_REMOVED: entry(
    'The card was removed or reset during the operation',
    409,
    74,
    'Insert the card again and repeat.',
  ),
  HCARD_E_READER_BUSY: entry('The reader is in use by another connection', 409, 75),
  HCARD_E_CHANNEL_CLOSED: entry('The card channel is closed', 503, 74),
  HCARD_E_REPLAY_MISMATCH: entry('The command does not match the recorded transcript', 500, 70),
  HCARD_E_TRANSCRIPT_INVALID: entry('Invalid transcript', 400, 65),
  HCARD_E_REPLAY_EXHAUSTED: entry('The recorded transcript has no more exchanges', 500, 70),
  // Crypto
  HCARD_E_KEY_INVALID: entry('Invalid key material', 400, 2),
  HCARD_E_SM2_POINT_INVALID: entry('Not a valid SM2 public key', 422, 65),
  HCARD_E_SIGNATURE_INVALID: entry('Signature verification failed', 422, 65),
  HCARD_E_CERT_MALFORMED: entry('Malformed compact certificate', 422, 65),
  HCARD_E_CERT_UNTRUSTED: entry('Certificate does not chain to a trusted key', 422, 65),
  HCARD_E_CERT_EXPIRED: entry('Certificate is outside its validity period', 422, 65),
  // Configuration
  HCARD_E_CONFIG_INVALID: entry('Invalid configuration', 400, 78),
  HCARD_E_APPLICATION_ABSENT: entry(
    'The card does not carry this application',
    404,
    66,
    'The three-in-one card has health, social-security and bank applications; this card lacks one of them.',
  ),
  HCARD_E_SSSE_READ_FAILED: entry(
    'The social-security application could not be read',
    502,
    69,
    'The error names the failure and gives its MOHRSS error code and text (the gateway answers them as "mohrss").',
  ),
  HCARD_E_IDCARD_NOT_CONFIGURED: entry(
    'No ID-card reader is configured',
    503,
    78,
    'Name the serial port in "idCardReader": { "port": "/dev/ttyUSB0" } of the gateway config.',
  ),
  // Bank application (PBOC / UnionPay, spec B): messages never carry card bytes, PAN or track 2
  HCARD_E_BANK_DATA_INVALID: entry('The bank application returned data that cannot be decoded', 502, 69),
  HCARD_E_BANK_PAN_MISSING: entry('The bank application has no card number in the records it lists', 502, 69),
  HCARD_E_BANK_IMAGE_INVALID: entry('Invalid bank application image', 400, 65),
  // Social-security application (SSSE, spec A): MOHRSS strings, HSM data, 1101 input
  HCARD_E_SSSE_STRING_INVALID: entry(
    'Not a valid MOHRSS card string',
    422,
    65,
    'iReadCardBas strings have 11 fields and HSM step-1 strings 9; every field, the last one too, ends with the separator.',
  ),
  HCARD_E_SSSE_PKEY_INVALID: entry(
    'The HSM answer (pKey) is not valid',
    400,
    65,
    'For a 3.0 card pKey holds at least 64 hex digits: the internal-authentication result first, the external-authentication cryptogram in digits 33–64.',
  ),
  HCARD_E_SSSE_BUSI_CARD_MISSING: entry(
    'The province rule needs the 业务卡串 (pBusiCardInfo) for mdtrt_cert_no',
    400,
    2,
    'Pass the 业务卡串 from the national DLL, or use the rule "cardNumber".',
  ),
  // Gateway (HTTP)
  HCARD_E_UNAUTHENTICATED: entry(
    'A valid bearer token is required',
    401,
    77,
    'Send "Authorization: Bearer <token>"; create one with `hcard gateway token create`.',
  ),
  HCARD_E_FORBIDDEN: entry('The token lacks the scope this needs', 403, 77),
  HCARD_E_HOST_REFUSED: entry(
    'Host not allowed',
    421,
    77,
    'Call the gateway as 127.0.0.1, localhost or [::1] with its port, or add the host to "allowedHosts".',
  ),
  HCARD_E_ORIGIN_REFUSED: entry(
    'Origin not allowed',
    403,
    77,
    'Add the web origin to "allowedOrigins" in the gateway config.',
  ),
  HCARD_E_NOT_FOUND: entry('No such route', 404, 66),
  HCARD_E_LISTEN_FAILED: entry(
    'The gateway cannot listen on its address',
    503,
    69,
    'Is another gateway running? Choose another port with --port or "port" in the config.',
  ),
  HCARD_E_BODY_INVALID: entry('The request body is not valid JSON', 400, 65),
  HCARD_E_BODY_TOO_LARGE: entry('The request body is too large', 413, 65),
  HCARD_E_RATE_LIMITED: entry('Too many requests', 429, 75, 'Wait and try again.'),
  HCARD_E_IDEMPOTENCY_CONFLICT: entry(
    'This Idempotency-Key was used for a different request',
    422,
    65,
    'Use a new key for a new request.',
  ),
  // Batch issuance
  HCARD_E_ISSUE_INPUT_INVALID: entry(
    'The enrolment file cannot be read',
    422,
    65,
    'Check the file type (.csv, .xlsx, .jsonl), its header row and --encoding / --mapping.',
  ),
  HCARD_E_ISSUE_INPUT_COLUMNS: entry(
    "The enrolment file's header lacks required columns",
    422,
    65,
    'Rename the columns (姓名, 性别, 民族, 出生日期, 身份证号 …) or give --mapping FILE.',
  ),
  HCARD_E_ISSUE_MAPPING_INVALID: entry(
    'Invalid column mapping file',
    400,
    78,
    'Use {"columns": {"name": "…"}}.',
  ),
  HCARD_E_ISSUE_BATCH_UNKNOWN: entry('No such batch in the journal', 404, 66, 'Check --batch and --store.'),
  HCARD_E_ISSUE_ROW_UNKNOWN: entry('No such row in the batch', 404, 66),
  HCARD_E_ISSUE_BATCH_MISMATCH: entry(
    'The batch exists with another input file or options',
    409,
    65,
    'Run with the same file and options to resume it, or choose a new --batch name.',
  ),
  HCARD_E_ISSUE_STORE_INVALID: entry(
    'Unsupported journal store',
    400,
    2,
    'Use sqlite:FILE or postgres://user@host/db.',
  ),
  HCARD_E_ISSUE_STORE_FAILED: entry('The issuance journal failed', 503, 74),
  HCARD_E_ISSUE_JOB_NOT_CLAIMED: entry(
    'The job is not being encoded by this station',
    409,
    75,
    'Another station or run holds it; each station encodes the jobs it claimed.',
  ),
  HCARD_E_ISSUE_CHIP_REUSED: entry('This chip was already used for another card', 409, 65),
  HCARD_E_CHIP_MISMATCH: entry(
    'The personalisation plan was made for another chip (card factor differs)',
    409,
    65,
  ),
  HCARD_E_PERSO_REFUSED: entry('The blank card refused a personalisation step', 422, 69),
  HCARD_E_PERSO_VERIFY_FAILED: entry('Read-back differs from what was written', 422, 69),
  HCARD_E_PRINTER_FAILED: entry('The card printer/feeder failed', 503, 74),
  HCARD_E_PRINTER_EMPTY: entry(
    'The printer has no blank cards left',
    409,
    75,
    'Refill the hopper and run again.',
  ),
  // Resident ID-card readers (GA 467 serial protocol, spec C): reader-driver/src/idcard, emulator/src/idcard
  HCARD_E_IDCARD_READER_NOT_FOUND: entry(
    'No ID-card reader found',
    404,
    66,
    'Connect the reader (it shows up as a serial port such as /dev/ttyUSB0) or name its port with --port.',
  ),
  HCARD_E_IDCARD_READER_AMBIGUOUS: entry(
    'Several serial ports could be the ID-card reader',
    409,
    2,
    'Name the reader with --port.',
  ),
  HCARD_E_IDCARD_PORT_FAILED: entry(
    "The ID-card reader's port cannot be opened or was closed",
    503,
    74,
    'Check the cable and that no other program has the port open.',
  ),
  HCARD_E_IDCARD_TIMEOUT: entry(
    'The ID-card reader did not answer in time',
    504,
    74,
    'Keep the card still on the reader and try again; check the port and its baud rate (115200).',
  ),
  HCARD_E_IDCARD_FRAME_CHECKSUM: entry('A frame from the ID-card reader has a wrong checksum', 502, 74),
  HCARD_E_IDCARD_FRAME_MALFORMED: entry('A frame from the ID-card reader is malformed', 502, 74),
  HCARD_E_IDCARD_HOST_FRAME_REJECTED: entry(
    "The ID-card reader's SAM rejected a frame hcard sent (checksum or length)",
    502,
    74,
    'Line noise or a wrong baud rate: check the cable and that the port runs at 115200 8N1.',
  ),
  HCARD_E_IDCARD_COMMAND_REFUSED: entry('The ID-card reader refused the command', 502, 69),
  HCARD_E_IDCARD_AUTH_FAILED: entry(
    "The ID card and the reader's SAM did not authenticate each other",
    422,
    69,
    'Place the card again; a card that fails every time may be damaged or not genuine.',
  ),
  HCARD_E_IDCARD_CARD_UNRECOGNISED: entry(
    'The card on the reader is not a card type the SAM recognises',
    422,
    69,
    'Place a resident ID card, a residence permit or a foreigner permanent-residence card.',
  ),
  HCARD_E_IDCARD_CARD_FAILED: entry('The ID card failed an operation (random number or write)', 502, 69),
  HCARD_E_IDCARD_SAM_UNAVAILABLE: entry(
    "The ID-card reader's security module (SAM) cannot work",
    503,
    69,
    'It failed its self-test or is not provisioned; contact the reader supplier.',
  ),
  HCARD_E_IDCARD_STATUS_UNKNOWN: entry('The ID-card reader answered a status hcard does not know', 502, 69),
  HCARD_E_IDCARD_DATA_INVALID: entry('The ID card data block is malformed', 502, 65),
  HCARD_E_IDCARD_PTY_FAILED: entry(
    'The pseudo-terminal pair for the emulated ID-card reader cannot be made',
    503,
    69,
    'Install socat (scripts/setup.sh does) and check that the link path is writable.',
  ),
  // Emulator
  HCARD_E_IMAGE_INVALID: entry('Invalid card image', 400, 65),
  HCARD_E_INTERNAL: entry('Internal error', 500, 70, 'This is a bug; please report it with the transcript.'),
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Base of every error hcard throws: a catalogue `code`, a readable message and details. */
export class HcardError extends Error {
  override readonly name: string = 'HcardError';
  readonly code: ErrorCode;
  /** Non-personal details (file, item number, status word …) for logs and API bodies. */
  readonly details: Readonly<Record<string, unknown>>;
  /** The specific part of the message, after the catalogue text. */
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, details: Record<string, unknown> = {}, cause?: unknown) {
    const base = ERROR_CATALOGUE[code].message;
    super(detail ? `${base}: ${detail}` : base, cause === undefined ? undefined : { cause });
    this.code = code;
    this.detail = detail;
    this.details = details;
  }

  get hint(): string | undefined {
    const e: CatalogueEntry = ERROR_CATALOGUE[this.code];
    return e.hint;
  }
}

/** Shorthand for `new HcardError(...)`. */
export function hcardError(
  code: ErrorCode,
  detail?: string,
  details?: Record<string, unknown>,
  cause?: unknown,
): HcardError {
  return new HcardError(code, detail, details, cause);
}

export function isHcardError(e: unknown, code?: ErrorCode): e is HcardError {
  return e instanceof HcardError && (code === undefined || e.code === code);
}

/** Wraps anything thrown into an HcardError, keeping catalogue errors as they are. */
export function toHcardError(e: unknown): HcardError {
  if (e instanceof HcardError) return e;
  return new HcardError('HCARD_E_INTERNAL', e instanceof Error ? e.message : String(e), {}, e);
}
