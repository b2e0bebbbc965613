import { ApiClient } from '../beheer/clients/api-client.entity';
import { Sandbox } from '../beheer/sandboxes/sandbox.entity';
import { Foundation1764380000000 } from './migrations/1764380000000-foundation';
import { Outbox1764380100000 } from './migrations/1764380100000-outbox';

/** Every entity the simulator maps; the CLI data source and the app share this list. */
export const ENTITIES = [Sandbox, ApiClient];

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [Foundation1764380000000, Outbox1764380100000];
