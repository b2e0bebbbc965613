import { createHmac } from 'node:crypto';

/** Fields that carry a person number (BSN or onderwijsnummer) in ROD's messages and answers. */
const PERSOONSNUMMER_VELDEN = new Set(['burgerservicenummer', 'onderwijsnummer', 'bsn', 'persoonsgebondennummer']);
const NEGEN_CIJFERS = /^\d{9}$/;
const MAX_DIEPTE = 40;

/**
 * The journal never keeps a person number. Each one becomes `*****` + its last three digits + `#` + a keyed hash
 * (HMAC over sandbox and number), so a person reads the same throughout a sandbox's journal — grading can follow a
 * pupil from identificatie to inschrijving — while the number itself cannot be read back.
 */
export class Maskering {
  constructor(private readonly sleutel: string) {}

  nummer(sandboxId: string, nummer: string): string {
    const hash = createHmac('sha256', this.sleutel).update(`${sandboxId}:${nummer}`).digest('hex').slice(0, 10);
    return `*****${nummer.slice(-3)}#${hash}`;
  }

  /**
   * The same masking on JSON text, without parsing it: every string of exactly nine digits, and a number under a
   * person-number field. What the journal stores on the request path (cheaper than parse, walk and stringify).
   */
  tekst(sandboxId: string, json: string): string {
    return json
      .replace(/"(\d{9})"/g, (_m, n: string) => `"${this.nummer(sandboxId, n)}"`)
      .replace(/"(burgerservicenummer|onderwijsnummer|bsn|persoonsgebondenNummer)"(\s*):(\s*)(\d+)/gi, (_m, k: string, a: string, b: string, n: string) => `"${k}"${a}:${b}"${this.nummer(sandboxId, n)}"`);
  }

  /** A copy of a JSON value with every person number masked: under a person-number field, or any string of exactly nine digits. */
  waarde(sandboxId: string, v: unknown, diepte = 0): unknown {
    if (diepte > MAX_DIEPTE) return '…';
    if (typeof v === 'string') return NEGEN_CIJFERS.test(v) ? this.nummer(sandboxId, v) : v;
    if (Array.isArray(v)) return v.map((x) => this.waarde(sandboxId, x, diepte + 1));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = PERSOONSNUMMER_VELDEN.has(k.toLowerCase()) && (typeof x === 'string' || typeof x === 'number') ? this.nummer(sandboxId, String(x)) : this.waarde(sandboxId, x, diepte + 1);
      }
      return out;
    }
    return v;
  }
}
