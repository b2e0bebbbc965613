import { ProblemException } from '../common/problem/problem';

/** Problem codes of the BRON migration API (/bron/v1) and of ROD's refusals during the migration. */
export const BronProblem = {
  migratieNietGevonden: 'migratie_niet_gevonden',
  migratieStatus: 'migratie_status_ongeldig',
  bestandsnaamOntbreekt: 'bestandsnaam_ontbreekt',
  leesFout: 'bestand_onleesbaar',
  schoolNietGevonden: 'instelling_onbekend',
  registerBevroren: 'register_bevroren',
  schoolNietAangesloten: 'school_niet_aangesloten',
  geenMachtiging: '221_geen_machtiging',
} as const;

export const migratieNietGevonden = (id: string) => new ProblemException(404, BronProblem.migratieNietGevonden, `No migratie ${id} in this sandbox.`);

export const migratieStatus = (status: string, wat: string) =>
  new ProblemException(409, BronProblem.migratieStatus, `The migratie is ${status}: ${wat} is not possible now.`);
