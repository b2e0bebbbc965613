import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { problemFactory, type ProblemStatusTable } from '../common/problem/problem';

/** Codes of the berichten API (feed and webhook subscriptions): problem codes, and codes of items in a 400's `errors`. */
export const BerichtenErrors = {
  abonnementOnbekend: 'webhook_abonnement_onbekend',
  afleveringOnbekend: 'webhook_aflevering_onbekend',
  teVeelAbonnementen: 'webhook_te_veel_abonnementen',
  cursorOnbekend: 'cursor_onbekend',
  doelNietToegestaan: 'webhook_doel_niet_toegestaan',
} as const;

/** The berichten API's problem codes and their one status each. */
export const BERICHTEN_PROBLEM_STATUS = {
  webhook_abonnement_onbekend: 404,
  webhook_aflevering_onbekend: 404,
  webhook_te_veel_abonnementen: 409,
} as const satisfies ProblemStatusTable;

const TABLE = { ...COMMON_PROBLEM_STATUS, ...BERICHTEN_PROBLEM_STATUS };
export const berichtenProblem = problemFactory(TABLE);
/** Documents an operation's problem responses by code. */
export const ApiBerichtenProblems = apiProblemsFrom(TABLE);

/** Event types ROD pushes (CloudEvents `type`, reverse DNS). */
export const EVENT_TYPES = [
  'nl.duo.rod.bekostigingsstatus-gewijzigd',
  'nl.duo.rod.kennisgeving-in-uitschrijving',
  'nl.duo.rod.persoonsgegevens-gewijzigd',
  'nl.duo.rod.melding',
  'nl.duo.rod.overzicht-vaststelling-tellingen',
  'nl.duo.rod.signalen-kwaliteitscontrole',
] as const;
