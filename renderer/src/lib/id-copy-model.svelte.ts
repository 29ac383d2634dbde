/**
 * Copies a contact ID to the clipboard and keeps how it went for a few seconds, for a polite live
 * region: sighted users read it, screen reader users hear it. The outcome, not a sentence, is
 * kept, so the message follows a change of language.
 */
export type CopyOutcome = { readonly ok: true; readonly id: string } | { readonly ok: false };

export class IdCopyModel {
  #outcome = $state.raw<CopyOutcome | null>(null);

  readonly #write: (text: string) => Promise<void>;
  readonly #showMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(write: (text: string) => Promise<void>, showMs = 4000) {
    this.#write = write;
    this.#showMs = showMs;
  }

  /** How the last copy went, while it is still shown; null otherwise. */
  get outcome(): CopyOutcome | null {
    return this.#outcome;
  }

  async copy(id: string): Promise<void> {
    let outcome: CopyOutcome;
    try {
      await this.#write(id);
      outcome = { ok: true, id };
    } catch {
      // Main could not reach the system clipboard (or the call itself failed).
      outcome = { ok: false };
    }
    clearTimeout(this.#timer);
    this.#outcome = outcome;
    this.#timer = setTimeout(() => (this.#outcome = null), this.#showMs);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
