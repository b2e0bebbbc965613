import type { Type } from '@nestjs/common';
import { BeheerModule } from './beheer';
import { registerApi, RegisterApiInfo } from './common/http/registers';

/** Every register API the simulator serves, each with its own base path and OpenAPI document. */
export const REGISTER_APIS: { info: RegisterApiInfo; modules: Type<unknown>[] }[] = [
  {
    info: registerApi({
      key: 'beheer',
      basePath: '/beheer/v1',
      version: '1.0.0',
      title: 'ROD po simulator — beheer',
      description:
        'Administration of the simulator (the DUO side): OAuth clients of LAS vendors and administrators, and sandboxes. ' +
        'Every record of the registers belongs to a sandbox; a token is issued for one sandbox and sees only that sandbox.',
    }),
    modules: [BeheerModule],
  },
];
