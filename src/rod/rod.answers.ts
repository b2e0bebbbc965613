import type { ProblemException } from '../common/problem/problem';
import { RodCode, RodProblem, rodProblem, Terugmelding } from './rod.errors';

/**
 * Afgekeurd is a 422 problem+json that carries every foutmelding (and any melding) at once, so a LAS can
 * never mistake it for a stored change: nothing was stored.
 */
export function afgekeurd(foutmeldingen: Terugmelding[], meldingen: Terugmelding[], extras: Record<string, unknown> = {}): ProblemException {
  return rodProblem(
    RodProblem.afgekeurd,
    `Afgekeurd: ${foutmeldingen.length} ${foutmeldingen.length === 1 ? 'foutmelding' : 'foutmeldingen'}; nothing was stored. Fix them and send again.`,
    { resultaat: 'afgekeurd', foutmeldingen, meldingen, ...extras },
  );
}

/** 403: the calling LAS vendor holds no mandate for the school (and learns nothing else about it). */
export function geenMachtiging(instellingscode: string): ProblemException {
  return rodProblem(RodCode.geenMachtiging, `Your organisation (OIN) holds no machtiging for instelling ${instellingscode} on this date.`);
}
