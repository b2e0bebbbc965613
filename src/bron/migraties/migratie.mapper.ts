import type { AfkeuringenResponse, BestandResponse, BestandUploadResponse, MigratieResponse, TellingResponse } from './migratie.dto';
import type { BestandRij, MigratieRij, TellingRij } from './migraties.repository';

export function bestandResponse(b: BestandRij, herkend: boolean): BestandUploadResponse;
export function bestandResponse(b: BestandRij): BestandResponse;
export function bestandResponse(b: BestandRij, herkend?: boolean): BestandResponse | BestandUploadResponse {
  return {
    id: b.id,
    bestandsnaam: b.bestandsnaam,
    inhoudHash: b.inhoud_hash.trim(),
    grootte: Number(b.grootte),
    instellingscode: b.instellingscode,
    status: b.status,
    fouten: b.fouten,
    aantalRegels: b.aantal_regels,
    aantalLeerlingen: b.aantal_leerlingen,
    aantalInschrijvingen: b.aantal_inschrijvingen,
    ...(herkend !== undefined ? { herkend } : {}),
  };
}

export function migratieResponse(m: MigratieRij, bestanden: BestandRij[]): MigratieResponse {
  const self = `/bron/v1/migraties/${m.id}`;
  return {
    id: m.id,
    status: m.status,
    fasen: m.fasen,
    bestanden: bestanden.map((b) => bestandResponse(b)),
    aangemaaktOp: new Date(m.created_at).toISOString(),
    bijgewerktOp: new Date(m.updated_at).toISOString(),
    _links: { self: { href: self }, telling: { href: `${self}/telling` } },
  };
}

export function tellingResponse(rijen: TellingRij[], bestanden: BestandRij[], proefdraai: boolean): TellingResponse {
  const t = (r: TellingRij | undefined) => ({ gelezen: r?.gelezen ?? 0, goedgekeurd: r?.goedgekeurd ?? 0, afgekeurd: r?.afgekeurd ?? 0, open: r?.open ?? 0 });
  const perBestand = new Map(rijen.filter((r) => r.bestand_id).map((r) => [r.bestand_id!, r]));
  return {
    proefdraai,
    totaal: t(rijen.find((r) => !r.bestand_id && !r.instellingscode)),
    perBestand: bestanden.filter((b) => b.status === 'GELEZEN').map((b) => ({ bestandId: b.id, bestandsnaam: b.bestandsnaam, ...t(perBestand.get(b.id)) })),
    perSchool: rijen.filter((r) => r.instellingscode && !r.bestand_id).map((r) => ({ instellingscode: r.instellingscode!, ...t(r) })),
    afgekeurdeBestanden: bestanden.filter((b) => b.status === 'AFGEKEURD').map((b) => ({ bestandsnaam: b.bestandsnaam, instellingscode: b.instellingscode, fouten: b.fouten })),
  };
}

const csvVeld = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The reject report as CSV (RFC 4180): file, line, sleutel, code, text. */
export function afkeuringenCsv(r: AfkeuringenResponse): string {
  const regels = [['bestandsnaam', 'regel', 'sleutel', 'code', 'tekst'].join(',')];
  for (const a of r.afkeuringen) regels.push([a.bestandsnaam, a.regel, a.sleutel, a.code, a.tekst].map(csvVeld).join(','));
  return regels.join('\r\n') + '\r\n';
}
