/** Problem codes of the administration API. */
export const BeheerErrors = {
  sandboxExists: 'sandbox_exists',
  sandboxNotFound: 'sandbox_not_found',
  defaultSandbox: 'default_sandbox_protected',
  clientExists: 'client_exists',
  clientNotFound: 'client_not_found',
  scopeNotAllowed: 'scope_not_allowed_for_role',
  ownClient: 'own_client_protected',
} as const;
