/**
 * One application on an emulated multi-application chip (the "three cards in one" card):
 * the social-security SSSE application and the PBOC/UnionPay bank application plug into
 * `EmulatedChip` through this interface; the health application is the chip's MF side.
 *
 * The chip routes SELECT by DF name (`00 A4 04 …`) to the application whose AID matches
 * (exactly, or as a partial name that is a prefix of it: ISO 7816-4 §7.1.1) and hands it every
 * later command until another application or the MF is selected. Responses are data ‖ SW1 SW2,
 * as a T=1 card answers (no `61xx`); the chip does T=0 GET RESPONSE for the chip as a whole.
 */
export interface EmulatedApplication {
  /** Short name for logs and images: 'ssse', 'bank'. */
  readonly name: string;
  /** DF names that select this application (full AIDs; a PSE name counts as one). */
  readonly aids: readonly Uint8Array[];
  /**
   * Processes one command while this application is selected, including the SELECT by name
   * that selected it. Never throws for card-level errors: those are status words.
   */
  process(command: Uint8Array): Uint8Array;
  /** Card reset or deselection: selection, security state and challenges are lost. */
  reset(): void;
}
