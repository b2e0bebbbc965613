export { BeheerModule } from './beheer.module';
export { SandboxesService, DEFAULT_SANDBOX } from './sandboxes/sandboxes.service';
export { Sandbox } from './sandboxes/sandbox.entity';
export { DEMO_CLIENTS } from './demo-data';
export { BEHEER_PROBLEM_STATUS } from './beheer.errors';
