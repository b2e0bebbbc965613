export { KlokModule } from './klok.module';
export { KlokPlanner, beginVanDag } from './klok-planner';
export type { GeplandMoment, Planbron, VerwerktMoment } from './klok-planner';
export { KlokWorker } from './klok.worker';
export { KlokPlanning } from './klok-planning.entity';
export { KlokSandboxParam } from './klok.dto';
