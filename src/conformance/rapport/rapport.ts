import type { CaseUitslag } from '../proefgevallen/proefgevallen';

/** A run's report: what every format (JSON, JUnit XML, HTML, SVG badge) is made from. */
export interface RunRapport {
  runId: string;
  sandbox: string;
  clientId: string;
  catalogusVersie: string;
  gestartOp: string;
  afgerondOp: string | null;
  status: 'LOPEND' | 'AFGEROND';
  totalen: { geslaagd: number; mislukt: number; nietGeprobeerd: number; totaal: number };
  gevallen: (CaseUitslag & { details: RapportUitwisseling[] })[];
}

/** An exchange as a report shows it next to the case that looked at it. */
export interface RapportUitwisseling {
  id: string;
  tijdstip: string;
  methode: string;
  pad: string;
  status: number;
  codes: string[];
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const html = xml;

export function totalen(gevallen: CaseUitslag[]): RunRapport['totalen'] {
  const n = (u: string) => gevallen.filter((g) => g.uitslag === u).length;
  return { geslaagd: n('GESLAAGD'), mislukt: n('MISLUKT'), nietGeprobeerd: n('NIET_GEPROBEERD'), totaal: gevallen.length };
}

/** JUnit XML for CI: a failed case is a <failure>, a case not attempted is <skipped>. */
export function junitXml(r: RunRapport): string {
  const t = r.totalen;
  const cases = r.gevallen.map((g) => {
    const naam = `${g.nummer} ${g.titel}`;
    const uitw = g.details.map((d) => `#${d.id} ${d.methode} ${d.pad} → ${d.status}${d.codes.length ? ` [${d.codes.join(', ')}]` : ''}`).join('\n');
    const inhoud =
      g.uitslag === 'MISLUKT'
        ? `\n      <failure message="${xml(g.reden)}" type="${g.nummer}">${xml(uitw)}</failure>\n    `
        : g.uitslag === 'NIET_GEPROBEERD'
          ? `\n      <skipped message="${xml(g.reden)}"/>\n    `
          : '';
    return `    <testcase classname="rod-po-conformance.${xml(r.catalogusVersie)}" name="${xml(naam)}">${inhoud}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ROD po conformance" tests="${t.totaal}" failures="${t.mislukt}" skipped="${t.nietGeprobeerd}">`,
    `  <testsuite name="proefgevallen ${xml(r.catalogusVersie)} (run ${xml(r.runId)})" tests="${t.totaal}" failures="${t.mislukt}" skipped="${t.nietGeprobeerd}" timestamp="${xml(r.gestartOp)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

const KLEUR = { GESLAAGD: '#1a7f37', MISLUKT: '#cf222e', NIET_GEPROBEERD: '#6e7781' } as const;
const LABEL = { GESLAAGD: 'geslaagd', MISLUKT: 'mislukt', NIET_GEPROBEERD: 'niet geprobeerd' } as const;

/** A page a person reads: every case with its outcome, and for a case that failed its reason and the exchanges it looked at. */
export function htmlRapport(r: RunRapport): string {
  const t = r.totalen;
  const rijen = r.gevallen
    .map(
      (g) => `
    <section class="geval ${g.uitslag.toLowerCase()}" id="${html(g.nummer)}" data-uitslag="${g.uitslag}">
      <h2><span class="uitslag" style="background:${KLEUR[g.uitslag]}">${LABEL[g.uitslag]}</span> ${html(g.nummer)} — ${html(g.titel)}</h2>
      <p class="instructie">${html(g.instructie)}</p>
      <p class="reden">${html(g.reden)}</p>
      ${
        g.details.length
          ? `<table class="uitwisselingen"><thead><tr><th>#</th><th>tijdstip</th><th>verzoek</th><th>status</th><th>codes</th></tr></thead><tbody>${g.details
              .map((d) => `<tr><td>${html(d.id)}</td><td>${html(d.tijdstip)}</td><td>${html(d.methode)} ${html(d.pad)}</td><td>${d.status}</td><td>${html(d.codes.join(', '))}</td></tr>`)
              .join('')}</tbody></table>`
          : ''
      }
    </section>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Conformance ${html(r.runId)} — ${t.geslaagd}/${t.totaal} geslaagd</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; color: #1f2328; }
.uitslag { color: #fff; border-radius: 4px; padding: 0 .4rem; font-size: .8em; }
.geval { border-top: 1px solid #d0d7de; padding: .5rem 0; }
.reden { font-weight: 600; }
table { border-collapse: collapse; font-size: .85em; } td, th { border: 1px solid #d0d7de; padding: .2rem .4rem; text-align: left; }
</style>
</head>
<body>
<h1>ROD po conformance — run ${html(r.runId)}</h1>
<p id="samenvatting">Sandbox ${html(r.sandbox)}, client ${html(r.clientId)}, proefgevallen ${html(r.catalogusVersie)}; started ${html(r.gestartOp)}${r.afgerondOp ? `, finished ${html(r.afgerondOp)}` : ' (running)'}.
<strong>${t.geslaagd} geslaagd, ${t.mislukt} mislukt, ${t.nietGeprobeerd} niet geprobeerd</strong> of ${t.totaal}.</p>
${rijen}
</body>
</html>
`;
}

/** A shields-style SVG badge: passed/total, green only when every case passed. */
export function badgeSvg(r: RunRapport): string {
  const t = r.totalen;
  const tekst = `${t.geslaagd}/${t.totaal} geslaagd`;
  const kleur = t.geslaagd === t.totaal ? KLEUR.GESLAAGD : t.mislukt > 0 ? KLEUR.MISLUKT : '#bf8700';
  const links = 'ROD po conformance';
  const lw = links.length * 6.5 + 10;
  const rw = tekst.length * 6.5 + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + rw}" height="20" role="img" aria-label="${xml(links)}: ${xml(tekst)}">
<title>${xml(links)}: ${xml(tekst)}</title>
<rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${rw}" height="20" fill="${kleur}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="5" y="14">${xml(links)}</text><text x="${lw + 5}" y="14">${xml(tekst)}</text></g>
</svg>
`;
}
