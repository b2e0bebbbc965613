import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { problemFactory, type ProblemStatusTable } from '../common/problem/problem';
import { ROD_PROBLEM_STATUS } from '../rod';

/** Problem codes of the BRON migration API (/bron/v1) and of ROD's refusals during the migration. */
export const BronProblem = {
  migratieNietGevonden: 'migratie_niet_gevonden',
  migratieStatus: 'migratie_status_ongeldig',
  bestandsnaamOntbreekt: 'bestandsnaam_ontbreekt',
  bestandAfgekeurd: 'bestand_afgekeurd',
  registerBevroren: 'register_bevroren',
  schoolNietAangesloten: 'school_niet_aangesloten',
} as const;

/**
 * The migration's own reject codes: verdicts on a staged inschrijving that are not ROD rules, in DUO's `NNN_snake_case`
 * format. Numbered 9xx so they never share a number with ROD's feedback codes (0xx–2xx, `RodCode`): a reject report
 * lists both side by side. The reader's faults of a whole file (`BronBestandFoutCode`) carry no number.
 */
export const BronAfkeurcode = {
  volgnummerDubbel: '900_inschrijvingvolgnummer_dubbel_in_bron',
} as const;
export type BronAfkeurcodeNaam = (typeof BronAfkeurcode)[keyof typeof BronAfkeurcode];

/** The BRON API's problem codes and their one status each. */
export const BRON_PROBLEM_STATUS = {
  migratie_niet_gevonden: 404,
  migratie_status_ongeldig: 409,
  bestandsnaam_ontbreekt: 400,
  bestand_afgekeurd: 400,
  register_bevroren: 409,
  school_niet_aangesloten: 409,
} as const satisfies ProblemStatusTable;

/** A school without a machtiging is ROD's 221. */
const TABLE = { ...COMMON_PROBLEM_STATUS, '221_geen_machtiging': ROD_PROBLEM_STATUS['221_geen_machtiging'], ...BRON_PROBLEM_STATUS };
export const bronProblem = problemFactory(TABLE);
/** Documents an operation's problem responses by code. */
export const ApiBronProblems = apiProblemsFrom(TABLE);

export const migratieNietGevonden = (id: string) => bronProblem(BronProblem.migratieNietGevonden, `No migratie ${id} in this sandbox.`);

export const migratieStatus = (status: string, wat: string) => bronProblem(BronProblem.migratieStatus, `The migratie is ${status}: ${wat} is not possible now.`);
