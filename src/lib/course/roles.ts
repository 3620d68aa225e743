/**
 * The three front-line roles every lesson shows its idea for (`<RoleScenario role="…">`): a waiter;
 * a cashier or salesperson; a call-centre or reception agent.
 */
export const ROLES = ['waiter', 'cashier', 'operator'] as const;
export type Role = (typeof ROLES)[number];
