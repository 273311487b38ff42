/** The three subgraphs, in start order (a module of its own: the launcher names them without loading them). */
export const SERVICE_NAMES = ['social-protection', 'employment', 'social-service'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
